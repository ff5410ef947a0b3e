import type { RubricTemplate } from '../rubric';
import { scoreTemplate, templateItems } from '../rubric';
import type { Problem } from '../validate';
import { RECORD_FORMAT, type ObservationRecord, type UnitRef } from './types';

export function newId(): string {
  return crypto.randomUUID();
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local date `YYYY-MM-DD` and time `HH:MM` of a Date. */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}
export function localTime(d: Date): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export interface NewRecordOptions {
  template: RubricTemplate;
  unit?: UnitRef;
  observers?: string[];
  now?: Date;
}

/** A fresh draft scored against `template`. Deduction items start at 0 deducted (full marks). */
export function createRecord({ template, unit, observers = [], now = new Date() }: NewRecordOptions): ObservationRecord {
  const iso = now.toISOString();
  const scores: ObservationRecord['scores'] = {};
  for (const { item } of templateItems(template)) {
    scores[item.id] = { value: item.kind === 'deduction' ? 0 : null, na: false, note: '' };
  }
  return {
    format: RECORD_FORMAT,
    id: newId(),
    revision: 1,
    status: 'draft',
    createdAt: iso,
    updatedAt: iso,
    finalizedAt: null,
    unit: unit ?? { id: '', name: '' },
    date: localDate(now),
    startTime: '',
    endTime: '',
    place: '',
    theme: '',
    chair: '',
    attendance: { expected: null, present: null, onLeave: null, absentees: [] },
    leadReader: '',
    speakers: [],
    timeline: [],
    scores,
    narrative: { highlights: '', problems: '', suggestions: '' },
    observers: observers.map((name, i) => ({ id: newId(), name, lead: i === 0, signature: null })),
    template: structuredClone(template),
  };
}

/** Everything that stands between a draft and finalising it, as paths and Chinese messages. */
export function finalizeProblems(r: ObservationRecord): Problem[] {
  const problems: Problem[] = [];
  const need = (ok: boolean, path: string, message: string) => ok || problems.push({ path, message });
  need(!!r.unit.name.trim(), '$.unit', '请选择被巡听单位');
  need(!!r.date, '$.date', '请填写日期');
  need(!!r.startTime, '$.startTime', '请填写开始时间');
  need(!!r.endTime, '$.endTime', '请填写结束时间');
  if (r.startTime && r.endTime) need(r.endTime > r.startTime, '$.endTime', '结束时间须晚于开始时间');
  need(!!r.theme.trim(), '$.theme', '请填写学习主题');
  need(!!r.chair.trim(), '$.chair', '请填写主持人');
  const a = r.attendance;
  if (a.expected !== null && a.present !== null) need(a.present <= a.expected, '$.attendance.present', '实到人数不能多于应到人数');
  const named = r.observers.filter((o) => o.name.trim());
  need(named.length > 0, '$.observers', '请填写至少一位巡听人员');
  need(named.filter((o) => o.lead).length === 1, '$.observers', '请指定一位巡听组组长');
  const summary = scoreTemplate(r.template, r.scores);
  const titles = new Map(templateItems(r.template).map((x) => [x.item.id, x.item.title]));
  for (const id of summary.missingRequired) {
    problems.push({ path: `$.scores[${JSON.stringify(id)}]`, message: `必评项「${titles.get(id)}」尚未评分（或标为不适用）` });
  }
  return problems;
}

/** Lock a draft. Throws when it is not ready; call finalizeProblems first to show why. */
export function finalizeRecord(r: ObservationRecord, now = new Date()): ObservationRecord {
  if (r.status === 'final') throw new Error(`记录已于 ${r.finalizedAt} 定稿（第 ${r.revision} 版），不能重复定稿`);
  const problems = finalizeProblems(r);
  if (problems.length) throw new Error(`记录尚不能定稿：${problems.map((p) => p.message).join('；')}`);
  const iso = now.toISOString();
  return { ...structuredClone(r), status: 'final', finalizedAt: iso, updatedAt: iso };
}

/** A correction of a finalised record: a new draft revision; the finalised one is kept as it was. */
export function reviseRecord(r: ObservationRecord, now = new Date()): ObservationRecord {
  if (r.status !== 'final') throw new Error('只有已定稿的记录才需要更正');
  const next = structuredClone(r);
  // The corrected content must be signed again: handwritten signatures belong to the old revision.
  next.observers = next.observers.map((o) => ({ ...o, signature: null }));
  return { ...next, revision: r.revision + 1, status: 'draft', finalizedAt: null, updatedAt: now.toISOString() };
}
