/**
 * CSV text → rows, with papaparse. Made deterministic where papaparse guesses:
 * - line ends: CRLF, CR and LF are all turned into LF first (papaparse picks one kind per file,
 *   and a file mixing them would glue rows together);
 * - delimiter: the one of comma, tab and Chinese comma `，` that occurs most often, outside
 *   quotes, in the first non-blank line (the header); a tie goes to the comma, then the tab; a
 *   line with none of them is a single column. Papaparse's own guess gives up on common cases
 *   (a two-row file ending in a line break) and never considers `，`.
 */
import Papa from 'papaparse';
import type { Problem } from '../validate';

export type CsvDelimiter = ',' | '\t' | '，';

const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', '，'];

export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false; // any character on the current line yet
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') quoted = text[i + 1] === '"' ? (i++, true) : false;
      continue;
    }
    // A quote opens a quoted cell only at the start of a cell, as papaparse reads it.
    if (c === '"' && (i === 0 || '\n\r,\t，'.includes(text[i - 1]))) quoted = true;
    else if (c === '\n' || c === '\r') {
      if (seen) break;
    } else if (c === ',' || c === '\t' || c === '，') counts.set(c, (counts.get(c) ?? 0) + 1);
    if (c.trim()) seen = true;
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export interface CsvParse {
  /** One array per record: rows[i] is the i-th row as a spreadsheet shows it (a quoted line break stays inside its cell). */
  rows: string[][];
  delimiter: CsvDelimiter;
  /** Malformed quotes, with the row where they start. */
  problems: Problem[];
}

/** Parse CSV text and report malformed quotes (which would swallow the rest of the file into one cell). */
export function parseCsvChecked(text: string): CsvParse {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(clean);
  const result = Papa.parse<string[]>(clean, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  const rows = result.data;
  // A final line break leaves one empty record behind.
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  const problems: Problem[] = [];
  const reported = new Set<number>();
  for (const e of result.errors) {
    if (e.type !== 'Quotes' || reported.has(e.row ?? -1)) continue;
    reported.add(e.row ?? -1);
    problems.push({
      path: `第 ${(e.row ?? 0) + 1} 行`,
      message: '引号没有配对：以英文双引号 " 开头的单元格须以 " 结束（单元格里的 " 要写成 ""）',
    });
  }
  return { rows, delimiter, problems };
}

/** CSV text → rows of cells (as written, untrimmed). Quotes, embedded line breaks, CRLF and a trailing empty line are handled. */
export function parseCsv(text: string): string[][] {
  return parseCsvChecked(text).rows;
}
