/**
 * The table of the blank 评分表: a shaded row per section with its maximum; per item a row with
 * its title across the whole width (so a title stays on one line, and text extraction finds it
 * whole) and a row with its 测评细则, maximum, how it is scored, and empty 得分 and 说明 cells to
 * fill in by hand; then 合计 and 等次 with their blanks.
 */
import type { RubricItem, RubricTemplate } from '../rubric';
import { chineseOrdinal, gradeBandsText, points } from '../pdf/format';
import { headerRow, type TableRow } from '../pdf/layout-table';
import { HEADER_FILL, SECTION_FILL } from '../pdf/report-style';

/** 评分项目及测评细则 | 满分 | 评分方式 | 得分 | 说明, as fractions of the content width. */
export const SHEET_COLUMNS = [0.5, 0.08, 0.15, 0.09, 0.18];

export const SHEET_HEADER: TableRow = headerRow(['评分项目及测评细则', '满分', '评分方式', '得分', '说明'], HEADER_FILL);

/** 得分，每 0.5 分 / 扣分项，每 1 分; 可不适用; 选填. */
function scoringRule(item: RubricItem): string {
  const parts = [item.kind === 'deduction' ? `扣分项，按 ${points(item.step)} 分扣` : `按 ${points(item.step)} 分计`];
  if (item.allowNA) parts.push('可不适用');
  if (!item.required) parts.push('选填');
  return parts.join('；');
}

export function sheetRows(t: RubricTemplate): TableRow[] {
  const rows: TableRow[] = [];
  t.sections.forEach((section, si) => {
    const max = section.items.reduce((a, i) => a + i.max, 0);
    rows.push({
      fill: SECTION_FILL,
      keepWithNext: true,
      cells: [
        { text: `${chineseOrdinal(si + 1)}、${section.title}`, bold: true, justify: false },
        { text: points(max), align: 'center', bold: true },
        { text: '小计', align: 'center', bold: true },
        { text: '', span: 2 },
      ],
    });
    section.items.forEach((item, ii) => {
      rows.push({ keepWithNext: true, cells: [{ text: `${ii + 1}．${item.title}`, span: 5, bold: true, justify: false }] });
      rows.push({
        cells: [
          { text: item.guidance?.trim() ?? '' },
          { text: points(item.max), align: 'center' },
          { text: scoringRule(item), justify: false },
          { text: '' },
          { text: '' },
        ],
      });
    });
  });
  const total = t.sections.reduce((sum, s) => sum + s.items.reduce((a, i) => a + i.max, 0), 0);
  rows.push({
    fill: SECTION_FILL,
    keepWithNext: true,
    cells: [
      { text: '合计（实得分折合百分制）', align: 'center', bold: true },
      { text: points(total), align: 'center', bold: true },
      { text: '', span: 3 },
    ],
  });
  rows.push({
    fill: SECTION_FILL,
    cells: [
      { text: `等次（${gradeBandsText(t.bands)}）`, bold: true, justify: false },
      { text: '', span: 4 },
    ],
  });
  return rows;
}
