/**
 * Finding a table's header row and its columns by name, as people write them: with spaces,
 * full-width letters, a trailing colon, a required-mark `*` or a note in brackets
 * (`单位名称*`, `计划月份（1-12）`). Rows above the header (a title such as
 * 「2026 年巡听旁听计划」) are skipped.
 */

/** `计划月份（1-12）：` → `计划月份`; `Name ` → `name`. */
export function normalizeHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/\(.*?\)|（.*?）|\[.*?]|【.*?】/g, '')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

export type HeaderSpec<K extends string> = Record<K, readonly string[]>;

export interface HeaderMatch<K extends string> {
  /** Index in rows of the header row. */
  row: number;
  /** Column index of each key found in the header row. */
  columns: Partial<Record<K, number>>;
}

/** How many rows from the top may hold titles before the header. */
export const HEADER_SCAN_ROWS = 10;

/**
 * The first row (within the first HEADER_SCAN_ROWS) that names one of the `anchors` columns,
 * with every column of `spec` it names (the leftmost cell wins); null when there is none.
 */
export function findHeader<K extends string>(rows: readonly (readonly string[])[], spec: HeaderSpec<K>, anchors: readonly NoInfer<K>[]): HeaderMatch<K> | null {
  const wanted = (Object.keys(spec) as K[]).map((key) => ({ key, names: new Set(spec[key].map(normalizeHeader)) }));
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const columns: Partial<Record<K, number>> = {};
    rows[r].forEach((cell, c) => {
      const h = normalizeHeader(cell);
      if (!h) return;
      for (const { key, names } of wanted) if (columns[key] === undefined && names.has(h)) columns[key] = c;
    });
    if (anchors.some((k) => columns[k] !== undefined)) return { row: r, columns };
  }
  return null;
}

/** The first non-blank row's cells, for a message that says what headers were found: 「序号」「类别」. */
export function describeHeaderRow(rows: readonly (readonly string[])[]): { row: number; text: string } {
  const r = Math.max(
    0,
    rows.findIndex((row) => row.some((c) => c.trim())),
  );
  const cells = (rows[r] ?? []).map((c) => c.trim()).filter(Boolean);
  const shown = cells.slice(0, 12).map((c) => `「${c.length > 20 ? `${c.slice(0, 20)}…` : c}」`);
  return { row: r, text: shown.length ? shown.join('') + (cells.length > 12 ? ` 等 ${cells.length} 列` : '') : '（空）' };
}
