/** A plan (or the plans of a cycle) → a table to export (CSV/XLSX) that parsePlanFile reads back. */
import type { Unit } from '../roster';
import type { Plan } from './types';

const PLAN_TABLE_HEADER = ['年度', '月份', '单位名称', '巡听组'] as const;

/**
 * Header row 年度, 月份, 单位名称, 巡听组, then one row per entry in plan order. A unit id that is
 * not in the roster is written as the id itself, so nothing silently disappears.
 */
export function planToRows(plan: Plan | readonly Plan[], units: readonly Unit[]): (string | number)[][] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const plans: readonly Plan[] = Array.isArray(plan) ? plan : [plan as Plan];
  const rows: (string | number)[][] = [[...PLAN_TABLE_HEADER]];
  for (const p of plans) for (const e of p.entries) rows.push([p.year, e.month, names.get(e.unitId) ?? e.unitId, e.group]);
  return rows;
}
