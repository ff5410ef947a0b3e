import type { Validated } from '../validate';
import type { CoverageScope } from './types';

/** Years a scope may name: four digits, as plans and records write them. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** One calendar year: `scopeForYear(2026)` → 2026 年度. */
export function scopeForYear(year: number): CoverageScope {
  return { fromYear: year, toYear: year };
}

/** A cycle of years, two by default ("两年一轮全覆盖"): `scopeForCycle(2026)` → 2026—2027. */
export function scopeForCycle(fromYear: number, toYear = fromYear + 1): CoverageScope {
  return { fromYear, toYear };
}

/** A Chinese message when the scope is not a range of four-digit years, else null. */
export function scopeProblem(scope: CoverageScope): string | null {
  for (const year of [scope.fromYear, scope.toYear]) {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return `年份须为四位整数，收到 "${year}"`;
  }
  if (scope.fromYear > scope.toYear) return `起始年份 ${scope.fromYear} 晚于结束年份 ${scope.toYear}`;
  return null;
}

/** 两年一轮 cycles run 2026–2027, 2028–2029, … unless the dashboard says otherwise. */
const CYCLE_START_YEAR = 2026;

/** The two-year cycle that holds `year`, counting cycles from `anchor` (2027 → 2026–2027). */
export function cycleOf(year: number, anchor = CYCLE_START_YEAR): CoverageScope {
  const fromYear = year - ((((year - anchor) % 2) + 2) % 2);
  return { fromYear, toYear: fromYear + 1 };
}

/** A scope as the scope input shows it: "2026" or "2026-2027". */
export function formatScope(s: CoverageScope): string {
  return s.fromYear === s.toYear ? String(s.fromYear) : `${s.fromYear}-${s.toYear}`;
}

/** Whether a year falls within the scope (inclusive). */
export function yearInScope(scope: CoverageScope, year: number): boolean {
  return year >= scope.fromYear && year <= scope.toYear;
}

/** Every month of the scope as `YYYY-MM`, January of fromYear to December of toYear. */
export function scopeMonths(scope: CoverageScope): string[] {
  const months: string[] = [];
  for (let y = scope.fromYear; y <= scope.toYear; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}

/** "2026 年度", "2026—2027 年度（两年一轮）", "2024—2026 年度". */
export function coverageLabel(scope: CoverageScope): string {
  if (scope.fromYear === scope.toYear) return `${scope.fromYear} 年度`;
  const range = `${scope.fromYear}—${scope.toYear} 年度`;
  return scope.toYear === scope.fromYear + 1 ? `${range}（两年一轮）` : range;
}

const SCOPE_TEXT = /^(\d{4})(?:年度?)?(?:(?:-|–|—|~|～|至|到)(\d{4})(?:年度?)?)?$/;

/**
 * A scope as a person types it: `2026`, `2026-2027`, `2026—2027`, `2026至2027年`, full-width
 * digits and spaces allowed. The problem, when there is one, says what was expected.
 */
export function parseScope(text: string): Validated<CoverageScope> {
  const m = SCOPE_TEXT.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return { ok: false, problems: [{ path: '$', message: `统计范围「${text}」无法识别，应为年份（如 2026）或起止年份（如 2026-2027）` }] };
  const scope = m[2] ? scopeForCycle(Number(m[1]), Number(m[2])) : scopeForYear(Number(m[1]));
  const problem = scopeProblem(scope);
  return problem ? { ok: false, problems: [{ path: '$', message: `统计范围「${text}」有误：${problem}` }] } : { ok: true, value: scope };
}
