/**
 * Axis arithmetic for the coverage charts, on screen (SVG) and in the PDF summary alike: count
 * ticks on a whole step of 1, 2, 2.5 or 5 × 10ⁿ, and a second axis whose gridlines fall on the
 * first axis's gridlines.
 *
 * Why 2.5 as well as 1-2-5: counts take whole steps only, so 2.5 appears as 25, 250 …, and
 * fills the axis where 1-2-5 would jump: 110 units are 0–125 by 25, not 0–150 by 50; and the
 * second (cumulative) axis, bound to the first axis's number of intervals, reaches its top with
 * less empty room.
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
