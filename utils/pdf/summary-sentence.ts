/**
 * The paragraph of 总体情况 in plain Chinese, from the figures alone:
 * 截至2026年11月20日，2026 年度在册的 69 个单位中已巡听 40 个，覆盖率 58.0%，共巡听 45 场；…
 */
import { formatPct, type Coverage } from '../coverage';

/** `asOf` is the date as printed, e.g. 2026年11月20日. */
export function summarySentence(c: Coverage, asOf: string): string {
  const t = c.totals;
  const parts: string[] = [];
  let first = `截至${asOf}，${c.label}在册的 ${t.units} 个单位中`;
  first += t.covered ? `已巡听 ${t.covered} 个，覆盖率 ${formatPct(t.coveredPct)}，共巡听 ${t.sessions} 场` : '尚未开展巡听';
  parts.push(first);
  if (t.planned) {
    let plan = `计划巡听的 ${t.planned} 个单位中已完成 ${t.plannedCovered} 个，完成率 ${formatPct(t.plannedPct)}`;
    if (t.coveredUnplanned) plan += `；另有计划外巡听 ${t.coveredUnplanned} 个单位`;
    parts.push(plan);
  } else parts.push('本期尚无巡听计划');
  const uncovered = c.notCovered.length;
  if (uncovered) {
    const inPlan = new Set([...c.plannedNotObserved, ...c.plannedPending].map((u) => u.id));
    const planned = c.notCovered.filter((u) => inPlan.has(u.id)).length;
    const details = [planned ? `${planned} 个已列入计划、尚未巡听` : '', uncovered - planned ? `${uncovered - planned} 个尚未列入计划` : ''].filter(Boolean);
    parts.push(`尚有 ${uncovered} 个单位未覆盖${details.length ? `，其中 ${details.join('，')}` : ''}`);
  } else parts.push('在册单位已全部覆盖');
  const graded = c.grades.filter((g) => g.count > 0);
  if (graded.length) parts.push(`各次巡听评定为${graded.map((g) => `${g.grade} ${g.count} 场`).join('、')}`);
  const weakest = c.sections.slice(0, 2);
  if (weakest.length) parts.push(`各部分得分率以${weakest.map((s) => `“${s.title}”（${formatPct(s.averagePct)}）`).join('、')}最低，是今后指导的重点`);
  return `${parts.join('；')}。`;
}
