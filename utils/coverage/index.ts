/** Coverage of the units against the yearly plans: pure functions over roster, plans and records. */
export * from './types';
export { computeCoverage } from './compute-coverage';
export { scopeForYear, scopeForCycle, parseScope, scopeProblem, coverageLabel, yearInScope, scopeMonths } from './scope';
export { percentOf, formatPct } from './percent';
export { latestFinalRecords } from './latest-final-records';
export { unitMatcher } from './unit-matcher';
export type { UnitMatch } from './unit-matcher';
export { gradeDistribution, UNRATED } from './grade-distribution';
export type { GradedSession } from './grade-distribution';
export { sectionAverages } from './section-averages';
export { topSessions, TOP_SESSIONS } from './top-sessions';
export { monthlyProgress } from './monthly-progress';
export type { MonthTallies } from './monthly-progress';
export { coverageTables, unitStatus, plannedText } from './coverage-tables';
export type { CoverageTable, TableCell, UnitStatus } from './coverage-tables';
export { coverageCsv, coverageXlsx, coverageFileName } from './export-coverage';
export { templateUsesText, sectionVersionsText } from './template-uses';
