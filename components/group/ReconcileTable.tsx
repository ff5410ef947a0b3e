import { AGREED_RULE_TEXT, reconcile, setAgreedScore, setOverrideReason } from '../../utils/group';
import { checkItemValue } from '../../utils/rubric';
import { TEXT_LIMITS } from '../../utils/record';
import type { ObserveStore } from '../observe/observe-store';

const show = (e: { value: number | null; na: boolean } | undefined) => (!e ? '—' : e.na ? '不适用' : e.value === null ? '未评' : String(e.value));

/**
 * The item-by-item table: each member's score (for a 扣分项, the points deducted), the spread,
 * ⚑ where it exceeds a quarter of the maximum, and the agreed score the lead may change (a
 * reason is required where it lies outside the members' range).
 */
export function ReconcileTable({ store }: { store: ObserveStore }) {
  const r = store.current.value!;
  const members = r.group?.independent ?? [];
  const locked = r.status === 'final';
  const rows = reconcile(r.template, members, r.scores);
  const flagged = rows.filter((x) => x.flagged).length;
  return (
    <div class="reconcile">
      <p class="hint">{AGREED_RULE_TEXT}极差超过该项满分四分之一的项目标 ⚑。扣分项填写的是扣分值。</p>
      <p role="status">
        已汇总 {members.length} 人：{members.map((m) => (m.role === 'lead' ? `${m.name}（组长）` : m.name)).join('、')}；分歧较大 {flagged} 项。
      </p>
      <div class="table-scroll">
        <table class="data" aria-label="组员独立评分对照">
          <thead>
            <tr>
              <th scope="col">评分项目</th>
              {members.map((m) => (
                <th scope="col" key={m.name}>
                  {m.name}
                </th>
              ))}
              <th scope="col">极差</th>
              <th scope="col">组定分</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const o = r.group?.overrides?.[row.item.id];
              const needReason = row.outsideRange && !o?.reason.trim();
              const id = `agreed-${row.item.id}`;
              return (
                <tr key={row.item.id} class={row.flagged ? 'flagged' : ''} data-item={row.item.id}>
                  <th scope="row">
                    {row.flagged && (
                      <span title="分歧较大" aria-label="分歧较大">
                        ⚑{' '}
                      </span>
                    )}
                    {row.item.title}（满分 {row.item.max}
                    {row.item.kind === 'deduction' ? '，扣分项' : ''}）
                  </th>
                  {row.entries.map((e, i) => (
                    <td key={i}>{show(e)}</td>
                  ))}
                  <td>{row.spread}</td>
                  <td>
                    <label class="sr-only" for={id}>{`${row.item.title} 组定分`}</label>
                    <input
                      id={id}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={row.item.max}
                      step={row.item.step}
                      disabled={locked || row.agreed.na}
                      value={row.agreed.value ?? ''}
                      onChange={(e) => {
                        const text = e.currentTarget.value.trim();
                        const v = text === '' ? null : Number(text);
                        if (v !== null && checkItemValue(row.item, v)) {
                          store.notice.value = checkItemValue(row.item, v)!;
                          e.currentTarget.value = row.agreed.value === null ? '' : String(row.agreed.value);
                          return;
                        }
                        store.edit((d) => setAgreedScore(d, row, { value: v, na: false }));
                      }}
                    />
                    {row.overridden && <span class="hint">（平均 {show(row.suggested)}）</span>}
                    {(row.overridden || o) && (
                      <>
                        <label class="sr-only" for={`${id}-reason`}>{`${row.item.title} 调整理由`}</label>
                        <input
                          id={`${id}-reason`}
                          placeholder={row.outsideRange ? '超出组员评分范围，须填写理由' : '调整理由（可选）'}
                          value={o?.reason ?? ''}
                          disabled={locked}
                          maxLength={TEXT_LIMITS.overrideReason}
                          aria-invalid={needReason}
                          onInput={(e) => {
                            const reason = e.currentTarget.value;
                            store.edit((d) => setOverrideReason(d, row.item.id, reason));
                          }}
                        />
                      </>
                    )}
                    {needReason && (
                      <p class="error" role="alert">
                        超出组员评分范围（{show({ value: row.low, na: false })}–{show({ value: row.high, na: false })}），须填写理由
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
