/**
 * An imported file → a table of text cells, whatever the user picked: a CSV/TSV/TXT in UTF-8,
 * UTF-16 or GBK, or an .xlsx workbook. The bytes decide (magic number), not the extension: a
 * renamed file still reads, and a wrong one (an old .xls, a PDF, an HTML page saved as .xls)
 * is refused with a message that says what it is and what to do.
 */
import { parseJsonText, type Problem, type Validated } from '../validate';
import { decodeText, type TextEncodingName } from './decode-text';
import { MAX_FILE_BYTES, MAX_TABLE_ROWS, describeSize } from './limits';
import { parseCsvChecked } from './parse-csv';
import { isGuardedFormula } from './write-csv';
import { readXlsx, type XlsxSheet } from './read-xlsx';
import { refusalForKind, sniffBytes } from './sniff-bytes';
import { HEADER_SCAN_ROWS, normalizeHeader } from './table-header';

export interface Table {
  /**
   * rows[i] is the file's row i + 1 as a spreadsheet numbers it (a quoted line break stays in
   * its cell); cells trimmed; empty cells at the end of a row dropped, so a blank row is [];
   * blank rows at the end of the file dropped. CSV and XLSX of the same table give the same rows.
   */
  rows: string[][];
  format: 'csv' | 'xlsx';
  /** How a CSV was decoded. */
  encoding?: TextEncodingName;
  /** The worksheet an .xlsx table comes from. */
  sheet?: string;
}

export interface ReadTableOptions {
  /** Header names of the wanted table: in a workbook, the first sheet with one of them in its top rows is read (else the first non-empty sheet). */
  headers?: readonly string[];
}

export type JsonOrTable = { kind: 'json'; value: unknown } | { kind: 'table'; table: Table };

const HTML_START = /^<(?:!doctype|html|head|body|table|meta|\?xml|workbook)\b/i;

/** Checks every import shares: not empty, not too big. */
function fileProblem(label: string, bytes: Uint8Array, what: string): Problem | null {
  if (bytes.length === 0) return { path: label, message: `${what}是空的（0 字节）` };
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      path: label,
      message: `${what}大小为 ${describeSize(bytes.length)}，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限；请确认选对了文件，或删去无关的内容后再导入`,
    };
  }
  return null;
}

function finishRows(raw: string[][], label: string, what: string, unguard: boolean): Validated<string[][]> {
  const rows = raw.map((row) => {
    const cells = row.map((c) => {
      const t = c.trim();
      // Undo writeCsv's formula guard, so an exported table reads back as it was.
      return unguard && isGuardedFormula(t) ? t.slice(1) : t;
    });
    // Empty cells at the end of a row are dropped (a workbook pads rows to the widest, CSV writes ",,").
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    return cells;
  });
  while (rows.length && !rows[rows.length - 1].length) rows.pop();
  if (!rows.length) return { ok: false, problems: [{ path: label, message: `${what}中没有任何内容` }] };
  if (rows.length > MAX_TABLE_ROWS) {
    return {
      ok: false,
      problems: [{ path: label, message: `${what}有 ${rows.length.toLocaleString('en-US')} 行，超过 ${MAX_TABLE_ROWS.toLocaleString('en-US')} 行的上限` }],
    };
  }
  return { ok: true, value: rows };
}

/** CSV text (already decoded) → a table. */
export function tableFromText(text: string, what: string, label: string = what, encoding?: TextEncodingName): Validated<Table> {
  const body = text.replace(/^\uFEFF/, '');
  if (HTML_START.test(body.trimStart())) {
    return {
      ok: false,
      problems: [{ path: label, message: '这是网页（HTML）或 XML 文件，不是 CSV：有些系统导出的「.xls」其实是网页，请用 Excel 打开后另存为 .xlsx 或 CSV' }],
    };
  }
  const csv = parseCsvChecked(body);
  if (csv.problems.length) return { ok: false, problems: csv.problems };
  const rows = finishRows(csv.rows, label, what, true);
  if (!rows.ok) return rows;
  return { ok: true, value: { rows: rows.value, format: 'csv', ...(encoding ? { encoding } : {}) } };
}

function pickSheet(sheets: XlsxSheet[], headers: readonly string[] | undefined): XlsxSheet | undefined {
  const nonEmpty = sheets.filter((s) => s.rows.some((r) => r.some((c) => c.trim())));
  if (headers?.length) {
    const wanted = new Set(headers.map(normalizeHeader));
    const match = nonEmpty.find((s) => s.rows.slice(0, HEADER_SCAN_ROWS).some((r) => r.some((c) => wanted.has(normalizeHeader(c)))));
    if (match) return match;
  }
  return nonEmpty[0];
}

async function tableFromXlsx(bytes: Uint8Array, label: string, what: string, opts: ReadTableOptions): Promise<Validated<Table>> {
  const book = await readXlsx(bytes, label);
  if (!book.ok) return book;
  const sheet = pickSheet(book.value.sheets, opts.headers);
  if (!sheet) return { ok: false, problems: [{ path: label, message: `${what}中所有工作表都是空的` }] };
  const rows = finishRows(sheet.rows, label, what, false);
  if (!rows.ok) return rows;
  return { ok: true, value: { rows: rows.value, format: 'xlsx', sheet: sheet.name } };
}

/**
 * A CSV/TSV/TXT or .xlsx file → its table. `what` names the file in messages (名单文件, 计划文件);
 * problems about the whole file carry the file name as their path, problems in it a row (第 5 行).
 */
export async function readTable(fileName: string, bytes: Uint8Array, what: string, opts: ReadTableOptions = {}): Promise<Validated<Table>> {
  const read = await readJsonOrTable(fileName, bytes, what, { ...opts, json: false });
  if (!read.ok) return read;
  if (read.value.kind !== 'table') throw new Error('unreachable');
  return { ok: true, value: read.value.table };
}

/**
 * Like readTable, but a JSON file (a `.json` name, or text starting with `{` or `[`) is parsed
 * as JSON instead: the roster and the plan import either.
 */
export async function readJsonOrTable(
  fileName: string,
  bytes: Uint8Array,
  what: string,
  opts: ReadTableOptions & { json?: boolean } = {},
): Promise<Validated<JsonOrTable>> {
  const label = fileName.trim() || what;
  const problem = fileProblem(label, bytes, what);
  if (problem) return { ok: false, problems: [problem] };
  const kind = sniffBytes(bytes);
  if (kind === 'zip') {
    const table = await tableFromXlsx(bytes, label, what, opts);
    return table.ok ? { ok: true, value: { kind: 'table', table: table.value } } : table;
  }
  const refusal = refusalForKind(kind);
  if (refusal) return { ok: false, problems: [{ path: label, message: refusal }] };
  const decoded = decodeText(bytes, label);
  if (!decoded.ok) return decoded;
  const trimmed = decoded.text.replace(/^\uFEFF/, '').trim();
  if (opts.json !== false && (/\.json$/i.test(fileName.trim()) || trimmed.startsWith('{') || trimmed.startsWith('['))) {
    if (!trimmed) return { ok: false, problems: [{ path: label, message: `${what}中没有任何内容` }] };
    const json = parseJsonText(trimmed, what);
    return json.ok ? { ok: true, value: { kind: 'json', value: json.value } } : json;
  }
  const table = tableFromText(decoded.text, what, label, decoded.encoding);
  return table.ok ? { ok: true, value: { kind: 'table', table: table.value } } : table;
}
