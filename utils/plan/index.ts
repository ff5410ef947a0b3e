/**
 * utils/plan: the yearly plan `xunting.plan/1` (每年制定专项巡听旁听计划) — validation, import from
 * JSON/CSV/XLSX against the roster, export as a table. Pure and isomorphic (no `node:`, no Buffer).
 */
export * from './types';
export { validatePlan, checkPlanAgainstRoster } from './validate-plan';
export { parsePlanMonth, parsePlanYear } from './plan-month';
export { parsePlanFile } from './parse-plan-file';
export { planToRows } from './plan-to-rows';
export { seedPlan, mergePlan } from './seed-plan';
