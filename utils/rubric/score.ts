import type { RubricItem, RubricTemplate } from './types';
import { onGrid } from './template-schema';

/** What the observer entered for one item (see ItemScore in utils/record). */
export interface ItemEntry {
  value: number | null;
  na: boolean;
  /** Text the form refused (see ItemScore.entered): the item is not scored while it is there. */
  entered?: string;
}

export interface SectionScore {
  id: string;
  title: string;
  /** Points earned on assessed items. */
  earned: number;
  /** Maximum of assessed items (scored, not N/A). */
  max: number;
  /** Maximum of all items in the section, as printed in the template. */
  fullMax: number;
  itemCount: number;
  scored: number;
  na: number;
  /** No assessed item: every item N/A or unscored (or the section has none). */
  empty: boolean;
}

export interface ScoreSummary {
  sections: SectionScore[];
  earned: number;
  max: number;
  /**
   * The maximum the session is measured against (应评满分): every item not N/A, except
   * optional items left blank. Equals `max` once every required item is scored.
   */
  applicableMax: number;
  /** earned / max scaled to 100, rounded to one decimal; null when nothing is assessed. Provisional (暂计) until `complete`. */
  total: number | null;
  /** Only when `complete` and something was assessed: a running figure earns no grade. */
  grade: string | null;
  /** Every required item scored or N/A and no refused entry pending: the total is final. */
  complete: boolean;
  /** Every item is N/A: nothing is applicable, there is no total and no grade. */
  allNA: boolean;
  itemCount: number;
  scored: number;
  na: number;
  unscored: number;
  /** Ids of required items neither scored nor N/A. */
  missingRequired: string[];
  /** Ids of items holding text the form refused (ItemEntry.entered); never scored. */
  unaccepted: string[];
}

const MILLI = 1000;
const toMilli = (v: number) => Math.round(v * MILLI);

/** Round half up to one decimal, robust to binary noise (89.95 → 90.0). */
export function roundTotal(x: number): number {
  return Math.round(x * 10 + 1e-7) / 10;
}

/** Points an item earns from an entry: a deduction item earns max minus the deduction. */
export function itemEarned(item: RubricItem, value: number): number {
  return item.kind === 'deduction' ? item.max - value : value;
}

/** A Chinese message when `value` is not a valid entry for `item`, else null. */
export function checkItemValue(item: RubricItem, value: number): string | null {
  const what = item.kind === 'deduction' ? '扣分' : '得分';
  if (!Number.isFinite(value)) return `「${item.title}」的${what}须为数字`;
  if (value < 0 || value > item.max) return `「${item.title}」的${what}须在 0 至 ${item.max} 之间`;
  if (!onGrid(value, item.step)) return `「${item.title}」的${what}须为 ${item.step} 的整数倍`;
  return null;
}

/**
 * Read what the observer typed into an item's field: the value to store, or (when refused)
 * the text to keep as `entered` with the message to show. Empty text clears the item; a
 * full-width 。 counts as a decimal point (Chinese IMEs type it).
 */
export function parseItemText(item: RubricItem, text: string): { value: number | null; entered?: string; message: string | null } {
  const t = text.trim().replace(/。/g, '.');
  if (t === '') return { value: null, message: null };
  const v = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  const message = Number.isNaN(v) ? `「${item.title}」的${item.kind === 'deduction' ? '扣分' : '得分'}须为数字` : checkItemValue(item, v);
  return message ? { value: null, entered: text, message } : { value: v, message: null };
}

/**
 * Score a record's entries against its template.
 * Only assessed items (scored and not N/A) count, in both the earned points and the maximum;
 * the total is earned / max scaled to 100, so N/A items and optional items left blank do not
 * pull the total down. An entry holding refused text (`entered`) is not scored, nor is a value
 * out of range or off the step grid (a hand-edited record is caught by record validation).
 * Until every required item is scored the total is a running figure without a grade.
 */
export function scoreTemplate(template: RubricTemplate, entries: Record<string, ItemEntry | undefined>): ScoreSummary {
  let earnedM = 0;
  let maxM = 0;
  let itemCount = 0;
  let scored = 0;
  let na = 0;
  let applicableM = 0;
  const missingRequired: string[] = [];
  const unaccepted: string[] = [];
  const sections = template.sections.map((section): SectionScore => {
    let sEarned = 0;
    let sMax = 0;
    let sFull = 0;
    let sScored = 0;
    let sNa = 0;
    for (const item of section.items) {
      sFull += toMilli(item.max);
      const entry = entries[item.id];
      if (entry?.na && item.allowNA) {
        sNa++;
        continue;
      }
      if (item.required) applicableM += toMilli(item.max);
      if (entry?.entered !== undefined) unaccepted.push(item.id);
      const v = entry?.entered !== undefined ? null : entry?.value;
      if (v === null || v === undefined || checkItemValue(item, v) !== null) {
        if (item.required) missingRequired.push(item.id);
        continue;
      }
      if (!item.required) applicableM += toMilli(item.max);
      sScored++;
      sEarned += toMilli(itemEarned(item, v));
      sMax += toMilli(item.max);
    }
    itemCount += section.items.length;
    scored += sScored;
    na += sNa;
    earnedM += sEarned;
    maxM += sMax;
    return {
      id: section.id,
      title: section.title,
      earned: sEarned / MILLI,
      max: sMax / MILLI,
      fullMax: sFull / MILLI,
      itemCount: section.items.length,
      scored: sScored,
      na: sNa,
      empty: sScored === 0,
    };
  });
  const total = maxM > 0 ? roundTotal((earnedM * 100) / maxM) : null;
  const complete = missingRequired.length === 0 && unaccepted.length === 0;
  return {
    sections,
    earned: earnedM / MILLI,
    max: maxM / MILLI,
    applicableMax: applicableM / MILLI,
    total,
    grade: complete && total !== null ? gradeFor(template, total) : null,
    complete,
    allNA: itemCount > 0 && na === itemCount,
    itemCount,
    scored,
    na,
    unscored: itemCount - scored - na,
    missingRequired,
    unaccepted,
  };
}

/** The grade of a (rounded) total: the first band, highest first, whose min it reaches. */
export function gradeFor(template: RubricTemplate, total: number): string | null {
  for (const band of template.bands) if (total >= band.min) return band.grade;
  return null;
}

/** Every item of a template, in order, with its section. */
export function templateItems(template: RubricTemplate): { item: RubricItem; sectionId: string; sectionTitle: string }[] {
  return template.sections.flatMap((s) => s.items.map((item) => ({ item, sectionId: s.id, sectionTitle: s.title })));
}
