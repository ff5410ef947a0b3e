/**
 * Axis arithmetic for the coverage charts (SVG, drawn in viewBox units): count ticks on a whole
 * step of 1, 2, 2.5 or 5 × 10ⁿ, and a second axis whose gridlines fall on the first axis's gridlines.
 */

/** The smallest whole step of 1, 2, 2.5 or 5 × 10ⁿ with which `intervals` steps reach `max`. */
function niceStep(max: number, intervals: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * magnitude;
      if (Number.isInteger(step) && step * intervals >= max) return step;
    }
  }
}

/** Ticks 0 … top for counts up to `max`: at most `most` intervals, at least 0–4 when the counts are small. */
export function countTicks(max: number, most = 5): number[] {
  const top = Math.max(max, 4);
  const step = niceStep(top, most);
  const n = Math.ceil(top / step);
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}

/** Ticks for a second axis with the same number of intervals as `left` (shared gridlines), reaching `max`. */
export function alignedTicks(max: number, left: readonly number[]): number[] {
  const intervals = Math.max(1, left.length - 1);
  const step = niceStep(Math.max(max, intervals), intervals);
  return left.map((_, i) => i * step);
}

/** "3月" for "2026-03". */
export function monthName(ym: string): string {
  return `${Number(ym.slice(5, 7))}月`;
}

/** "2026年3月" for "2026-03". */
export function monthFullName(ym: string): string {
  return `${ym.slice(0, 4)}年${monthName(ym)}`;
}
