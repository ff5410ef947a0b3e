import type { CollectedRecord } from './types';

/**
 * The records that count: final ones only, and for each record id only the highest final
 * revision (a finalised correction supersedes the revision it corrects; a correction still in
 * draft does not, so the signed revision before it stands). The same id and revision collected
 * twice counts once (the first one). Order: as first collected.
 */
export function latestFinalRecords(records: readonly CollectedRecord[]): CollectedRecord[] {
  const latest = new Map<string, CollectedRecord>();
  for (const c of records) {
    if (c.record.status !== 'final') continue;
    const seen = latest.get(c.record.id);
    if (!seen || c.record.revision > seen.record.revision) latest.set(c.record.id, c);
  }
  return [...latest.values()];
}
