import type { MonthProgress } from './types';

/** Per-month figures, indexed like `months`: what was planned, newly covered and held. */
export interface MonthTallies {
  planned: number[];
  newlyCovered: number[];
  sessions: number[];
}

/** Progress month by month with the running sums of planned entries and covered units. */
export function monthlyProgress(months: readonly string[], tallies: MonthTallies): MonthProgress[] {
  let cumulativePlanned = 0;
  let cumulativeCovered = 0;
  return months.map((month, i) => {
    const planned = tallies.planned[i] ?? 0;
    const newlyCovered = tallies.newlyCovered[i] ?? 0;
    cumulativePlanned += planned;
    cumulativeCovered += newlyCovered;
    return { month, planned, newlyCovered, sessions: tallies.sessions[i] ?? 0, cumulativePlanned, cumulativeCovered };
  });
}
