import { z } from 'zod';
import { RUBRIC_FORMAT, type RubricTemplate } from './types';
import { parseWith, parseJsonText, type Problem, type Validated } from '../validate';

/** Most items a template may have: a real rubric has 10–40; beyond this the form is unusable. */
export const MAX_ITEMS = 300;
const MAX_SECTIONS = 50;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what}须为文字` })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}不能超过 ${max} 个字` });

const id = (what: string) => z.string({ error: `${what}须为文字` }).regex(ID, { error: `${what}只能由字母、数字、点、下划线和连字符组成（1–64 位）` });

const points = (what: string) => z.number({ error: `${what}须为数字` }).refine(Number.isFinite, { error: `${what}须为有限数字` });

const itemSchema = z.object({
  id: id('评分项编号'),
  title: text('评分项名称', 200),
  guidance: z.string({ error: '测评细则须为文字' }).max(2000, { error: '测评细则不能超过 2000 个字' }).optional(),
  max: points('满分')
    .refine((v) => v > 0, { error: '满分须大于 0' })
    .refine((v) => v <= 100, { error: '满分不能超过 100' }),
  step: points('步长').refine((v) => v >= 0.01, { error: '步长须不小于 0.01' }),
  kind: z.enum(['score', 'deduction'], { error: '评分方式须为 score（得分）或 deduction（扣分）' }).default('score'),
  allowNA: z.boolean({ error: 'allowNA 须为 true 或 false' }).default(false),
  required: z.boolean({ error: 'required 须为 true 或 false' }).default(true),
});

const sectionSchema = z.object({
  id: id('部分编号'),
  title: text('部分名称', 100),
  items: z.array(itemSchema, { error: '评分项列表须为数组' }),
});

const bandSchema = z.object({
  grade: text('等次名称', 20),
  min: points('等次下限').refine((v) => v >= 0 && v <= 100, { error: '等次下限须在 0 至 100 之间' }),
});

const templateSchema = z.object({
  format: z.literal(RUBRIC_FORMAT, { error: `模板格式标识须为 "${RUBRIC_FORMAT}"` }),
  id: id('模板编号'),
  version: z.number({ error: '版本号须为数字' }).int({ error: '版本号须为整数' }).min(1, { error: '版本号须不小于 1' }),
  title: text('模板名称', 100),
  description: z.string({ error: '说明须为文字' }).max(2000, { error: '说明不能超过 2000 个字' }).optional(),
  sections: z
    .array(sectionSchema, { error: '部分列表须为数组' })
    .min(1, { error: '模板至少要有一个部分' })
    .max(MAX_SECTIONS, { error: `部分不能超过 ${MAX_SECTIONS} 个` }),
  bands: z.array(bandSchema, { error: '等次列表须为数组' }).min(1, { error: '至少要有一个等次' }),
});

/** True when `step` divides `value` exactly (tolerating binary floating-point noise). */
export function onGrid(value: number, step: number): boolean {
  const q = value / step;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

type Loose = Record<string, unknown>;
const asObject = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The checks a schema cannot express: unique ids, step divides max, item count, band order.
 * They read the input defensively (a field of the wrong type is the schema's problem, skipped
 * here), so they run even when the schema has found problems and every mistake is shown at once.
 */
function semanticProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const t = asObject(input);
  const sections = asArray(t.sections).map(asObject);
  const bands = asArray(t.bands).map(asObject);
  const itemCount = sections.reduce((n, s) => n + asArray(s.items).length, 0);
  if (itemCount > MAX_ITEMS) {
    problems.push({ path: '$.sections', message: `评分项共 ${itemCount} 个，超过上限 ${MAX_ITEMS} 个` });
    return problems;
  }
  if (Array.isArray(t.sections) && itemCount === 0) problems.push({ path: '$.sections', message: '模板没有任何评分项' });
  const sectionIds = new Map<string, number>();
  const itemIds = new Map<string, string>();
  sections.forEach((s, si) => {
    const sp = `$.sections[${si}]`;
    const sid = asString(s.id);
    if (sid !== undefined && sectionIds.has(sid)) {
      problems.push({ path: `${sp}.id`, message: `部分编号 "${sid}" 与第 ${sectionIds.get(sid)! + 1} 部分重复` });
    } else if (sid !== undefined) sectionIds.set(sid, si);
    if (Array.isArray(s.items) && s.items.length === 0) {
      problems.push({ path: `${sp}.items`, message: `部分「${asString(s.title)?.trim() || sid || si + 1}」没有评分项` });
    }
    asArray(s.items)
      .map(asObject)
      .forEach((item, ii) => {
        const ip = `${sp}.items[${ii}]`;
        const iid = asString(item.id);
        const title = asString(item.title)?.trim() || iid || '';
        const seen = iid === undefined ? undefined : itemIds.get(iid);
        if (seen) problems.push({ path: `${ip}.id`, message: `评分项编号 "${iid}" 重复（已用于 ${seen}）` });
        else if (iid !== undefined) itemIds.set(iid, ip);
        const max = asNumber(item.max);
        const step = asNumber(item.step);
        // A max or step the schema refuses (≤ 0, too small) has its own message already.
        if (max === undefined || step === undefined || max <= 0 || step < 0.01) return;
        if (step > max) {
          problems.push({ path: `${ip}.step`, message: `「${title}」的步长 ${step} 大于满分 ${max}` });
        } else if (!onGrid(max, step)) {
          problems.push({ path: `${ip}.step`, message: `「${title}」的步长 ${step} 不能整除满分 ${max}` });
        }
      });
  });
  const grades = new Set<string>();
  bands.forEach((b, bi) => {
    const bp = `$.bands[${bi}]`;
    const grade = asString(b.grade)?.trim();
    if (grade && grades.has(grade)) problems.push({ path: `${bp}.grade`, message: `等次 "${grade}" 重复` });
    if (grade) grades.add(grade);
    const min = asNumber(b.min);
    const prev = bi > 0 ? asNumber(bands[bi - 1].min) : undefined;
    if (min !== undefined && prev !== undefined && !(min < prev)) {
      problems.push({ path: `${bp}.min`, message: '等次须按下限从高到低排列，且下限各不相同' });
    }
  });
  const lastMin = bands.length ? asNumber(bands[bands.length - 1].min) : undefined;
  if (lastMin !== undefined && lastMin !== 0) {
    problems.push({ path: `$.bands[${bands.length - 1}].min`, message: '最低等次的下限须为 0，使任何得分都有等次' });
  }
  return problems;
}

/** Validate a parsed template: every problem, each with its JSON path and a Chinese message. */
export function validateTemplate(input: unknown): Validated<RubricTemplate> {
  const parsed = parseWith(templateSchema, input);
  if (!parsed.ok) {
    // Show the rule problems too, not only after the structural ones are fixed.
    const seen = new Set(parsed.problems.map((p) => p.path));
    return { ok: false, problems: [...parsed.problems, ...semanticProblems(input).filter((p) => !seen.has(p.path))] };
  }
  const value = parsed.value as RubricTemplate;
  const problems = semanticProblems(value);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** Validate a template given as JSON text (a file the user chose). */
export function parseTemplateJson(text: string): Validated<RubricTemplate> {
  const json = parseJsonText(text, '模板文件');
  return json.ok ? validateTemplate(json.value) : json;
}
