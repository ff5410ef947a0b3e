/**
 * Rows → CSV bytes that Excel on Chinese Windows opens correctly: UTF-8 with a byte-order mark
 * (without it Excel reads the file as GBK and shows mojibake), CRLF line ends, RFC 4180 quoting.
 *
 * Formula injection: a text cell that starts with = + - @, a tab or a carriage return would be
 * run as a formula by Excel (`=HYPERLINK(...)`), so it gets a leading apostrophe, as OWASP
 * recommends. So does one that starts with their full-width forms ＝＋－＠ (Excel and WPS with a
 * Chinese IME accept them as formula signs), or with blanks or line breaks (ASCII or the
 * ideographic space U+3000) before any of these, since spreadsheets skip leading blanks.
 * A number passed as a number (−3) is written as it is.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NEEDS_QUOTES = /[",\r\n\t，]|^\s|\s$/;

/** A text cell made safe to open in a spreadsheet. */
function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Was this cell guarded by guardFormula (an apostrophe before what would be a formula)? The table reader removes that apostrophe. */
export const isGuardedFormula = (text: string) => text.startsWith("'") && FORMULA_START.test(text.slice(1));

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = guardFormula(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows → CSV text (no byte-order mark), CRLF after every row. */
export function formatCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cellText).join(',') + '\r\n').join('');
}

/** Rows → UTF-8 CSV bytes with a byte-order mark, ready to save as `….csv`. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + formatCsv(rows));
}
