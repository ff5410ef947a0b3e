/** An imported plan file → plans: JSON (`xunting.plan/1`, one or an array), or a CSV/XLSX table. */
import { readJsonOrTable } from '../io';
import type { Unit } from '../roster';
import type { Problem, Validated } from '../validate';
import { PLAN_HEADERS, plansFromRows, type PlanTableOptions } from './plan-from-rows';
import type { Plan } from './types';
import { checkPlanAgainstRoster, validatePlan } from './validate-plan';

const PLAN_WHAT = '计划文件';

/**
 * Every plan in the file, one per year, sorted by year; every unit resolved against the roster.
 * Any problem (a row, a unit not in the roster, a unit twice in a year) → ok: false with all of them.
 */
export async function parsePlanFile(fileName: string, bytes: Uint8Array, units: Unit[], opts: PlanTableOptions = {}): Promise<Validated<Plan[]>> {
  const read = await readJsonOrTable(fileName, bytes, PLAN_WHAT, { headers: PLAN_HEADERS });
  if (!read.ok) return read;
  if (read.value.kind === 'table') return plansFromRows(read.value.table.rows, units, opts);
  return plansFromJson(read.value.value, units);
}

/** A JSON plan or array of plans, each validated and checked against the roster; paths of an array's plans start `$[i]`. */
function plansFromJson(value: unknown, units: readonly Unit[]): Validated<Plan[]> {
  const list = Array.isArray(value) ? value : [value];
  const root = (i: number) => (Array.isArray(value) ? `$[${i}]` : '$');
  if (!list.length) return { ok: false, problems: [{ path: '$', message: '文件中没有计划' }] };
  const problems: Problem[] = [];
  const plans: Plan[] = [];
  const years = new Map<number, number>();
  list.forEach((item, i) => {
    const rebase = (p: Problem): Problem => ({ path: root(i) + p.path.slice(1), message: p.message });
    const checked = validatePlan(item);
    if (!checked.ok) {
      problems.push(...checked.problems.map(rebase));
      return;
    }
    problems.push(...checkPlanAgainstRoster(checked.value, units).map(rebase));
    const seen = years.get(checked.value.year);
    if (seen !== undefined)
      problems.push({ path: `${root(i)}.year`, message: `${checked.value.year} 年的计划重复（与 ${root(seen)} 同一年）；每年只有一份计划` });
    else years.set(checked.value.year, i);
    plans.push(checked.value);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: plans.sort((a, b) => a.year - b.year) };
}
