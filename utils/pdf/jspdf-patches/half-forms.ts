/**
 * Half-width forms of full-width punctuation, for 标点挤压 (see line-break.ts).
 *
 * Drawing a mark half an em early (a negative `Tc`, a `TJ` kerning number or a new `Td`) makes
 * poppler's text extraction see two overlapping characters and start a new word there, and
 * `pdftotext -raw` a new line (tried: poppler 22.12 ignores the char spacing and the TJ shift
 * when it measures a character). So a compressed mark is a glyph of its own instead: a compound
 * glyph drawing the mark's outline, shifted left by half an em for an opening mark, with an
 * advance of half an em (its /W width), mapped back to the mark in /ToUnicode. Its box is then
 * exactly the half it keeps, and the text reads back unchanged.
 *
 * jsPDF encodes a string one UTF-16 unit at a time through `characterToGlyph`, so the painter
 * asks for a half form with a private-use unit ({@link halfFormUnit}); DocumentFont
 * (document-font.ts) hands out the extra glyph and the subsetter (truetype-subset.ts) writes it.
 */
import { HALF_LEFT, HALF_RIGHT } from '../line-break';

/** Private-use units standing for the half forms: U+F780 + index in HALF_LEFT + HALF_RIGHT (the fonts have no private-use glyphs there). */
const FIRST = 0xf780;
const MARKS = HALF_LEFT + HALF_RIGHT;

/** The private-use unit drawing `mark` in half an em (a character of HALF_LEFT or HALF_RIGHT), or 0. */
export function halfFormUnit(mark: string): number {
  const i = MARKS.indexOf(mark);
  return i < 0 ? 0 : FIRST + i;
}

/** What a half-form unit stands for: the mark's code and whether it keeps its right half (opening marks), or null. */
export function halfFormOf(unit: number): { code: number; right: boolean } | null {
  const i = unit - FIRST;
  if (i < 0 || i >= MARKS.length) return null;
  return { code: MARKS.charCodeAt(i), right: i >= HALF_LEFT.length };
}

/** Every half-form unit with the code of the mark it stands for. */
export function halfFormUnits(): [number, number][] {
  return Array.from(MARKS, (mark, i) => [FIRST + i, mark.charCodeAt(0)]);
}
