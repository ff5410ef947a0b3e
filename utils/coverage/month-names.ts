/**
 * A month ("2026-03", as coverage keys its months) in words: the one place charts, tables and
 * the PDF summary spell it.
 */

/** "3月": where the year is shown apart (a chart's axis, a table per year). */
export function monthName(ym: string): string {
  return `${Number(ym.slice(5, 7))}月`;
}

/** "2026年3月": where the month stands alone (a row of the 月度进度 table). */
export function monthFullName(ym: string): string {
  return `${ym.slice(0, 4)}年${monthName(ym)}`;
}
