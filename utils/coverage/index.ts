/** Coverage of the units against the yearly plans: pure functions over roster, plans and records. */
export * from './types';
export { computeCoverage } from './compute-coverage';
export { scopeForYear, scopeForCycle, parseScope, scopeProblem, coverageLabel, scopeMonths, cycleOf, formatScope } from './scope';
export { percentOf, formatPct } from './percent';
export { countTicks, alignedTicks } from './chart-ticks';
export { monthName, monthFullName } from './month-names';
export { unitMatcher } from './unit-matcher';
export { UNRATED } from './grade-distribution';
export { coverageTables, unitStatus, plannedText } from './coverage-tables';
export type { UnitStatus } from './coverage-tables';
export { coverageCsv, coverageXlsx, coverageFileName } from './export-coverage';
export { scoringConsistency } from './scoring-consistency';
export type { ScoringConsistency } from './scoring-consistency';
export { templateUsesText, sectionVersionsText } from './template-uses';
