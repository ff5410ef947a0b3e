/**
 * THE rule for a group's agreed score (组定分), in one place: the mean of the members' entries
 * for the item, rounded half up to the item's step. Entries are the values as entered — for a
 * 扣分项 the points deducted — so "half up" rounds a deduction up too. Members who marked the
 * item 不适用 or left it blank abstain; when nobody scored it, it is 不适用 if anyone said so.
 *
 * Exact: entries lie on the step grid, so they are counted in whole steps and the mean is
 * rounded with integers (no 0.1 + 0.2 noise): k = ⌊(2·Σkᵢ + n) / 2n⌋.
 */
import type { RubricItem } from '../rubric';
import type { IndependentEntry } from '../record/types';

/** Said on screen, in the CLI's help and in the report's appendix. */
export const AGREED_RULE_TEXT =
  '组定分默认取各组员评分的平均值，按该项的计分单位四舍五入（恰在两档正中时取较高一档；扣分项按扣分值计算），标为不适用或未评的组员不参与平均。';

const steps = (value: number, step: number) => Math.round(value / step);

export interface AgreedEntry extends IndependentEntry {
  /** The unrounded mean of the scored entries; null when nobody scored the item. */
  mean: number | null;
}

/** The agreed entry by the rule above, from every member's entry for `item` (undefined = the member has none). */
export function agreedEntry(item: RubricItem, entries: readonly (IndependentEntry | undefined)[]): AgreedEntry {
  const scored = entries.filter((e): e is IndependentEntry & { value: number } => !!e && !(e.na && item.allowNA) && e.value !== null);
  if (!scored.length) {
    const na = item.allowNA && entries.some((e) => e?.na);
    return { value: null, na, mean: null };
  }
  const n = scored.length;
  const sum = scored.reduce((a, e) => a + steps(e.value, item.step), 0);
  const k = Math.floor((2 * sum + n) / (2 * n));
  return { value: Number((k * item.step).toFixed(6)), na: false, mean: scored.reduce((a, e) => a + e.value, 0) / n };
}
