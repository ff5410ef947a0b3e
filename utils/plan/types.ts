/**
 * The yearly plan `xunting.plan/1` (每年制定专项巡听旁听计划): which units are to be observed in
 * which month, and by which observer group. One plan per year; a cycle (2026–2027) is the
 * plans of its years together.
 */
export const PLAN_FORMAT = 'xunting.plan/1' as const;

export interface PlanEntry {
  /** Roster id of the unit. */
  unitId: string;
  /** 1..12: the month the observation is planned for. */
  month: number;
  /** The observer group (巡听组), e.g. 第一巡听组; may be empty. */
  group: string;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  /** Four-digit year, e.g. 2026. */
  year: number;
  title?: string;
  entries: PlanEntry[];
}
