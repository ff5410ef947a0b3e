/**
 * The lead changes an agreed score in the reconciliation table: the record's score changes;
 * back to the rule's value drops the override, anything else keeps (or starts) one with its
 * reason (required later only where the value lies outside the members' range).
 */
import type { IndependentEntry, ObservationRecord } from '../record/types';
import type { ReconcileRow } from './reconcile';

/** Mutates `draft` (a copy the caller owns, e.g. inside the form store's edit). */
export function setAgreedScore(draft: ObservationRecord, row: ReconcileRow, entry: IndependentEntry): void {
  draft.scores[row.item.id] = { ...draft.scores[row.item.id], value: entry.na ? null : entry.value, na: entry.na, note: draft.scores[row.item.id]?.note ?? '' };
  const g = draft.group;
  if (!g) return;
  const overrides = { ...g.overrides };
  const back = entry.na === row.suggested.na && (entry.na || entry.value === row.suggested.value);
  if (back) delete overrides[row.item.id];
  else overrides[row.item.id] = { reason: overrides[row.item.id]?.reason ?? '' };
  g.overrides = overrides;
}

/** The lead's reason for the agreed score of `itemId`. */
export function setOverrideReason(draft: ObservationRecord, itemId: string, reason: string): void {
  if (draft.group) draft.group.overrides = { ...draft.group.overrides, [itemId]: { reason } };
}
