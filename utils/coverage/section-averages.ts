import { roundTotal, type SectionScore } from '../rubric';
import type { SectionAverage } from './types';

/** A counted session's section scores and the template version they were scored against. */
export interface ScoredSections {
  template: { id: string; version: number };
  sections: readonly SectionScore[];
}

/**
 * Where study is weakest: for each section, the mean over sessions of that section's earned /
 * max as a percentage, counting only sessions in which the section was assessed (not all 不适用).
 * Sections are matched by template id and section id, so a section renamed or re-weighted in a
 * later version of the template is still one section (shown under its title in the newest
 * version), and `versions` says which versions the figure comes from. A section id appearing
 * twice in one template is one section of that session. Weakest first (ties in the order the
 * sections were met), one decimal.
 */
export function sectionAverages(sessions: readonly ScoredSections[]): SectionAverage[] {
  const byKey = new Map<string, { title: string; titleVersion: number; sum: number; sessions: number; versions: Set<number> }>();
  for (const { template, sections } of sessions) {
    const own = new Map<string, { title: string; earned: number; max: number }>();
    for (const s of sections) {
      if (s.empty || s.max <= 0) continue;
      const key = `${template.id}\u0000${s.id}`;
      const acc = own.get(key);
      if (acc) {
        acc.earned += s.earned;
        acc.max += s.max;
      } else own.set(key, { title: s.title.trim(), earned: s.earned, max: s.max });
    }
    for (const [key, { title, earned, max }] of own) {
      const acc = byKey.get(key) ?? { title, titleVersion: template.version, sum: 0, sessions: 0, versions: new Set<number>() };
      if (template.version > acc.titleVersion) Object.assign(acc, { title, titleVersion: template.version });
      acc.sum += (earned * 100) / max;
      acc.sessions++;
      acc.versions.add(template.version);
      byKey.set(key, acc);
    }
  }
  return [...byKey.values()]
    .map((a) => ({ title: a.title, averagePct: roundTotal(a.sum / a.sessions), sessions: a.sessions, versions: [...a.versions].sort((x, y) => x - y) }))
    .sort((a, b) => a.averagePct - b.averagePct);
}
