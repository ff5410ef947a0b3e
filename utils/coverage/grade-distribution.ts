import type { GradeBand } from '../rubric';
import type { GradeCount } from './types';

/** The grade given to sessions without a total (everything 不适用). */
export const UNRATED = '未评定';

export interface GradedSession {
  grade: string | null;
  /** The bands of the template the session was scored against. */
  bands: readonly GradeBand[];
}

/**
 * Sessions counted by grade. Every grade of the bands of the templates involved is listed,
 * a zero count included (较差 0 is worth reading), best first: by each band's `min`
 * descending, a grade named by several templates once, at its highest `min` (ties keep the
 * order the templates were met in). Then 未评定 for sessions without a grade, when there are any.
 */
export function gradeDistribution(sessions: readonly GradedSession[]): GradeCount[] {
  const bands = new Map<string, { min: number; seen: number; count: number }>();
  let unrated = 0;
  for (const s of sessions) {
    for (const b of s.bands) {
      const known = bands.get(b.grade);
      if (!known) bands.set(b.grade, { min: b.min, seen: bands.size, count: 0 });
      else if (b.min > known.min) known.min = b.min;
    }
    const band = s.grade === null ? undefined : bands.get(s.grade);
    if (band) band.count++;
    else unrated++;
  }
  const counts = [...bands.entries()].sort(([, a], [, b]) => b.min - a.min || a.seen - b.seen).map(([grade, b]) => ({ grade, count: b.count }));
  if (unrated > 0) counts.push({ grade: UNRATED, count: unrated });
  return counts;
}
