/** Find a roster unit by name or id; when there is none, the closest names to suggest. */
import { buildUnitIndex, matchUnits } from './match-units';
import { normalizeUnitName, type Unit } from './roster';

export type UnitLookup = { unit: Unit } | { unit: null; suggestions: Unit[] };

/** Dice coefficient over character bigrams (and single characters for very short names). */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...s];
    const out = chars.length < 2 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (!ga.length || !gb.length) return 0;
  const pool = new Map<string, number>();
  for (const g of gb) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

const PREFIX = /^锡林郭勒盟?/;

export async function findUnit(units: readonly Unit[], query: string, limit = 5): Promise<UnitLookup> {
  const q = normalizeUnitName(query);
  const exact = units.find((u) => normalizeUnitName(u.name) === q || u.id === query.trim());
  if (exact) return { unit: exact };
  const found = new Map<string, Unit>();
  for (const u of matchUnits(await buildUnitIndex([...units]), query, limit)) found.set(u.id, u);
  const core = q.replace(PREFIX, '');
  const ranked = units
    // Compare without the shared 锡林郭勒盟 prefix, which would make every unit look alike.
    .map((u) => ({ u, s: similarity(core, normalizeUnitName(u.name).replace(PREFIX, '')) }))
    .filter((x) => x.s >= 0.3)
    .sort((a, b) => b.s - a.s);
  for (const { u } of ranked) {
    if (found.size >= limit) break;
    found.set(u.id, u);
  }
  return { unit: null, suggestions: [...found.values()].slice(0, limit) };
}
