/**
 * computeCoverage: the coverage summary of a year or a cycle, as a pure function of the roster,
 * the plans and the collected records. The rules:
 *
 * Records that count
 * - Only `status: 'final'` records. For each record id only the highest final revision (a
 *   finalised correction supersedes; a correction still in draft does not, so the signed
 *   revision before it stands). Supersession comes before the scope: a correction that moves
 *   the date out of the scope takes the session out of it.
 * - A session is in the scope when the year of its `date` is within fromYear..toYear. Records
 *   outside the scope are not counted and raise no problems.
 *
 * Matching a record to a roster unit (`unitMatcher`)
 * - By name first (normalizeUnitName: spaces and full-width/half-width forms ignored), because
 *   a roster imported from CSV has its own ids; when the name matches one unit and the id
 *   another, the name wins.
 * - Else by id: the name matches no unit but the id does, so the unit has been renamed since
 *   the record was written (the session keeps the name as written).
 * - Else `unknown-unit`: a problem; the record counts in no figure.
 * - Matched to an inactive unit: `inactive-unit`, a problem; the record counts in no figure
 *   either (inactive units are outside every denominator and every list, so their sessions
 *   are left out of sessions, monthly, grades, sections and top too: the figures add up).
 * - Two different record ids for one active unit on one date: `same-day-duplicate`, a
 *   problem; both count as sessions, the unit is covered once.
 *
 * Plans
 * - The plans whose `year` is in the scope. A plan entry names a unit by roster id only (the
 *   plan is made against the supervisor's own roster). An id not in the roster:
 *   `plan-unknown-unit`, not counted; an inactive unit's entry is not counted.
 *
 * Figures
 * - units: active roster units. covered: active units with ≥ 1 session in the scope.
 *   coveredPct = covered / units × 100, rounded half up to one decimal (40 of 69 → 58.0), 0
 *   when there are no units. planned: distinct active units in the scope's plans;
 *   plannedCovered, plannedPct (0 when nothing is planned), coveredUnplanned. sessions:
 *   counted sessions, repeat visits included.
 * - monthly: every month of the scope; planned = plan entries (of active units) in that month;
 *   newlyCovered = units whose first in-scope session falls in it; sessions held in it;
 *   running sums of planned entries and of covered units.
 * - grades (`gradeDistribution`), sections (`sectionAverages`), top (`topSessions`): over the
 *   counted sessions, from scoreTemplate computed once per record against its own snapshot.
 * - units: every active unit in roster order with its planned visits (year, month), its
 *   sessions (date, then start time, ascending), firstDate and the latest session's total and
 *   grade. notCovered, plannedNotObserved and notInAnyPlan keep roster order.
 *
 * Linear in the records apart from one sort by date; the inputs are not modified.
 */
import type { ObservationRecord } from '../record';
import type { Unit } from '../roster';
import { scoreTemplate, type ScoreSummary } from '../rubric';
import { compareText } from './compare-text';
import { inactiveUnitProblem, planUnknownUnitProblem, revisionConflictProblem, sameDayDuplicateProblem, unknownUnitProblem } from './coverage-problems';
import { gradeDistribution, type GradedSession } from './grade-distribution';
import { latestFinalRecords, revisionConflicts } from './latest-final-records';
import { monthlyProgress, type MonthTallies } from './monthly-progress';
import { percentOf } from './percent';
import { coverageLabel, scopeMonths, scopeProblem, yearInScope } from './scope';
import { sectionAverages } from './section-averages';
import { topSessions } from './top-sessions';
import type {
  CollectedRecord,
  Coverage,
  CoverageInput,
  CoverageProblem,
  CoverageScope,
  PlannedVisit,
  SessionSummary,
  TemplateUse,
  UnitCoverage,
} from './types';
import { unitMatcher } from './unit-matcher';
import { scoringConsistency } from './scoring-consistency';

interface UnitTally {
  unit: Unit;
  planned: PlannedVisit[];
  sessions: SessionSummary[];
  /** Records by date, to find same-day duplicates. */
  byDate: Map<string, CollectedRecord[]>;
}

interface CountedSession extends GradedSession {
  summary: SessionSummary;
  sections: ScoreSummary['sections'];
  template: { id: string; version: number; title: string };
}

/**
 * A record's score, computed once per record object: a signed record never changes, and the
 * coverage page recomputes over the same records at every change of scope or filter.
 */
const scores = new WeakMap<ObservationRecord, ScoreSummary>();
function scoreOf(r: ObservationRecord): ScoreSummary {
  let score = scores.get(r);
  if (!score) scores.set(r, (score = scoreTemplate(r.template, r.scores)));
  return score;
}

/** The templates and versions behind the figures, by template id; versions ascending. */
function templateUses(counted: readonly CountedSession[]): TemplateUse[] {
  const byId = new Map<string, { title: string; newest: number; versions: Map<number, number> }>();
  for (const { template: t } of counted) {
    const use = byId.get(t.id) ?? { title: t.title, newest: t.version, versions: new Map<number, number>() };
    if (t.version >= use.newest) Object.assign(use, { title: t.title, newest: t.version });
    use.versions.set(t.version, (use.versions.get(t.version) ?? 0) + 1);
    byId.set(t.id, use);
  }
  return [...byId.entries()].map(([id, u]) => ({
    id,
    title: u.title,
    versions: [...u.versions.entries()].sort(([a], [b]) => a - b).map(([version, sessions]) => ({ version, sessions })),
  }));
}

export function computeCoverage(input: CoverageInput, scope: CoverageScope): Coverage {
  const invalid = scopeProblem(scope);
  if (invalid) throw new RangeError(`统计范围有误：${invalid}`);
  const months = scopeMonths(scope);
  const monthIndex = (year: number, month: number) => (Number.isInteger(month) && month >= 1 && month <= 12 ? (year - scope.fromYear) * 12 + month - 1 : -1);
  const tallies: MonthTallies = { planned: months.map(() => 0), newlyCovered: months.map(() => 0), sessions: months.map(() => 0) };

  const active = input.units.filter((u) => u.active);
  const tallyOf = new Map<Unit, UnitTally>(active.map((unit) => [unit, { unit, planned: [], sessions: [], byDate: new Map() }]));
  const byId = new Map<string, Unit>();
  for (const u of input.units) if (!byId.has(u.id)) byId.set(u.id, u);
  const problems: CoverageProblem[] = [];

  const plans = input.plans.filter((p) => yearInScope(scope, p.year)).sort((a, b) => a.year - b.year);
  for (const plan of plans) {
    for (const entry of plan.entries) {
      const unit = byId.get(entry.unitId);
      if (!unit) {
        problems.push(planUnknownUnitProblem(plan.year, entry));
        continue;
      }
      const tally = tallyOf.get(unit);
      if (!tally) continue;
      tally.planned.push({ year: plan.year, month: entry.month, group: entry.group });
      const i = monthIndex(plan.year, entry.month);
      if (i >= 0) tallies.planned[i]++;
    }
  }

  const inScope = latestFinalRecords(input.records)
    .filter((c) => yearInScope(scope, yearOf(c.record.date)))
    .sort((a, b) => compareRecords(a.record, b.record));
  for (const claims of revisionConflicts(inScope)) problems.push(revisionConflictProblem(claims));
  const match = unitMatcher(input.units);
  const counted: CountedSession[] = [];
  // Reconciled group records (members' independent scores kept), for 评分一致性.
  const grouped: ObservationRecord[] = [];
  for (const c of inScope) {
    const r = c.record;
    const found = match(r.unit);
    if (!found) {
      problems.push(unknownUnitProblem(c));
      continue;
    }
    const tally = tallyOf.get(found.unit);
    if (!tally) {
      problems.push(inactiveUnitProblem(c, found.unit));
      continue;
    }
    const score = scoreOf(r);
    const summary = sessionSummary(c, found.unit.id, score);
    const i = monthIndex(yearOf(r.date), Number(r.date.slice(5, 7)));
    if (i >= 0) {
      tallies.sessions[i]++;
      if (tally.sessions.length === 0) tallies.newlyCovered[i]++;
    }
    tally.sessions.push(summary);
    const sameDay = tally.byDate.get(r.date);
    if (sameDay) sameDay.push(c);
    else tally.byDate.set(r.date, [c]);
    counted.push({
      summary,
      sections: score.sections,
      grade: summary.grade,
      bands: r.template.bands,
      template: { id: r.template.id, version: r.template.version, title: r.template.title },
    });
    if (r.group?.independent?.length) grouped.push(r);
  }
  for (const tally of tallyOf.values()) {
    for (const [date, records] of tally.byDate) if (records.length > 1) problems.push(sameDayDuplicateProblem(tally.unit, date, records));
  }

  const units: UnitCoverage[] = active.map((unit) => unitCoverage(tallyOf.get(unit)!, input.asOf));
  const covered = units.filter((u) => u.covered);
  const planned = units.filter((u) => u.planned.length > 0);
  const plannedCovered = planned.filter((u) => u.covered).length;
  return {
    scope: { fromYear: scope.fromYear, toYear: scope.toYear },
    label: coverageLabel(scope),
    totals: {
      units: units.length,
      covered: covered.length,
      coveredPct: percentOf(covered.length, units.length),
      planned: planned.length,
      plannedCovered,
      plannedPct: percentOf(plannedCovered, planned.length),
      coveredUnplanned: covered.filter((u) => u.planned.length === 0).length,
      sessions: counted.length,
    },
    units,
    notCovered: units.filter((u) => !u.covered).map((u) => u.unit),
    plannedNotObserved: planned.filter((u) => u.overdue).map((u) => u.unit),
    plannedPending: planned.filter((u) => !u.covered && !u.overdue).map((u) => u.unit),
    notInAnyPlan: units.filter((u) => u.planned.length === 0).map((u) => u.unit),
    monthly: monthlyProgress(months, tallies),
    grades: gradeDistribution(counted),
    sections: sectionAverages(counted),
    templates: templateUses(counted),
    top: topSessions(counted.map((s) => s.summary)),
    consistency: scoringConsistency(grouped),
    problems,
  };
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Date, then start time, then id: the order sessions are listed in. */
function compareRecords(a: ObservationRecord, b: ObservationRecord): number {
  return compareText(a.date, b.date) || compareText(a.startTime, b.startTime) || compareText(a.id, b.id);
}

function sessionSummary(c: CollectedRecord, unitId: string, score: ScoreSummary): SessionSummary {
  const r = c.record;
  const observers = r.observers.filter((o) => o.lead).concat(r.observers.filter((o) => !o.lead));
  return {
    recordId: r.id,
    revision: r.revision,
    unitId,
    unitName: r.unit.name,
    date: r.date,
    theme: r.theme,
    observers: observers.map((o) => o.name),
    signers: [...c.signers],
    total: score.total,
    grade: score.grade,
  };
}

/** A planned month has passed once `asOf` (YYYY-MM-DD) is in a later month; with no `asOf`, every month has. */
function monthPassed(p: PlannedVisit, asOf: string | undefined): boolean {
  return !asOf || p.year * 12 + p.month < Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7));
}

function unitCoverage(t: UnitTally, asOf: string | undefined): UnitCoverage {
  const latest = t.sessions[t.sessions.length - 1];
  const covered = t.sessions.length > 0;
  return {
    unit: t.unit,
    planned: t.planned.sort((a, b) => a.year - b.year || a.month - b.month),
    sessions: t.sessions,
    covered,
    overdue: !covered && t.planned.some((p) => monthPassed(p, asOf)),
    firstDate: t.sessions[0]?.date ?? null,
    latestTotal: latest?.total ?? null,
    latestGrade: latest?.grade ?? null,
  };
}
