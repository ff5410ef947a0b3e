import { useState } from 'preact/hooks';
import { TEXT_LIMITS } from '../../utils/record';
import type { ObserveStore } from '../observe/observe-store';
import { Outcome, TextField } from '../ui/fields';
import { useAction } from '../ui/use-action';
import { memberDraftFromInvitation } from './group-actions';

/**
 * 以组员身份新建: a group member starts their own observation, scored on their own, from the
 * lead's invitation file (unit, date, template filled in) or by hand.
 */
export function GroupStart({ store }: { store: ObserveStore }) {
  const [name, setName] = useState('');
  const [invitation, setInvitation] = useState<{ fileName: string; text: string } | null>(null);
  const act = useAction();
  const start = () =>
    act.run(async () => {
      const member = name.trim();
      if (!member) throw new Error('请填写您的姓名（组员）');
      let refusal = '';
      await store.startNew((blank) => {
        if (!invitation) return { ...blank, group: { role: 'member', member } };
        const r = memberDraftFromInvitation(invitation.text, member, blank);
        if (typeof r === 'string') {
          refusal = r;
          return blank;
        }
        return r;
      });
      if (refusal) throw new Error(`${invitation!.fileName}：${refusal}`);
      return '';
    });
  return (
    <section class="card" aria-labelledby="h-group-start">
      <h2 id="h-group-start">巡听组组员独立评分</h2>
      <p class="hint">组员各自独立评分，定稿后提交给组长汇总。可导入组长发来的邀请文件（单位、日期、评分表自动填好），也可手动选择。</p>
      <TextField id="group-member-name" label="您的姓名（组员）" value={name} onValue={setName} maxLength={TEXT_LIMITS.personName} />
      <div class="field">
        <label for="group-invitation">组长的邀请文件（可选）</label>
        <input
          id="group-invitation"
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            setInvitation(f ? { fileName: f.name, text: await f.text() } : null);
          }}
        />
      </div>
      <button type="button" disabled={act.busy} onClick={() => void start()}>
        以组员身份新建
      </button>
      <Outcome message={act.message} error={act.error} />
    </section>
  );
}
