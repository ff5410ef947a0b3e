/**
 * Sheets of rows → an .xlsx workbook (write-excel-file/universal, so browsers and Node alike):
 * a bold, frozen header row, column widths that fit the content (a Chinese character counts
 * two), text cells stored as text (so `=…` is never run as a formula and 001 keeps its zeros),
 * numbers as numbers.
 */
import type { Cell, SheetData } from 'write-excel-file/universal';

export type XlsxCell = string | number | null | undefined;

export interface XlsxSheetInput {
  /** Sheet name as Excel shows it on the tab (汇总, 单位明细, 未覆盖单位); made valid and unique if needed. */
  name: string;
  /** Header cells (bold, frozen) and widths in characters; a width left out is fitted to the content. */
  columns?: { header: string; width?: number }[];
  rows: (readonly XlsxCell[])[];
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Width of text in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return w;
}

function fittedWidth(texts: Iterable<string>): number {
  let widest = 0;
  for (const t of texts) for (const line of t.split('\n')) widest = Math.max(widest, displayWidth(line));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/** Excel's rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe, unique ignoring case. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base =
      raw
        .replace(/[:\\/?*[\]]/g, '_')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

function dataCell(value: XlsxCell): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : { value: String(value), type: String };
  return value.includes('\n') ? { value, type: String, wrap: true } : { value, type: String };
}

export async function writeXlsx(sheets: readonly XlsxSheetInput[]): Promise<Uint8Array> {
  if (!sheets.length) throw new Error('writeXlsx：至少需要一个工作表');
  const names = sheetNames(sheets.map((s) => s.name));
  const out = sheets.map((s, i) => {
    const columns = s.columns ?? [];
    const data: SheetData = [];
    if (columns.length) data.push(columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const })));
    for (const row of s.rows) data.push(row.map(dataCell));
    // write-excel-file needs at least one row.
    if (!data.length) data.push([null]);
    const width = s.rows.reduce((w, r) => Math.max(w, r.length), columns.length);
    const widths = Array.from(
      { length: width },
      (_, c) => columns[c]?.width ?? fittedWidth([columns[c]?.header ?? '', ...s.rows.map((r) => (r[c] === null || r[c] === undefined ? '' : String(r[c])))]),
    );
    return {
      data,
      sheet: names[i],
      columns: widths.map((w) => ({ width: w })),
      ...(columns.length ? { stickyRowsCount: 1 } : {}),
    };
  });
  // The XLSX writer loads with the first export, not with the page.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(out).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
