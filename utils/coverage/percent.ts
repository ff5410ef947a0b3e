import { roundTotal } from '../rubric';

/** part / whole × 100, rounded half up to one decimal (40 of 69 → 58.0); 0 when whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? roundTotal((part * 100) / whole) : 0;
}

/** A percentage as the summary prints it: 58 → "58.0%". */
export function formatPct(pct: number): string {
  return `${roundTotal(pct).toFixed(1)}%`;
}
