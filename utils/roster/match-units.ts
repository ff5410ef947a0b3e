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
    key: normalizeUnitName(unit.name).toLowerCase(),
    initials: (pinyin(unit.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[]).join('').toLowerCase(),
    spelled: (pinyin(unit.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[]).join('').toLowerCase(),
  }));
}

/**
 * Units matching what the observer typed: name substring first, then pinyin initials
 * (so "jyj" finds 教育局), then full pinyin. Inactive units are left out.
 */
export function matchUnits(index: UnitIndexEntry[], query: string, limit = 12): Unit[] {
  const q = normalizeUnitName(query).toLowerCase();
  const active = index.filter((e) => e.unit.active);
  if (!q) return active.slice(0, limit).map((e) => e.unit);
  const scored: { e: UnitIndexEntry; rank: number }[] = [];
  for (const e of active) {
    let rank = -1;
    if (e.key.startsWith(q)) rank = 0;
    else if (e.key.includes(q)) rank = 1;
    else if (/^[a-z]+$/.test(q)) {
      if (e.initials.includes(q)) rank = e.initials.endsWith(q) ? 2 : 3;
      else if (e.spelled.includes(q)) rank = 4;
    }
    if (rank >= 0) scored.push({ e, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.e.unit.name.length - b.e.unit.name.length);
  return scored.slice(0, limit).map((s) => s.e.unit);
}
