/** The coverage as a spreadsheet (three sheets) or a CSV (the unit table), as bytes ready to save. */
import { writeCsv, writeXlsx } from '../io';
import { coverageTables } from './coverage-tables';
import type { Coverage } from './types';

/** CSV of 单位明细, UTF-8 with a byte-order mark so Excel shows the Chinese. */
export function coverageCsv(c: Coverage): Uint8Array {
  const units = coverageTables(c)[1];
  return writeCsv([units.columns, ...units.rows]);
}

/** The workbook: 汇总, 单位明细, 未覆盖单位. */
export function coverageXlsx(c: Coverage): Promise<Uint8Array> {
  return writeXlsx(coverageTables(c).map((t) => ({ name: t.name, columns: t.columns.map((header) => ({ header })), rows: t.rows })));
}

/** A file name such as 巡听旁听覆盖统计-2026年度.xlsx */
export function coverageFileName(c: Coverage, ext: 'pdf' | 'csv' | 'xlsx'): string {
  return `巡听旁听覆盖统计-${c.label.replace(/[\s（）()]+/g, '').replace(/—/g, '-')}.${ext}`;
}
