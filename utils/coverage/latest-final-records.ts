import { supersedes } from '../record';
import type { CollectedRecord } from './types';

/**
 * The records that count: final ones only, and for each record id the final revisions no later
 * final revision supersedes (utils/record revision-rule: a finalised correction by the same
 * observer, for the same unit and date, replaces the revision it corrects; a correction still in
 * draft does not, so the signed revision before it stands; a "revision" of another unit or by an
 * unrelated signer replaces nothing, and both count — revisionConflicts names them). The same
 * id and revision collected twice counts once (the first one). Order: as first collected.
 */
export function latestFinalRecords(records: readonly CollectedRecord[]): CollectedRecord[] {
  const finals = records.filter((c) => c.record.status === 'final');
  // Compared within each record id only: an inbox of thousands of reports stays linear.
  const byId = new Map<string, { o: CollectedRecord; j: number }[]>();
  finals.forEach((o, j) => byId.set(o.record.id, [...(byId.get(o.record.id) ?? []), { o, j }]));
  return finals.filter((c, i) => !byId.get(c.record.id)!.some(({ o, j }) => supersedes(o, c) || (j < i && o.record.revision === c.record.revision)));
}

/** Record ids that more than one counted revision claims (after latestFinalRecords), with those revisions. */
export function revisionConflicts(counted: readonly CollectedRecord[]): CollectedRecord[][] {
  const byId = new Map<string, CollectedRecord[]>();
  for (const c of counted) byId.set(c.record.id, [...(byId.get(c.record.id) ?? []), c]);
  return [...byId.values()].filter((list) => list.length > 1);
}
