export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
export const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** One printed row of `npm run bench`; the README and the issues read rows by `measure`. */
export interface BenchRow {
  area: string;
  measure: string;
  value: string;
  note?: string;
}
