/**
 * The 评分 table from the record's own template snapshot: a shaded row per section with its
 * 小计 in the 得分 column, a row per item (score, 不适用 or 未评; a deduction item shows the points it earns and
 * "扣 N 分"), then 合计 (折合百分制, one decimal) and 等次.
 */
import type { ObservationRecord } from '../record';
import { checkItemValue, itemEarned, scoreTemplate, type RubricItem, type SectionScore } from '../rubric';
import { headerRow, type TableRow } from './layout-table';
import { chineseOrdinal, points, total100 } from './format';
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
        cells: [
          { text: `${ii + 1}．${item.title}` },
          { text: points(item.max), align: 'center' },
          { text: score, align: 'center' },
          { text: note },
        ],
      });
    });
  });
  const fullMax = r.template.sections.reduce((sum, s) => sum + s.items.reduce((a, i) => a + i.max, 0), 0);
  let totalNote: string;
  if (summary.total === null) totalNote = '尚未评分';
  else {
    totalNote = `实得 ${points(summary.earned)} 分 / 应评满分 ${points(summary.max)} 分，折合百分制 ${total100(summary.total)} 分`;
    if (summary.unscored) totalNote += `（${summary.unscored} 项未评）`;
  }
  rows.push({
    fill: SECTION_FILL,
    keepWithNext: true,
    cells: [
      { text: '合计', align: 'center', bold: true },
      { text: points(fullMax), align: 'center', bold: true },
      { text: summary.total === null ? '—' : total100(summary.total), align: 'center', bold: true },
      { text: totalNote, bold: true, justify: false },
    ],
  });
  const { bands: list } = r.template;
  const bands = list.map((b, i) => (i > 0 && i === list.length - 1 && b.min === 0 ? `${b.grade}＜${points(list[i - 1].min)} 分` : `${b.grade}≥${points(b.min)} 分`));
  rows.push({
    fill: SECTION_FILL,
    cells: [
      { text: '等次', align: 'center', bold: true },
      { text: summary.grade ?? '未评定', span: 2, align: 'center', bold: true },
      { text: `评定标准：${bands.join('，')}`, justify: false },
    ],
  });
  return rows;
}
