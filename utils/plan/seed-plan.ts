/**
 * Next year's plan from the units a coverage left uncovered (生成下一年度计划), and how it joins
 * a plan already made for that year.
 */
import type { Unit } from '../roster';
import { PLAN_FORMAT, type Plan } from './types';

const GROUPS = ['第一巡听组', '第二巡听组', '第三巡听组'];
const MONTHS = [3, 4, 5, 6, 7, 8, 9, 10, 11];

/** A draft plan for `year` spreading `units` over March to November, by observer group in turn. */
export function seedPlan(year: number, units: readonly Unit[]): Plan {
  return {
    format: PLAN_FORMAT,
    year,
    entries: units.map((u, i) => ({
      unitId: u.id,
      month: MONTHS[Math.floor((i * MONTHS.length) / Math.max(1, units.length))],
      group: GROUPS[i % GROUPS.length],
    })),
  };
}

/** 合并: every unit the existing plan schedules keeps its month and group; the draft adds only the units the plan does not have yet. */
export function mergePlan(existing: Plan, draft: Plan): Plan {
  const planned = new Set(existing.entries.map((e) => e.unitId));
  return { ...existing, entries: [...existing.entries, ...draft.entries.filter((e) => !planned.has(e.unitId))] };
}
