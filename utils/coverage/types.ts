/**
 * Coverage: what the supervisor asks any day, as a pure function of roster, plan and the
 * collected records. Nothing here is stored or counted by hand; everything is derived.
 */
import type { ObservationRecord } from '../record';
import type { Unit } from '../roster';
import type { Plan } from '../plan/types';
import type { ScoringConsistency } from './scoring-consistency';

/** One collected report: the record as signed, and who signed it (from the verifier). */
export interface CollectedRecord {
  record: ObservationRecord;
  /** Common names of the signers, first signer first (empty when not known). */
  signers: string[];
  /** The file it came from, for messages (optional). */
  fileName?: string;
}

export interface CoverageInput {
  /** The roster; inactive units are outside the denominators but their records are reported. */
  units: Unit[];
  /** Plans of any years; those of the scope's years are used. */
  plans: Plan[];
  /**
   * Collected records, any years, any revisions: for each record id only the highest revision
   * counts (a correction supersedes); drafts never count.
   */
  records: CollectedRecord[];
  /**
   * Today (YYYY-MM-DD): a planned visit whose month has not yet passed is 待巡听, not 计划未完成.
   * Without it every planned month counts as passed (a report written after the period).
   */
  asOf?: string;
}

/** A calendar year (2026) or a cycle of years (2026–2027, "两年一轮全覆盖"). */
export interface CoverageScope {
  fromYear: number;
  toYear: number;
}

/** One observed session, as the summary lists it. */
export interface SessionSummary {
  recordId: string;
  revision: number;
  /** Roster unit id it was matched to, or null when the unit is not in the roster. */
  unitId: string | null;
  /** As written in the record. */
  unitName: string;
  /** YYYY-MM-DD */
  date: string;
  theme: string;
  /** Observer names, the lead (组长) first. */
  observers: string[];
  signers: string[];
  /** 0..100 with one decimal, or null when nothing was assessed. */
  total: number | null;
  grade: string | null;
}

export interface PlannedVisit {
  year: number;
  month: number;
  group: string;
}

export interface UnitCoverage {
  unit: Unit;
  /** Plan entries for this unit within the scope, by year then month. */
  planned: PlannedVisit[];
  /** Sessions within the scope, by date (earliest first). */
  sessions: SessionSummary[];
  covered: boolean;
  /** Not covered, and the month of a planned visit has passed (计划未完成 rather than 待巡听). */
  overdue: boolean;
  /** Date of the first session in the scope, or null. */
  firstDate: string | null;
  /** The latest session's total and grade (what the unit stands at now). */
  latestTotal: number | null;
  latestGrade: string | null;
}

export interface MonthProgress {
  /** YYYY-MM */
  month: string;
  /** Plan entries falling in this month. */
  planned: number;
  /** Units covered for the first time in the scope in this month. */
  newlyCovered: number;
  /** Sessions held this month (any unit, repeat visits included). */
  sessions: number;
  cumulativePlanned: number;
  cumulativeCovered: number;
}

export interface GradeCount {
  grade: string;
  count: number;
}

export interface SectionAverage {
  /** Sections are matched across records by template id and section id; the title of the newest version. */
  title: string;
  /** Mean of each session's section earned/max, as a percentage with one decimal. */
  averagePct: number;
  /** Sessions in which this section was assessed. */
  sessions: number;
  /** The versions of its template the figure comes from, ascending. */
  versions: number[];
}

/** A template the counted sessions were scored against, with how many sessions used each version. */
export interface TemplateUse {
  id: string;
  /** The title in the newest version used. */
  title: string;
  versions: { version: number; sessions: number }[];
}

export type CoverageProblemKind =
  /** A record names a unit that is not in the roster. */
  | 'unknown-unit'
  /** Two or more records for one unit on one day. */
  | 'same-day-duplicate'
  /** A record for a unit marked inactive in the roster. */
  | 'inactive-unit'
  /** A plan entry names a unit id that is not in the roster. */
  | 'plan-unknown-unit'
  /** One record id claimed by revisions that do not supersede one another (another unit, date or signer). */
  | 'revision-conflict';

export interface CoverageProblem {
  kind: CoverageProblemKind;
  /** Chinese, names the unit, date and file where known. */
  message: string;
  recordIds: string[];
}

export interface CoverageTotals {
  /** Active units in the roster. */
  units: number;
  /** Active units with at least one session in the scope. */
  covered: number;
  /** covered / units × 100, one decimal (40 of 69 → 58.0). */
  coveredPct: number;
  /** Distinct active units in the scope's plans. */
  planned: number;
  /** Planned units that are covered. */
  plannedCovered: number;
  /** plannedCovered / planned × 100, one decimal (0 when nothing is planned). */
  plannedPct: number;
  /** Covered units that no plan of the scope names. */
  coveredUnplanned: number;
  /** Sessions in the scope (repeat visits included; unknown units excluded). */
  sessions: number;
}

export interface Coverage {
  scope: CoverageScope;
  /** "2026 年度" or "2026—2027 年度（两年一轮）". */
  label: string;
  totals: CoverageTotals;
  /** Every active unit, in roster order. */
  units: UnitCoverage[];
  /** Active units not covered in the scope (what drives next year's plan), roster order. */
  notCovered: Unit[];
  /** Planned in the scope but not yet observed. */
  /** Planned, not observed, and a planned month has passed (计划未完成). */
  plannedNotObserved: Unit[];
  /** Planned, not observed, and no planned month has passed yet (待巡听). */
  plannedPending: Unit[];
  /** Active units no plan of the scope names. */
  notInAnyPlan: Unit[];
  /** Every month of the scope, January of fromYear to December of toYear. */
  monthly: MonthProgress[];
  /** In the bands' order (best first), every grade present, plus 未评定 for sessions without a total. */
  grades: GradeCount[];
  /** Weakest first. */
  sections: SectionAverage[];
  /** Which templates and versions the grades and section figures come from. */
  templates: TemplateUse[];
  /** The best sessions (excellent-case candidates), highest total first, at most 10. */
  top: SessionSummary[];
  /** 评分一致性, from the sessions a group scored independently and reconciled. */
  consistency: ScoringConsistency;
  problems: CoverageProblem[];
}
