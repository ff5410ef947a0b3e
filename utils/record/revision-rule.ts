/**
 * When a later revision of a record replaces an earlier one. The record id alone proves nothing:
 * anyone holding a report can sign "revision 2" of its id for another unit, and if the higher
 * revision simply won, the first unit would drop out of coverage. So a revision supersedes an
 * earlier one only when it is about the same session — same unit, same date — and one of its
 * signers signed the earlier revision or is among its observers (the same observer correcting
 * their report). Otherwise both stand, and coverage reports the conflict (数据问题).
 * The inbox (utils/collect decide) and coverage (latestFinalRecords) both apply this rule.
 */
import type { ObservationRecord } from './types';

/** Corrections are rare; a record claiming revision 2^53−1 is forged to outrank every other. */
export const MAX_REVISION = 999;

export interface SignedRevision {
  record: Pick<ObservationRecord, 'revision' | 'date' | 'observers'> & { unit: Pick<ObservationRecord['unit'], 'id'> };
  /** Signers' common names, first signer first; empty when not known (a record not read from a signed PDF). */
  signers: readonly string[];
}

/** Does `later` replace `earlier` (a lower revision of the same record id)? */
export function supersedes(later: SignedRevision, earlier: SignedRevision): boolean {
  if (later.record.revision <= earlier.record.revision) return false;
  if (later.record.unit.id !== earlier.record.unit.id || later.record.date !== earlier.record.date) return false;
  // Without signers (records given directly, not read from signed reports) there is no one to compare.
  if (!later.signers.length) return true;
  const known = new Set([...earlier.signers, ...earlier.record.observers.map((o) => o.name)]);
  return later.signers.some((s) => known.has(s));
}
