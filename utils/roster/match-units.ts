import type { Unit } from './roster';
import { normalizeUnitName } from './roster';

export interface UnitIndexEntry {
  unit: Unit;
  key: string;
  /** Pinyin initials, e.g. 锡林郭勒盟教育局 → xlglmjyj */
  initials: string;
  /** Full pinyin without spaces, e.g. xilinguolemengjiaoyuju */
  spelled: string;
}

/** Index a roster for type-ahead: by name, by pinyin initials, by full pinyin. */
export async function buildUnitIndex(units: Unit[]): Promise<UnitIndexEntry[]> {
  const { pinyin } = await import('pinyin-pro');
  return units.map((unit) => ({
    unit,
    key: unitSearchKey(unit.name),
    initials: (pinyin(unit.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[]).join('').toLowerCase(),
    spelled: (pinyin(unit.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[]).join('').toLowerCase(),
  }));
}

/** What was typed, in the form names are indexed in (see `key`). */
export function unitSearchKey(query: string): string {
  return normalizeUnitName(query).toLowerCase();
}

/**
 * The one rule for matching a unit against a search key (from unitSearchKey), best first:
 * 0 the name starts with it, 1 the name contains it, 2 the pinyin initials end with it (so "jyj"
 * finds 教育局 before 教育局机关党委), 3 the initials contain it, 4 the full pinyin contains it;
 * -1 no match. Pinyin counts only when latin letters were typed, and only when it is known.
 */
export function unitMatchRank(unit: Pick<UnitIndexEntry, 'key'> & Partial<Pick<UnitIndexEntry, 'initials' | 'spelled'>>, q: string): number {
  if (unit.key.startsWith(q)) return 0;
  if (unit.key.includes(q)) return 1;
  if (!/^[a-z]+$/.test(q)) return -1;
  if (unit.initials?.includes(q)) return unit.initials.endsWith(q) ? 2 : 3;
  return unit.spelled?.includes(q) ? 4 : -1;
}

/**
 * Units matching what the observer typed, best match first (unitMatchRank), shorter names first
 * among equals. Inactive units are left out.
 */
export function matchUnits(index: UnitIndexEntry[], query: string, limit = 12): Unit[] {
  const q = unitSearchKey(query);
  const active = index.filter((e) => e.unit.active);
  if (!q) return active.slice(0, limit).map((e) => e.unit);
  const scored: { e: UnitIndexEntry; rank: number }[] = [];
  for (const e of active) {
    const rank = unitMatchRank(e, q);
    if (rank >= 0) scored.push({ e, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.e.unit.name.length - b.e.unit.name.length);
  return scored.slice(0, limit).map((s) => s.e.unit);
}
