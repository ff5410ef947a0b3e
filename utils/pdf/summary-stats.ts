/**
 * The statistics tables of the coverage summary: the month-by-month figures (under the charts),
 * the grade distribution and the section averages, each of the last two with a horizontal bar
 * per row drawn in the table's own cell (vector rectangles, grey-scale).
 */
import type { jsPDF } from 'jspdf';
import { formatPct, monthName, percentOf, type Coverage, type MonthProgress } from '../coverage';
import { fitColumns, headerRow, type CellBox, type TableRow, type TableSpec } from './layout-table';
import { RULE } from './page-flow';
import { BAR_ROW_HEIGHT, HEADER_FILL, LIST_TABLE } from './report-style';

/** Grey levels (0 black … 255 white) of the bars and their track. */
const BAR_GREY = 90;
const TRACK_GREY = 150;

/** A bar of `fraction` (0..1) of the cell's width, on an outlined track, centred vertically. */
function bar(doc: jsPDF, fraction: number) {
  return (box: CellBox) => {
    const pad = 6;
    const h = 8;
    const x = box.x + pad;
    const full = box.w - 2 * pad;
    const y = box.y + (box.h - h) / 2;
    const f = Math.max(0, Math.min(1, fraction));
    if (f > 0) {
      doc.setFillColor(BAR_GREY, BAR_GREY, BAR_GREY);
      doc.rect(x, y, full * f, h, 'F');
    }
    doc.setLineWidth(RULE);
    doc.setDrawColor(TRACK_GREY, TRACK_GREY, TRACK_GREY);
    doc.rect(x, y, full, h, 'S');
  };
}

const centre = (text: string) => ({ text, align: 'center' as const });

/** The years of the scope, each with its twelve months. */
export function monthsByYear(monthly: readonly MonthProgress[]): { year: string; months: MonthProgress[] }[] {
  const out: { year: string; months: MonthProgress[] }[] = [];
  for (const m of monthly) {
    const year = m.month.slice(0, 4);
    if (out[out.length - 1]?.year !== year) out.push({ year, months: [] });
    out[out.length - 1].months.push(m);
  }
  return out;
}

/** One table per year: 计划, 新覆盖, 巡听场次, 累计计划, 累计覆盖 under the twelve months. */
export function monthTables(c: Coverage, width: number): TableSpec[] {
  const rows: [string, (m: MonthProgress) => number][] = [
    ['计划巡听', (m) => m.planned],
    ['新覆盖', (m) => m.newlyCovered],
    ['巡听场次', (m) => m.sessions],
    ['累计计划', (m) => m.cumulativePlanned],
    ['累计覆盖', (m) => m.cumulativeCovered],
  ];
  return monthsByYear(c.monthly).map(({ year, months }) => ({
    columns: fitColumns([{ share: 1.9 }, ...months.map(() => ({ share: 1 }))], width),
    header: headerRow([`${year}年`, ...months.map((m) => monthName(m.month))], HEADER_FILL),
    rows: rows.map(([label, value]) => ({ cells: [centre(label), ...months.map((m) => centre(String(value(m))))] })),
    style: LIST_TABLE,
  }));
}

/** 等次分布: each grade with its count, its share of the sessions and a bar of that share. */
export function gradeTable(doc: jsPDF, c: Coverage, width: number): TableSpec {
  const all = c.grades.reduce((n, g) => n + g.count, 0);
  const rows: TableRow[] = c.grades.map((g) => ({
    minHeight: BAR_ROW_HEIGHT,
    cells: [centre(g.grade), centre(`${g.count} 场`), centre(formatPct(percentOf(g.count, all))), { paint: bar(doc, all ? g.count / all : 0) }],
  }));
  rows.push({ fill: HEADER_FILL, cells: [centre('合计'), centre(`${all} 场`), centre(formatPct(all ? 100 : 0)), { text: '' }] });
  return {
    columns: fitColumns([{ share: 0.16 }, { share: 0.14 }, { share: 0.14 }, { share: 0.56 }], width),
    header: headerRow(['等次', '场次', '占比', '分布'], HEADER_FILL),
    rows,
    style: LIST_TABLE,
  };
}

/** 各部分得分率: weakest first, each with the sessions it was assessed in and a bar out of 100%. */
export function sectionTable(doc: jsPDF, c: Coverage, width: number): TableSpec {
  return {
    columns: fitColumns([{ share: 0.22 }, { share: 0.14 }, { share: 0.14 }, { share: 0.5 }], width),
    header: headerRow(['评分部分', '评估场次', '得分率', '得分率（满格为 100%）'], HEADER_FILL),
    rows: c.sections.map((s) => ({
      minHeight: BAR_ROW_HEIGHT,
      cells: [{ text: s.title }, centre(`${s.sessions} 场`), centre(formatPct(s.averagePct)), { paint: bar(doc, s.averagePct / 100) }],
    })),
    style: LIST_TABLE,
  };
}
