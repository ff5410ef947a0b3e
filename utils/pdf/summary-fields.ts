/**
 * Every piece of free text the coverage summary prints, with a Chinese name and a path in the
 * Coverage object, for the glyph check (no character silently dropped) and the Ext-font decision.
 */
import type { Coverage } from '../coverage';
import type { PrintedField } from './printed-fields';

export function summaryFields(c: Coverage, extra: { title?: string; organisation?: string } = {}): PrintedField[] {
  const out: PrintedField[] = [];
  const add = (field: string, path: string, text: string | null | undefined) => {
    if (text) out.push({ field, path, text });
  };
  add('标题', 'title', extra.title);
  add('单位（落款）', 'organisation', extra.organisation);
  add('统计范围', '$.label', c.label);
  c.units.forEach((u, i) => {
    add('单位名称', `$.units[${i}].unit.name`, u.unit.name);
    add('单位类别', `$.units[${i}].unit.category`, u.unit.category);
    u.planned.forEach((p, j) => add(`巡听组：${u.unit.name}`, `$.units[${i}].planned[${j}].group`, p.group));
    u.sessions.forEach((s, j) => s.observers.forEach((o, k) => add(`巡听人员：${u.unit.name}`, `$.units[${i}].sessions[${j}].observers[${k}]`, o)));
    add('等次名称', `$.units[${i}].latestGrade`, u.latestGrade);
  });
  for (const key of ['notCovered', 'plannedNotObserved'] as const) {
    c[key].forEach((u, i) => add('单位名称', `$.${key}[${i}].name`, u.name));
  }
  c.grades.forEach((g, i) => add('等次名称', `$.grades[${i}].grade`, g.grade));
  c.templates.forEach((t, i) => add('评分表名称', `$.templates[${i}].title`, t.title));
  c.sections.forEach((s, i) => add('评分部分名称', `$.sections[${i}].title`, s.title));
  c.top.forEach((s, i) => {
    add('单位名称', `$.top[${i}].unitName`, s.unitName);
    add(`学习主题：${s.unitName}`, `$.top[${i}].theme`, s.theme);
    s.observers.forEach((o, k) => add(`巡听人员：${s.unitName}`, `$.top[${i}].observers[${k}]`, o));
    add('等次名称', `$.top[${i}].grade`, s.grade);
  });
  c.consistency.observers.forEach((o, i) => add('巡听人员', `$.consistency.observers[${i}].name`, o.name));
  c.consistency.sections.forEach((s, i) => add('评分部分名称', `$.consistency.sections[${i}].title`, s.title));
  c.problems.forEach((p, i) => add('数据问题', `$.problems[${i}].message`, p.message));
  return out;
}
