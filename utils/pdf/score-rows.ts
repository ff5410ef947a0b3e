/**
 * The 评分 table from the record's own template snapshot: a shaded row per section with its
 * 小计 in the 得分 column, a row per item (score, 不适用 or 未评; a deduction item shows the points
 * it earns and "扣 N 分"), then 合计 (折合百分制, one decimal) and 等次, worded by totalRowText.
 */
import type { ObservationRecord } from '../record';
import { checkItemValue, itemEarned, scoreTemplate, type RubricItem, type SectionScore } from '../rubric';
import { headerRow, type TableRow } from './layout-table';
import { chineseOrdinal, gradeBandsText, points } from './format';
import { totalRowText } from './total-row-text';
import { HEADER_FILL, SECTION_FILL } from './report-style';

/** 评分项目 | 满分 | 得分 | 说明, as fractions of the content width. */
export const SCORE_COLUMNS = [0.36, 0.08, 0.09, 0.47];

export const SCORE_HEADER: TableRow = headerRow(['评分项目', '满分', '得分', '说明'], HEADER_FILL);

/**
 * A section's 小计: the points in the 得分 column (so the column reads down: items, then their
 * subtotal), what the points are out of and what was left out in 说明.
 */
function sectionSubtotal(s: SectionScore): { score: string; note: string } {
  if (s.empty) return { score: s.na === s.itemCount ? '不适用' : '未评', note: s.na > 0 && s.na < s.itemCount ? '小计（部分不适用）' : '小计' };
  const notes: string[] = [];
  if (s.max !== s.fullMax) notes.push(`应评满分${points(s.max)}分`);
  if (s.na) notes.push(`${s.na}项不适用，不计入`);
  const unscored = s.itemCount - s.scored - s.na;
  if (unscored) notes.push(`${unscored}项未评`);
  return { score: points(s.earned), note: `小计${notes.length ? `（${notes.join('；')}）` : ''}` };
}

function itemCells(item: RubricItem, entry: ObservationRecord['scores'][string] | undefined): { score: string; note: string } {
  const note = entry?.note ?? '';
  if (entry?.na && item.allowNA) return { score: '不适用', note };
  if (entry?.entered !== undefined) {
    const refused = `填写的“${entry.entered}”未被接受`;
    return { score: '未评', note: note ? `${refused}；${note}` : refused };
  }
  const v = entry?.value;
  if (v === null || v === undefined || checkItemValue(item, v) !== null) return { score: '未评', note };
  if (item.kind === 'deduction') {
    const deducted = `扣 ${points(v)} 分`;
    return { score: points(itemEarned(item, v)), note: note ? `${deducted}；${note}` : deducted };
  }
  return { score: points(v), note };
}

export function scoreRows(r: ObservationRecord): TableRow[] {
  const summary = scoreTemplate(r.template, r.scores);
  const rows: TableRow[] = [];
  r.template.sections.forEach((section, si) => {
    const subtotal = sectionSubtotal(summary.sections[si]);
    rows.push({
      fill: SECTION_FILL,
      keepWithNext: true,
      cells: [
        { text: `${chineseOrdinal(si + 1)}、${section.title}`, bold: true, justify: false },
        { text: points(summary.sections[si].fullMax), align: 'center', bold: true },
        { text: subtotal.score, align: 'center', bold: true },
        { text: subtotal.note, bold: true, justify: false },
      ],
    });
    section.items.forEach((item, ii) => {
      const { score, note } = itemCells(item, r.scores[item.id]);
      rows.push({
        cells: [{ text: `${ii + 1}．${item.title}` }, { text: points(item.max), align: 'center' }, { text: score, align: 'center' }, { text: note }],
      });
    });
  });
  const total = totalRowText(summary);
  rows.push({
    fill: SECTION_FILL,
    keepWithNext: true,
    cells: [
      { text: '合计', align: 'center', bold: true },
      { text: total.max, align: 'center', bold: true },
      { text: total.score, align: 'center', bold: true },
      { text: total.note, bold: true, justify: false },
    ],
  });
  rows.push({
    fill: SECTION_FILL,
    cells: [
      { text: '等次', align: 'center', bold: true },
      { text: total.grade, span: 2, align: 'center', bold: true },
      { text: `评定标准：${gradeBandsText(r.template.bands)}`, justify: false },
    ],
  });
  return rows;
}
