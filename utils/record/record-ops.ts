import type { RubricTemplate } from '../rubric';
import { parseItemText, scoreTemplate, templateItems } from '../rubric';
import { enteredMessage } from './entered-text';
import type { Problem } from '../validate';
import { groupProblems } from '../group/merge-group';
import { RECORD_FORMAT, type EnteredField, type ObservationRecord, type UnitRef } from './types';

export function newId(): string {
  return crypto.randomUUID();
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local date `YYYY-MM-DD` and time `HH:MM` of a Date. */
export function localDate(d: Date): string {
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

/**
 * A fresh draft scored against `template`. Every item starts unscored, deduction items too: a
 * 扣分项 counts only once the observer sets it (0 = 无扣分), so an untouched form shows no total.
 */
export function createRecord({ template, unit, observers = [], now = new Date() }: NewRecordOptions): ObservationRecord {
  const iso = now.toISOString();
  const scores: ObservationRecord['scores'] = {};
  for (const { item } of templateItems(template)) {
    scores[item.id] = { value: null, na: false, note: '' };
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
  for (const [field, text] of Object.entries(r.entered ?? {}) as [EnteredField, string][]) {
    problems.push({ path: `$.${field}`, message: enteredMessage(field, text) ?? `“${text}”未被接受，请重新填写` });
  }
  const summary = scoreTemplate(r.template, r.scores);
  const items = new Map(templateItems(r.template).map((x) => [x.item.id, x.item]));
  for (const id of summary.unaccepted) {
    const entered = r.scores[id].entered!;
    const why = parseItemText(items.get(id)!, entered).message ?? '请重新填写';
    problems.push({ path: `$.scores[${JSON.stringify(id)}]`, message: `填写的“${entered}”未被接受：${why}` });
  }
  for (const id of summary.missingRequired) {
    if (summary.unaccepted.includes(id)) continue;
    const item = items.get(id)!;
    const how = item.kind === 'deduction' ? '尚未填写扣分（没有扣分请选“无扣分”）' : '尚未评分（或标为不适用）';
    problems.push({ path: `$.scores[${JSON.stringify(id)}]`, message: `必评项「${item.title}」${how}` });
  }
  // A reconciled record: every agreed score is the rule's, or set by the lead with a reason where needed.
  problems.push(...groupProblems(r));
  return problems;
}

/** Lock a draft. Throws when it is not ready; call finalizeProblems first to show why. */
export function finalizeRecord(r: ObservationRecord, now = new Date()): ObservationRecord {
  if (r.status === 'final') throw new Error(`记录已于 ${r.finalizedAt} 定稿（第 ${r.revision} 版），不能重复定稿`);
  const problems = finalizeProblems(r);
  if (problems.length) throw new Error(`记录尚不能定稿：${problems.map((p) => p.message).join('；')}`);
  const iso = now.toISOString();
  const final: ObservationRecord = { ...structuredClone(r), status: 'final', finalizedAt: iso, updatedAt: iso };
  // Text refused on an item later marked N/A is moot (the item is not scored): not carried into the final record.
  for (const s of Object.values(final.scores)) delete s.entered;
  return final;
}

/** A correction of a finalised record: a new draft revision; the finalised one is kept as it was. */
export function reviseRecord(r: ObservationRecord, now = new Date()): ObservationRecord {
  if (r.status !== 'final') throw new Error('只有已定稿的记录才需要更正');
  const next = structuredClone(r);
  // The corrected content must be signed again: handwritten signatures belong to the old revision.
  next.observers = next.observers.map((o) => ({ ...o, signature: null }));
  return { ...next, revision: r.revision + 1, status: 'draft', finalizedAt: null, updatedAt: now.toISOString() };
}

/**
 * Drafts made before deduction items started unset hold 0 (无扣分) for every 扣分项 the observer
 * never touched, which counted as scored. A first-revision draft's 0 cannot be told from a
 * chosen 0, so it is unset: the observer confirms 无扣分 with one click, where keeping it would
 * let an unchecked item pass as checked. Corrections of a finalised record (revision > 1) keep
 * theirs (finalising confirmed them), as do finalised records. Returns null when nothing changes.
 */
export function unsetUntouchedDeductions(r: ObservationRecord): ObservationRecord | null {
  if (r.status !== 'draft' || r.revision !== 1) return null;
  const zeroed = templateItems(r.template).filter(({ item }) => item.kind === 'deduction' && r.scores[item.id]?.value === 0 && !r.scores[item.id].na);
  if (!zeroed.length) return null;
  const next = structuredClone(r);
  for (const { item } of zeroed) next.scores[item.id].value = null;
  return next;
}
