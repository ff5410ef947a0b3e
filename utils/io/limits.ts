/** Limits on imported files, so that a wrong pick (a video, a database dump) fails at once and clearly. */

/** 10 MB: far above any roster or plan (69 units are a few KB), well below what freezes a tab. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Rows in one table (header included): a yearly plan has one row per unit. */
export const MAX_TABLE_ROWS = 10_000;

/** `12.3 MB（12,897,484 字节）`: the size as a person reads it, with the exact count. */
export function describeSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} 字节`;
  if (bytes < 1024) return exact;
  const human = bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${human}（${exact}）`;
}

/**
 * An .xlsx is a ZIP of XML; what it declares and holds is checked before the workbook is read
 * (xlsx-guard.ts), because the reader inflates every part and pads every row in memory: a 2 MB
 * file that inflates to gigabytes, or one cell at XFD1048576, would take the tab or the CLI down.
 * A 10,000-row roster with ten columns is about 5 MB of XML; these leave ample room.
 */
export const XLSX_LIMITS = {
  /** All parts together, uncompressed, as the ZIP directory declares them. */
  maxUncompressedBytes: 48 * 1024 * 1024,
  maxEntries: 500,
  /** The highest row number and the number of <row> elements in a sheet. */
  maxRows: 2 * MAX_TABLE_ROWS,
  /** The highest column: IV (256), far beyond any roster or plan. */
  maxColumns: 256,
  /** <c> elements (and shared strings) in the whole workbook. */
  maxCells: 400_000,
  /** Consecutive blanks (spaces, tabs, line breaks) anywhere in a part: the XML reader slows to a crawl on megabytes of them. */
  maxBlankRun: 4096,
} as const;
