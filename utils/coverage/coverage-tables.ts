/**
 * The coverage as tables, for the spreadsheet and CSV exports: 汇总 (figures, grades, section
 * averages), 单位明细 (every unit), 未覆盖单位 (what seeds next year's plan) and 月度进度.
 * The same words and numbers as the summary PDF and the screen.
 */
import { formatPct } from './percent';
import { monthFullName } from './month-names';
import type { Coverage, PlannedVisit, UnitCoverage } from './types';

export type TableCell = string | number | null;

export interface CoverageTable {
  name: string;
  columns: string[];
  rows: TableCell[][];
}

export type UnitStatus = '已覆盖' | '计划外覆盖' | '计划未完成' | '待巡听' | '未覆盖';

/** How a unit stands in the scope: a unit planned for this month or later is 待巡听 until that month has passed. */
export function unitStatus(u: UnitCoverage): UnitStatus {
  if (u.covered) return u.planned.length ? '已覆盖' : '计划外覆盖';
  if (u.overdue) return '计划未完成';
  return u.planned.length ? '待巡听' : '未覆盖';
}

/** "2026年3月 第一巡听组" for each planned visit, joined by 、 */
export function plannedText(planned: readonly PlannedVisit[], withYear = true): string {
  return planned.map((p) => `${withYear ? `${p.year}年` : ''}${p.month}月${p.group ? ` ${p.group}` : ''}`).join('、');
}

export function coverageTables(c: Coverage): CoverageTable[] {
  const t = c.totals;
  const summary: TableCell[][] = [
    ['统计范围', c.label, null, null],
    ['在册单位', t.units, '个', null],
    ['已覆盖单位', t.covered, '个', formatPct(t.coveredPct)],
    ['计划单位', t.planned, '个', null],
    ['计划已完成', t.plannedCovered, '个', formatPct(t.plannedPct)],
    ['计划外覆盖', t.coveredUnplanned, '个', null],
    ['未覆盖单位', c.notCovered.length, '个', null],
    ['巡听场次', t.sessions, '场', null],
    [],
    ['等次分布', '场次', null, null],
    ...c.grades.map((g) => [g.grade, g.count, '场', null]),
    [],
    ['各部分平均得分率', '场次', null, '得分率'],
    ...c.sections.map((s) => [s.title, s.sessions, '场', formatPct(s.averagePct)]),
  ];
  const monthly = c.monthly.map((m) => [monthFullName(m.month), m.planned, m.newlyCovered, m.sessions, m.cumulativePlanned, m.cumulativeCovered]);
  const units = c.units.map((u, i) => [
    i + 1,
    u.unit.name,
    u.unit.category,
    plannedText(u.planned),
    u.sessions.length,
    u.sessions.map((s) => s.date).join('、'),
    [...new Set(u.sessions.flatMap((s) => s.observers))].join('、'),
    u.latestTotal,
    u.latestGrade,
    unitStatus(u),
  ]);
  const byId = new Map(c.units.map((u) => [u.unit.id, u]));
  const notCovered = c.notCovered.map((unit, i) => [i + 1, unit.name, unit.category, plannedText(byId.get(unit.id)?.planned ?? [])]);
  const tables: CoverageTable[] = [
    { name: '汇总', columns: ['项目', '数值', '单位', '比率'], rows: summary },
    { name: '单位明细', columns: ['序号', '单位名称', '类别', '计划', '巡听次数', '巡听日期', '巡听人员', '得分', '等次', '状态'], rows: units },
    { name: '未覆盖单位', columns: ['序号', '单位名称', '类别', '本期计划'], rows: notCovered },
    { name: '月度进度', columns: ['月份', '计划', '新覆盖', '场次', '累计计划', '累计覆盖'], rows: monthly },
  ];
  // Only when some sessions were scored independently by a group: otherwise there is nothing to compare.
  if (c.consistency.groupSessions > 0) tables.push({ name: '评分一致性', ...consistencyTable(c) });
  return tables;
}

/** Per observer, then per section (one sheet, a blank row between): the same figures as the screen and the PDF. */
function consistencyTable(c: Coverage): { columns: string[]; rows: TableCell[][] } {
  const k = c.consistency;
  return {
    columns: ['巡听人员', '组评场次', '对照项数', '平均偏离（分）', '平均偏差（分，正为偏宽）', '分歧项数'],
    rows: [
      ...k.observers.map((o) => [o.name, o.sessions, o.items, o.meanDeviation, o.meanSigned, o.flagged]),
      [],
      ['评分部分', '组评场次', '平均极差（占满分）', '分歧项数', null, null],
      ...k.sections.map((s) => [s.title, s.sessions, formatPct(s.meanSpreadPct), s.flagged, null, null]),
    ],
  };
}
