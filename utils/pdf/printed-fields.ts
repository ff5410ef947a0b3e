/**
 * Every piece of free text of a record that the report prints, with a Chinese name a person
 * recognises and its JSON path. The glyph check walks this list, and the tests check that each
 * text comes back from the PDF.
 */
import type { ObservationRecord } from '../record';

export interface PrintedField {
  /** Chinese name of the field, e.g. 巡听人员姓名, 评分说明：「领学质量」. */
  field: string;
  /** JSON path in the record, e.g. `$.narrative.problems`. */
  path: string;
  text: string;
}

const key = (id: string) => `[${JSON.stringify(id)}]`;

export function printedFields(r: ObservationRecord): PrintedField[] {
  const out: PrintedField[] = [];
  const add = (field: string, path: string, text: string | undefined | null) => {
    if (text) out.push({ field, path, text });
  };
  add('被巡听单位', '$.unit.name', r.unit.name);
  add('地点', '$.place', r.place);
  add('学习主题', '$.theme', r.theme);
  add('主持人', '$.chair', r.chair);
  add('领学人', '$.leadReader', r.leadReader);
  r.attendance.absentees.forEach((a, i) => {
    add('请假（缺席）人员姓名', `$.attendance.absentees[${i}].name`, a.name);
    add(`请假（缺席）原因：${a.name}`, `$.attendance.absentees[${i}].reason`, a.reason);
  });
  r.speakers.forEach((s, i) => add('发言人姓名', `$.speakers[${i}].name`, s.name));
  add('评分表名称', '$.template.title', r.template.title);
  r.template.sections.forEach((s, si) => {
    add('评分部分名称', `$.template.sections[${si}].title`, s.title);
    s.items.forEach((item, ii) => {
      add('评分项目名称', `$.template.sections[${si}].items[${ii}].title`, item.title);
      add(`评分说明：「${item.title}」`, `$.scores${key(item.id)}.note`, r.scores[item.id]?.note);
    });
  });
  r.template.bands.forEach((b, i) => add('等次名称', `$.template.bands[${i}].grade`, b.grade));
  r.timeline.forEach((t, i) => add(`过程记录${t.time ? `（${t.time}）` : ''}`, `$.timeline[${i}].text`, t.text));
  add('主要做法及亮点', '$.narrative.highlights', r.narrative.highlights);
  add('存在问题', '$.narrative.problems', r.narrative.problems);
  add('意见建议', '$.narrative.suggestions', r.narrative.suggestions);
  r.observers.forEach((o, i) => add('巡听人员姓名', `$.observers[${i}].name`, o.name));
  return out;
}
