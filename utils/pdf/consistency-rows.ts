/**
 * 评分一致性 in the coverage summary: per observer (mean deviation from the agreed scores, its
 * sign, flagged items) and per section (mean spread, most disagreement first), from
 * utils/coverage's scoringConsistency. The same columns as the workbook's sheet.
 */
import type { Coverage } from '../coverage';
import { formatPct } from '../coverage';
import { columnWidths, headerRow, type TableSpec } from './layout-table';
import { HEADER_FILL, LIST_TABLE } from './report-style';

const centre = (text: string) => ({ text, align: 'center' as const });
const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

export function consistencyObserverTable(c: Coverage, width: number): TableSpec {
  return {
    columns: columnWidths([0.2, 0.14, 0.14, 0.18, 0.2, 0.14], width),
    header: headerRow(['巡听人员', '组评场次', '对照项数', '平均偏离（分）', '平均偏差（分）', '分歧项数'], HEADER_FILL),
    rows: c.consistency.observers.map((o) => ({
      cells: [
        { text: o.name },
        centre(`${o.sessions} 场`),
        centre(String(o.items)),
        centre(o.meanDeviation.toFixed(2)),
        centre(signed(o.meanSigned)),
        centre(String(o.flagged)),
      ],
    })),
    style: LIST_TABLE,
  };
}

export function consistencySectionTable(c: Coverage, width: number): TableSpec {
  return {
    columns: columnWidths([0.4, 0.2, 0.22, 0.18], width),
    header: headerRow(['评分部分', '组评场次', '平均极差（占满分）', '分歧项数'], HEADER_FILL),
    rows: c.consistency.sections.map((s) => ({
      cells: [{ text: s.title }, centre(`${s.sessions} 场`), centre(formatPct(s.meanSpreadPct)), centre(String(s.flagged))],
    })),
    style: LIST_TABLE,
  };
}
