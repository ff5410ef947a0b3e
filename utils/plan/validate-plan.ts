/** Validation of `xunting.plan/1`: every problem at once, each with its JSON path and a Chinese message. */
import { z } from 'zod';
import type { Unit } from '../roster';
import { parseWith, type Problem, type Validated } from '../validate';
import { PLAN_FORMAT, type Plan } from './types';

export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;
/** As many entries as a roster may have units (each unit at most once a year). */
const MAX_PLAN_ENTRIES = 5000;
export const MAX_GROUP_LENGTH = 50;

const MONTH_ERROR = '月份须为 1 到 12 之间的整数';
const YEAR_ERROR = `年度须为 ${MIN_PLAN_YEAR} 到 ${MAX_PLAN_YEAR} 之间的整数`;

const entrySchema = z.object({
  unitId: z.string({ error: '单位编号须为文字' }).trim().min(1, { error: '单位编号不能为空' }).max(64, { error: '单位编号过长' }),
  month: z.number({ error: MONTH_ERROR }).int({ error: MONTH_ERROR }).min(1, { error: MONTH_ERROR }).max(12, { error: MONTH_ERROR }),
  group: z
    .string({ error: '巡听组须为文字' })
    .trim()
    .max(MAX_GROUP_LENGTH, { error: `巡听组名称不能超过 ${MAX_GROUP_LENGTH} 个字` })
    .nullish()
    .transform((g) => g ?? ''),
});

const planSchema = z.object({
  format: z.literal(PLAN_FORMAT, { error: `计划格式标识须为 "${PLAN_FORMAT}"` }),
  year: z.number({ error: YEAR_ERROR }).int({ error: YEAR_ERROR }).min(MIN_PLAN_YEAR, { error: YEAR_ERROR }).max(MAX_PLAN_YEAR, { error: YEAR_ERROR }),
  title: z.string({ error: '计划标题须为文字' }).max(200, { error: '计划标题不能超过 200 个字' }).optional(),
  entries: z.array(entrySchema, { error: '计划条目 entries 须为数组' }).max(MAX_PLAN_ENTRIES, { error: `计划条目不能超过 ${MAX_PLAN_ENTRIES} 条` }),
});

/** A file of another format given as a plan: say what it is rather than list twenty missing fields. */
function formatProblem(input: unknown): Problem | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const f = (input as { format?: unknown }).format;
  if (typeof f !== 'string' || f === PLAN_FORMAT) return null;
  if (f.startsWith('xunting.plan/')) return { path: '$.format', message: `计划格式 "${f}" 比本程序支持的 "${PLAN_FORMAT}" 新，请升级巡听旁听` };
  if (f.startsWith('xunting.')) return { path: '$.format', message: `这是「${f}」格式的文件，不是巡听计划（"${PLAN_FORMAT}"）` };
  return null;
}

/** A yearly plan: format, year 2000–2100, entries (unitId, month 1–12, group), each unit at most once. */
export function validatePlan(input: unknown): Validated<Plan> {
  const wrong = formatProblem(input);
  if (wrong) return { ok: false, problems: [wrong] };
  const parsed = parseWith(planSchema, input);
  if (!parsed.ok) return parsed;
  const plan = parsed.value as Plan;
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  plan.entries.forEach((e, i) => {
    const seen = first.get(e.unitId);
    if (seen === undefined) first.set(e.unitId, i);
    else
      problems.push({
        path: `$.entries[${i}].unitId`,
        message: `单位编号 "${e.unitId}" 在 ${plan.year} 年的计划中重复（与第 ${seen + 1} 条相同）；每个单位每年只计划一次`,
      });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: plan };
}

/** Entries whose unit is not in the roster. */
export function checkPlanAgainstRoster(plan: Plan, units: readonly Unit[]): Problem[] {
  const ids = new Set(units.map((u) => u.id));
  const problems: Problem[] = [];
  plan.entries.forEach((e, i) => {
    if (!ids.has(e.unitId))
      problems.push({ path: `$.entries[${i}].unitId`, message: `单位编号 "${e.unitId}" 不在单位名单中（${plan.year} 年计划第 ${i + 1} 条）` });
  });
  return problems;
}
