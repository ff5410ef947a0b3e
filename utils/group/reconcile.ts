/**
 * The lead's reconciliation table: per item, every member's entry, the spread, a flag where the
 * members disagree by more than a quarter of the item's maximum (or on whether it applies), the
 * agreed score by the rule (agreed-score.ts) and what the lead set instead.
 */
import { templateItems, type RubricItem, type RubricTemplate } from '../rubric';
import type { IndependentEntry, IndependentScores, ItemScore } from '../record/types';
import { agreedEntry } from './agreed-score';

/** A spread above this share of the item's maximum is flagged (分歧较大). */
const FLAG_SHARE = 0.25;

export interface ReconcileRow {
  item: RubricItem;
  sectionId: string;
  sectionTitle: string;
  /** One per member, in the order of `members` (undefined: the member's record has no entry). */
  entries: (IndependentEntry | undefined)[];
  /** Lowest and highest scored value; null when nobody scored the item. */
  low: number | null;
  high: number | null;
  /** high − low (0 with fewer than two scores). */
  spread: number;
  /** Some members marked it 不适用 while others scored it. */
  naSplit: boolean;
  /** spread > FLAG_SHARE × max, or naSplit. */
  flagged: boolean;
  /** The unrounded mean of the scored entries. */
  mean: number | null;
  /** What the rule gives. */
  suggested: IndependentEntry;
  /** What the record holds now (the suggestion unless the lead changed it). */
  agreed: IndependentEntry;
  /** The agreed entry differs from the suggestion. */
  overridden: boolean;
  /** The agreed entry lies outside what the members said: a reason is required. */
  outsideRange: boolean;
}

const sameEntry = (a: IndependentEntry, b: IndependentEntry) => a.na === b.na && (a.na || a.value === b.value);

/** Is `agreed` within what the members said (between the lowest and highest score, or 不适用 when someone said so)? */
function withinRange(
  agreed: IndependentEntry,
  entries: readonly (IndependentEntry | undefined)[],
  item: RubricItem,
  low: number | null,
  high: number | null,
): boolean {
  if (agreed.na) return entries.some((e) => e?.na && item.allowNA);
  if (agreed.value === null) return low === null;
  return low !== null && high !== null && agreed.value >= low - 1e-9 && agreed.value <= high + 1e-9;
}

/** The table for `members` against `template`; `agreed` are the record's current scores (default: the rule's). */
export function reconcile(
  template: RubricTemplate,
  members: readonly IndependentScores[],
  agreed?: Readonly<Record<string, ItemScore | IndependentEntry | undefined>>,
): ReconcileRow[] {
  return templateItems(template).map(({ item, sectionId, sectionTitle }) => {
    const entries = members.map((m) => m.scores[item.id]);
    const values = entries.filter((e) => e && !(e.na && item.allowNA) && e.value !== null).map((e) => e!.value as number);
    const low = values.length ? Math.min(...values) : null;
    const high = values.length ? Math.max(...values) : null;
    const spread = values.length > 1 ? Number((high! - low!).toFixed(6)) : 0;
    const naSplit = values.length > 0 && entries.some((e) => e?.na && item.allowNA);
    const rule = agreedEntry(item, entries);
    const suggested: IndependentEntry = { value: rule.value, na: rule.na };
    const current = agreed?.[item.id];
    const now: IndependentEntry = current ? { value: current.na ? null : current.value, na: current.na } : suggested;
    return {
      item,
      sectionId,
      sectionTitle,
      entries,
      low,
      high,
      spread,
      naSplit,
      flagged: spread > FLAG_SHARE * item.max + 1e-9 || naSplit,
      mean: rule.mean,
      suggested,
      agreed: now,
      overridden: !sameEntry(now, suggested),
      outsideRange: !withinRange(now, entries, item, low, high),
    };
  });
}
