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
