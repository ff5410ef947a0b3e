import { z } from 'zod';
import { ENTERED_FIELDS, RECORD_FORMAT, type ObservationRecord } from './types';
import { validateTemplate, checkItemValue, templateItems, type RubricItem } from '../rubric';
import { groupProblems } from '../group/merge-group';
import { parseWith, parseJsonText, type Problem, type Validated } from '../validate';
import { MAX_REVISION } from './revision-rule';
import { TEXT_LIMITS as MAX } from './text-limits';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A YYYY-MM-DD string that names a real calendar day (no 2026-02-30). */
export function isCalendarDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const str = (what: string, max: number) => z.string({ error: `${what}须为文字` }).max(max, { error: `${what}不能超过 ${max} 个字` });
const name = (what: string) => str(what, MAX.personName);
const count = (what: string) =>
  z
    .number({ error: `${what}须为数字` })
    .int({ error: `${what}须为整数` })
    .min(0, { error: `${what}不能为负数` })
    .max(100000, { error: `${what}过大` })
    .nullable();
const iso = (what: string) => z.string({ error: `${what}须为时间` }).regex(ISO, { error: `${what}须为 ISO 8601 时间` });
const hhmm = (what: string) => z.string({ error: `${what}须为时间` }).refine((v) => v === '' || TIME.test(v), { error: `${what}须为 HH:MM 格式` });

/** One item's entry without its note (a member's independent score). */
const entry = z.object({
  value: z.number({ error: '分值须为数字' }).nullable(),
  na: z.boolean({ error: '不适用须为 true 或 false' }),
});

const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT, { error: `记录格式标识须为 "${RECORD_FORMAT}"` }),
  id: z.string({ error: '记录编号须为文字' }).regex(/^[A-Za-z0-9-]{8,64}$/, { error: '记录编号格式不正确' }),
  revision: z
    .number({ error: '修订号须为数字' })
    .int({ error: '修订号须为整数' })
    .min(1, { error: '修订号须不小于 1' })
    .max(MAX_REVISION, { error: `修订号须不大于 ${MAX_REVISION}` }),
  status: z.enum(['draft', 'final'], { error: '状态须为 draft（草稿）或 final（已定稿）' }),
  createdAt: iso('创建时间'),
  updatedAt: iso('修改时间'),
  finalizedAt: iso('定稿时间').nullable(),
  unit: z.object({ id: str('单位编号', MAX.id), name: str('单位名称', MAX.unitName) }),
  date: z.string({ error: '日期须为文字' }).refine((v) => v === '' || isCalendarDate(v), { error: '日期须为 YYYY-MM-DD 格式的真实日期' }),
  startTime: hhmm('开始时间'),
  endTime: hhmm('结束时间'),
  place: str('地点', MAX.place),
  theme: str('学习主题', MAX.theme),
  chair: name('主持人'),
  attendance: z.object({
    expected: count('应到人数'),
    present: count('实到人数'),
    onLeave: count('请假人数'),
    absentees: z.array(z.object({ name: name('缺席人员姓名'), reason: str('缺席原因', MAX.absenceReason) })).max(500, { error: '缺席人员过多' }),
  }),
  leadReader: name('领学人'),
  speakers: z
    .array(
      z.object({
        id: str('发言人编号', MAX.id),
        name: name('发言人姓名'),
        seconds: z.number({ error: '发言时长须为数字' }).min(0, { error: '发言时长不能为负数' }).max(86400, { error: '发言时长过长' }),
        scripted: z.boolean({ error: '是否照稿须为 true 或 false' }),
        runningSince: iso('计时开始时间').nullable().optional(),
      }),
    )
    .max(200, { error: '发言人过多' }),
  timeline: z
    .array(z.object({ id: str('要点编号', MAX.id), at: iso('记录时间'), time: hhmm('时刻'), text: str('要点', MAX.timelineNote) }))
    .max(2000, { error: '时间线要点过多' }),
  scores: z.record(
    z.string(),
    z.object({
      value: z.number({ error: '分值须为数字' }).nullable(),
      na: z.boolean({ error: '不适用须为 true 或 false' }),
      note: str('评分说明', MAX.scoreNote),
      entered: str('未被接受的输入', MAX.entered).optional(),
    }),
  ),
  narrative: z.object({
    highlights: str('主要做法及亮点', MAX.narrative),
    problems: str('存在问题', MAX.narrative),
    suggestions: str('意见建议', MAX.narrative),
  }),
  observers: z
    .array(
      z.object({
        id: str('巡听人员编号', MAX.id),
        name: name('巡听人员姓名'),
        lead: z.boolean({ error: '组长标记须为 true 或 false' }),
        signature: z
          .object({
            png: z
              .string()
              .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { error: '签名须为 PNG 图像' })
              .max(2_000_000, { error: '签名图像过大' }),
            signedAt: iso('签名时间'),
          })
          .nullable()
          .optional(),
      }),
    )
    .max(20, { error: '巡听人员过多' }),
  template: z.unknown(),
  group: z
    .object({
      role: z.enum(['lead', 'member'], { error: '巡听组角色须为 lead（组长）或 member（组员）' }),
      member: name('组员姓名'),
      name: str('巡听组名称', MAX.groupName).optional(),
      independent: z
        .array(
          z.object({
            name: name('组员姓名'),
            role: z.enum(['lead', 'member'], { error: '巡听组角色须为 lead（组长）或 member（组员）' }),
            signer: z.object({ cn: str('签名人', MAX.signerName), fingerprint: str('证书指纹', MAX.fingerprint) }).nullable(),
            submittedAt: iso('提交时间').nullable(),
            scores: z.record(z.string(), entry),
          }),
        )
        .max(20, { error: '组员过多' })
        .optional(),
      overrides: z.record(z.string(), z.object({ reason: str('调整理由', MAX.overrideReason) })).optional(),
    })
    .optional(),
  entered: z.partialRecord(z.enum(ENTERED_FIELDS), str('未被接受的输入', MAX.entered)).optional(),
});

/** Checks across fields: the snapshot template is valid and every score fits it. */
function semanticProblems(r: ObservationRecord): Problem[] {
  const problems: Problem[] = [];
  const t = validateTemplate(r.template);
  if (!t.ok) return t.problems.map((p) => ({ path: p.path.replace(/^\$/, '$.template'), message: p.message }));
  r.template = t.value;
  const items = new Map(templateItems(t.value).map((x) => [x.item.id, x.item]));
  for (const [id, s] of Object.entries(r.scores)) {
    const path = `$.scores[${JSON.stringify(id)}]`;
    const item = items.get(id);
    if (!item) {
      problems.push({ path, message: `评分项 "${id}" 不在记录所附的评分表中` });
      continue;
    }
    if (s.na && !item.allowNA) problems.push({ path: `${path}.na`, message: `「${item.title}」不允许标为不适用` });
    if (s.entered !== undefined && s.value !== null) problems.push({ path: `${path}.value`, message: `「${item.title}」有未被接受的输入时分值须为空` });
    if (s.value !== null) {
      const msg = checkItemValue(item, s.value);
      if (msg) problems.push({ path: `${path}.value`, message: msg });
    }
  }
  problems.push(...independentProblems(r, items));
  if (r.status === 'final') {
    for (const [id, s] of Object.entries(r.scores)) {
      if (s.entered !== undefined) problems.push({ path: `$.scores[${JSON.stringify(id)}].entered`, message: '已定稿的记录不能有未被接受的输入' });
    }
    if (r.entered && Object.keys(r.entered).length) problems.push({ path: '$.entered', message: '已定稿的记录不能有未被接受的输入' });
  }
  const leads = r.observers.filter((o) => o.lead).length;
  if (leads > 1) problems.push({ path: '$.observers', message: '巡听组只能有一位组长' });
  if (r.finalizedAt === null && r.status === 'final') problems.push({ path: '$.finalizedAt', message: '已定稿的记录须有定稿时间' });
  return problems;
}

/** Group scores: every member's entry fits the template; a final reconciled record follows the agreed-score rule. */
function independentProblems(r: ObservationRecord, items: Map<string, RubricItem>): Problem[] {
  const g = r.group;
  if (!g) return [];
  const problems: Problem[] = [];
  g.independent?.forEach((m, i) => {
    for (const [id, s] of Object.entries(m.scores)) {
      const path = `$.group.independent[${i}].scores[${JSON.stringify(id)}]`;
      const item = items.get(id);
      if (!item) problems.push({ path, message: `评分项 "${id}" 不在记录所附的评分表中` });
      else if (s.value !== null && !s.na) {
        const msg = checkItemValue(item, s.value);
        if (msg) problems.push({ path: `${path}.value`, message: `${m.name}：${msg}` });
      }
    }
  });
  for (const id of Object.keys(g.overrides ?? {})) {
    if (!items.has(id)) problems.push({ path: `$.group.overrides[${JSON.stringify(id)}]`, message: `评分项 "${id}" 不在记录所附的评分表中` });
  }
  if (g.role === 'member' && g.independent?.length) problems.push({ path: '$.group.independent', message: '组员的记录不能含有其他组员的评分' });
  // A draft is still being reconciled; a final record must show how each agreed score came about.
  if (!problems.length && r.status === 'final') problems.push(...groupProblems(r));
  return problems;
}

/** Validate an ObservationRecord: every problem with its JSON path and a Chinese message. */
export function validateRecord(input: unknown): Validated<ObservationRecord> {
  if (input && typeof input === 'object' && 'format' in input) {
    const f = (input as { format: unknown }).format;
    if (typeof f === 'string' && f.startsWith('xunting.observation/') && f !== RECORD_FORMAT) {
      return { ok: false, problems: [{ path: '$.format', message: `记录格式 "${f}" 比本程序支持的 "${RECORD_FORMAT}" 新，请升级巡听旁听` }] };
    }
  }
  const parsed = parseWith(recordSchema, input);
  if (!parsed.ok) return parsed;
  const value = parsed.value as unknown as ObservationRecord;
  const problems = semanticProblems(value);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

export function parseRecordJson(text: string): Validated<ObservationRecord> {
  const json = parseJsonText(text, '记录文件');
  return json.ok ? validateRecord(json.value) : json;
}
