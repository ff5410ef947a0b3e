import { roundTotal, type SectionScore } from '../rubric';
import type { SectionAverage } from './types';

/**
 * Where study is weakest: for each section title (templates may differ in ids), the mean over
 * sessions of that section's earned / max as a percentage, counting only sessions in which the
 * section was assessed (not all 不适用). A title appearing twice in one template is one section
 * of that session. Weakest first (ties in the order the sections were met), one decimal.
 */
export function sectionAverages(sessions: readonly (readonly SectionScore[])[]): SectionAverage[] {
  const byTitle = new Map<string, { sum: number; sessions: number }>();
  for (const sections of sessions) {
    const own = new Map<string, { earned: number; max: number }>();
    for (const s of sections) {
      if (s.empty || s.max <= 0) continue;
      const title = s.title.trim();
      const acc = own.get(title);
      if (acc) {
        acc.earned += s.earned;
        acc.max += s.max;
      } else own.set(title, { earned: s.earned, max: s.max });
    }
    for (const [title, { earned, max }] of own) {
      const acc = byTitle.get(title) ?? { sum: 0, sessions: 0 };
      acc.sum += (earned * 100) / max;
      acc.sessions++;
      byTitle.set(title, acc);
    }
  }
  return [...byTitle.entries()]
    .map(([title, a]) => ({ title, averagePct: roundTotal(a.sum / a.sessions), sessions: a.sessions }))
    .sort((a, b) => a.averagePct - b.averagePct);
}
