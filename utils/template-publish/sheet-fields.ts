/** Every text of a template the printed 评分表 shows, for the glyph check (same shape as a report's). */
import type { PrintedField } from '../pdf';
import type { RubricTemplate } from '../rubric';

export function sheetFields(t: RubricTemplate): PrintedField[] {
  const out: PrintedField[] = [];
  const add = (field: string, path: string, text: string | undefined) => {
    if (text) out.push({ field, path, text });
  };
  add('评分表名称', '$.title', t.title);
  add('评分表说明', '$.description', t.description);
  t.sections.forEach((s, si) => {
    add('部分名称', `$.sections[${si}].title`, s.title);
    s.items.forEach((item, ii) => {
      add('评分项名称', `$.sections[${si}].items[${ii}].title`, item.title);
      add(`测评细则：「${item.title}」`, `$.sections[${si}].items[${ii}].guidance`, item.guidance);
    });
  });
  t.bands.forEach((b, i) => add('等次名称', `$.bands[${i}].grade`, b.grade));
  return out;
}
