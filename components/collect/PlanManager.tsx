import { useEffect, useMemo, useState } from 'preact/hooks';
import { deletePlan, listPlans, listUnits, savePlans } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { writeXlsx } from '../../utils/io';
import { mergePlan, parsePlanFile, planToRows, PLAN_FORMAT, type Plan } from '../../utils/plan';
import type { Problem } from '../../utils/validate';
import { ProblemList } from '../options/ProblemList';
import { usePlatform } from '../platform';
import { errorMessage } from '../ui/errors';
import { bytesBlob, fileBytes } from '../ui/files';
import { DataTable } from '../ui/DataTable';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = { month: number | null; group: string };

/**
 * The yearly plan (专项巡听旁听计划): which unit in which month by which group. Imported from
 * Excel/CSV/JSON (unit names checked against the roster), edited in a table, exported.
 * `seed` opens a draft (e.g. next year's plan from the units still to cover), stored only on 保存.
 */
export function PlanManager({ seed }: { seed?: Plan | null }) {
  const platform = usePlatform();
  const db = useDb();
  const allPlans = useLive(() => listPlans(db), [db]);
  const plans = allPlans ?? [];
  const allUnits = useLive(() => listUnits(db), [db]);
  const units = useMemo(() => (allUnits ?? []).filter((u) => u.active), [allUnits]);
  const [year, setYear] = useState<number>(seed?.year ?? new Date().getFullYear());
  const [rows, setRows] = useState<Map<string, Row> | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState('');
  // A draft for a year that already has a plan waits for the supervisor's choice: 合并 or 替换.
  const [draft, setDraft] = useState<Plan | null>(null);
  useEffect(() => {
    if (seed) {
      setYear(seed.year);
      setDraft(seed);
    }
  }, [seed]);
  const existing = draft && allPlans ? (allPlans.find((p) => p.year === draft.year) ?? null) : null;
  const openDraft = (plan: Plan, text: string) => {
    setDraft(null);
    setRows(rowsOf(plan));
    setMessage(text);
  };
  useEffect(() => {
    if (draft && allPlans && !existing) openDraft(draft, `已按未覆盖单位生成 ${draft.year} 年计划草稿（${draft.entries.length} 个单位），请调整后保存`);
  }, [draft, allPlans]);
  const stored = plans.find((p) => p.year === year) ?? null;
  const current = useMemo(() => rows ?? rowsOf(stored), [rows, stored]);
  const planned = [...current.values()].filter((r) => r.month !== null).length;

  const change = (unitId: string, r: Partial<Row>) => {
    const next = new Map(current);
    next.set(unitId, { ...(next.get(unitId) ?? { month: null, group: '' }), ...r });
    setRows(next);
  };
  const save = async () => {
    setProblems([]);
    const plan: Plan = {
      format: PLAN_FORMAT,
      year,
      entries: units
        .filter((u) => current.get(u.id)?.month)
        .map((u) => ({ unitId: u.id, month: current.get(u.id)!.month!, group: current.get(u.id)!.group.trim() })),
    };
    const r = await savePlans(db, [plan]);
    if (!r.ok) return setProblems(r.problems);
    setRows(null);
    setMessage(`已保存 ${year} 年计划（${plan.entries.length} 个单位）`);
  };
  const onFile = async (file: File | undefined) => {
    setProblems([]);
    setMessage('');
    if (!file) return;
    try {
      const parsed = await parsePlanFile(file.name, await fileBytes(file), units, { year });
      const r = parsed.ok ? await savePlans(db, parsed.value) : parsed;
      if (!r.ok) return setProblems(r.problems);
      setRows(null);
      setYear(r.value[0].year);
      setMessage(`已导入 ${r.value.map((p) => `${p.year} 年计划（${p.entries.length} 个单位）`).join('、')}`);
    } catch (e) {
      setProblems([{ path: file.name, message: errorMessage(e) }]);
    }
  };
  const exportXlsx = async () => {
    if (!stored) return;
    const [header, ...body] = planToRows(stored, units);
    const bytes = await writeXlsx([{ name: `${year}年计划`, columns: header.map((h) => ({ header: String(h) })), rows: body }]);
    await platform.saveFile(`${year}年巡听旁听计划.xlsx`, bytesBlob(bytes, XLSX_TYPE));
  };
  const years = [...new Set([...plans.map((p) => p.year), year, year + 1])].sort();
  return (
    <section class="card" aria-labelledby="h-plan">
      <h2 id="h-plan">年度计划</h2>
      <div class="row wrap">
        <label for="plan-year">年度</label>
        <select id="plan-year" value={String(year)} style={{ maxWidth: '8em' }} onChange={(e) => (setYear(Number(e.currentTarget.value)), setRows(null))}>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
              {plans.some((p) => p.year === y) ? '' : '（未制定）'}
            </option>
          ))}
        </select>
        <span class="hint">
          计划 {planned} 个单位{rows ? '（有未保存的修改）' : ''}
        </span>
      </div>
      <div class="field">
        <label for="plan-file">导入计划（Excel .xlsx、CSV 或 JSON：单位名称、月份，可含年度、巡听组）</label>
        <input id="plan-file" type="file" accept=".xlsx,.csv,.txt,.json" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </div>
      <div class="row wrap">
        <button type="button" class="primary" disabled={!rows} onClick={() => void save()}>
          保存 {year} 年计划
        </button>
        {rows && (
          <button type="button" class="link" onClick={() => setRows(null)}>
            放弃修改
          </button>
        )}
        <button type="button" disabled={!stored} onClick={() => void exportXlsx()}>
          导出计划（Excel）
        </button>
        {stored && (
          <button type="button" class="link" onClick={async () => (await deletePlan(db, year), setRows(null))}>
            删除 {year} 年计划
          </button>
        )}
      </div>
      {draft && existing && (
        <div class="issuer-notice" role="group" aria-label={`${draft.year} 年已有计划`}>
          <p>
            {draft.year} 年已有计划（{existing.entries.length} 个单位）。草稿有 {draft.entries.length} 个未覆盖单位，其中{' '}
            {mergePlan(existing, draft).entries.length - existing.entries.length} 个不在已有计划中。
          </p>
          <div class="row wrap">
            <button
              type="button"
              class="primary"
              onClick={() => openDraft(mergePlan(existing, draft), `已把未列入计划的单位并入 ${draft.year} 年计划（已有单位的月份和巡听组不变），请调整后保存`)}
            >
              合并：保留已有安排，加入未列入的单位
            </button>
            <button type="button" onClick={() => openDraft(draft, `已用草稿替换 ${draft.year} 年计划（保存后生效），请调整后保存`)}>
              替换：只按草稿安排
            </button>
            <button type="button" class="link" onClick={() => setDraft(null)}>
              取消
            </button>
          </div>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <ProblemList title="计划未保存" problems={problems} />
      <DataTable label={`${year} 年计划`} columns={['单位名称', '计划月份', '巡听组']}>
        {units.map((u) => {
          const r = current.get(u.id) ?? { month: null, group: '' };
          return (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>
                <select
                  aria-label={`${u.name} 计划月份`}
                  value={r.month === null ? '' : String(r.month)}
                  onChange={(e) => change(u.id, { month: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
                >
                  <option value="">不列入</option>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1} 月
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`${u.name} 巡听组`}
                  value={r.group}
                  maxLength={50}
                  disabled={r.month === null}
                  onInput={(e) => change(u.id, { group: e.currentTarget.value })}
                />
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

function rowsOf(plan: Plan | null): Map<string, Row> {
  return new Map((plan?.entries ?? []).map((e) => [e.unitId, { month: e.month, group: e.group }]));
}
