import type { UnitRef } from '../record';
import { normalizeUnitName, type Unit } from '../roster';

export interface UnitMatch {
  unit: Unit;
  /** How it was found: by the name (ids differ between rosters) or by the id (the unit was renamed). */
  by: 'name' | 'id';
}

/**
 * Find the roster unit a record names. The name comes first (compared with normalizeUnitName,
 * ignoring spaces and full-width/half-width forms), because a roster imported from CSV gives
 * its own ids and an observer's ids may differ; when no unit has that name, the id (stable
 * across renames) finds a unit that has been renamed since. Neither: null (not in the roster).
 * Inactive units are found too: the caller decides what a record for one means.
 */
export function unitMatcher(units: readonly Unit[]): (ref: UnitRef) => UnitMatch | null {
  const byName = new Map<string, Unit>();
  const byId = new Map<string, Unit>();
  for (const u of units) {
    const key = normalizeUnitName(u.name);
    if (!byName.has(key)) byName.set(key, u);
    if (!byId.has(u.id)) byId.set(u.id, u);
  }
  return (ref) => {
    const named = byName.get(normalizeUnitName(ref.name));
    if (named) return { unit: named, by: 'name' };
    const identified = byId.get(ref.id);
    return identified ? { unit: identified, by: 'id' } : null;
  };
}
