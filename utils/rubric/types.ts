/**
 * Rubric template format `xunting.rubric/1`.
 *
 * A template is a list of sections, each a list of items. Every item is worth `max`
 * points and is scored on a grid of `step` (which divides `max`).
 *
 * - `kind: 'score'`: the observer awards 0..max points.
 * - `kind: 'deduction'` (扣分项): the observer enters the points DEDUCTED (0..max); the item
 *   earns `max - deducted`. It counts in the maximum like any other item.
 * - `allowNA`: the item may be marked 不适用; an N/A item is excluded from both the earned
 *   score and the maximum, and the total is scaled to 100.
 * - `required`: the item must be scored (or marked N/A) before the record can be finalised.
 *
 * `bands` map the total (0..100, rounded to one decimal) to a grade: the first band whose
 * `min` is ≤ the rounded total. They are listed from the highest `min` down, and the last
 * must have `min: 0`.
 */
export const RUBRIC_FORMAT = 'xunting.rubric/1' as const;
/** The file name a published 评分表 PDF embeds its template under. */
export const RUBRIC_ATTACHMENT = 'rubric.json';

export type ItemKind = 'score' | 'deduction';

export interface RubricItem {
  /** Stable id, unique in the template: letters, digits, `-`, `_`, `.`. */
  id: string;
  title: string;
  /** What the observer looks for (测评细则). */
  guidance?: string;
  max: number;
  step: number;
  kind: ItemKind;
  allowNA: boolean;
  required: boolean;
}

export interface RubricSection {
  id: string;
  title: string;
  items: RubricItem[];
}

export interface GradeBand {
  /** e.g. 优秀 */
  grade: string;
  /** Inclusive lower bound on the 0..100 total. */
  min: number;
}

export interface RubricTemplate {
  format: typeof RUBRIC_FORMAT;
  id: string;
  /** Integer ≥ 1; a template edited and re-imported gets a higher version. */
  version: number;
  title: string;
  description?: string;
  sections: RubricSection[];
  bands: GradeBand[];
}
