/**
 * 评分一致性: how consistently observers score, from the reconciled group records (those that
 * carry every member's independent scores, utils/group). Per observer: over every item they
 * scored where the group agreed a score, the mean absolute deviation of their score from the
 * agreed one (points), its signed mean (+ scores more generously than the group, − harder), and
 * how many of those items the reconciliation flagged. Per section (by title, as in
 * sectionAverages): the mean spread as a share of the item's maximum, most disagreement first.
 * Scores compare as points earned (a 扣分项 earns max − deducted).
 */
import type { ObservationRecord } from '../record';
import { itemEarned } from '../rubric';
import { reconcile } from '../group';
import { roundTotal } from '../rubric';
import { compareText } from './compare-text';

export interface ObserverConsistency {
  name: string;
  /** Group sessions with this observer's independent scores. */
  sessions: number;
  /** Items compared (scored by the observer, agreed score set). */
  items: number;
  /** Mean |own − agreed|, points, two decimals. */
  meanDeviation: number;
  /** Mean (own − agreed), points, two decimals: + more generous than the group, − harder. */
  meanSigned: number;
  /** Of those items, how many the reconciliation flagged (spread above a quarter of the maximum). */
  flagged: number;
}

export interface SectionDisagreement {
  title: string;
  /** Group sessions in which the section had items scored by two or more members. */
  sessions: number;
  /** Mean spread (highest − lowest) as a percentage of the item's maximum, one decimal. */
  meanSpreadPct: number;
  flagged: number;
}

export interface ScoringConsistency {
  /** Counted sessions scored independently by a group and reconciled. */
  groupSessions: number;
  /** Largest mean deviation first. */
  observers: ObserverConsistency[];
  /** Most disagreement first. */
  sections: SectionDisagreement[];
}

const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-7 : -1e-7)) / 100;

export function scoringConsistency(records: readonly ObservationRecord[]): ScoringConsistency {
  const observers = new Map<string, { sessions: number; items: number; abs: number; signed: number; flagged: number }>();
  const sections = new Map<string, { sessions: number; items: number; spreadPct: number; flagged: number }>();
  let groupSessions = 0;
  for (const r of records) {
    const members = r.group?.independent;
    if (!members || members.length < 2) continue;
    groupSessions++;
    const rows = reconcile(r.template, members, r.scores);
    members.forEach((m, i) => {
      const acc = observers.get(m.name) ?? { sessions: 0, items: 0, abs: 0, signed: 0, flagged: 0 };
      acc.sessions++;
      for (const row of rows) {
        const own = row.entries[i];
        if (!own || own.na || own.value === null || row.agreed.na || row.agreed.value === null) continue;
        const d = itemEarned(row.item, own.value) - itemEarned(row.item, row.agreed.value);
        acc.items++;
        acc.abs += Math.abs(d);
        acc.signed += d;
        if (row.flagged) acc.flagged++;
      }
      observers.set(m.name, acc);
    });
    const seen = new Set<string>();
    for (const row of rows) {
      const scored = row.entries.filter((e) => e && !e.na && e.value !== null).length;
      if (scored < 2) continue;
      const title = row.sectionTitle.trim();
      const acc = sections.get(title) ?? { sessions: 0, items: 0, spreadPct: 0, flagged: 0 };
      if (!seen.has(title)) {
        seen.add(title);
        acc.sessions++;
      }
      acc.items++;
      acc.spreadPct += (row.spread * 100) / row.item.max;
      if (row.flagged) acc.flagged++;
      sections.set(title, acc);
    }
  }
  return {
    groupSessions,
    observers: [...observers.entries()]
      .filter(([, a]) => a.items > 0)
      .map(([name, a]) => ({
        name,
        sessions: a.sessions,
        items: a.items,
        meanDeviation: round2(a.abs / a.items),
        meanSigned: round2(a.signed / a.items),
        flagged: a.flagged,
      }))
      .sort((a, b) => b.meanDeviation - a.meanDeviation || compareText(a.name, b.name)),
    sections: [...sections.entries()]
      .map(([title, a]) => ({ title, sessions: a.sessions, meanSpreadPct: roundTotal(a.spreadPct / a.items), flagged: a.flagged }))
      .sort((a, b) => b.meanSpreadPct - a.meanSpreadPct || compareText(a.title, b.title)),
  };
}
