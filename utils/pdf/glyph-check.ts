/**
 * No character silently lost: jsPDF drops any character its font lacks, and every character
 * outside the BMP, without a word. Before printing, every character of every printed field is
 * checked against the fonts' coverage (public/fonts/coverage.json); what neither the main nor the
 * Ext font has is reported with its field, and the report is refused.
 */
import type { ObservationRecord } from '../record';
import { printedFields, type PrintedField } from './printed-fields';

/** Inclusive code point ranges, sorted, as written by scripts/build-fonts.py. */
export type CodeRanges = [number, number][];

export interface FontCoverage {
  /** The main face (regular and bold have the same characters). */
  main: CodeRanges;
  /** The rare-character fallback (regular only). */
  ext: CodeRanges;
  /** The supplementary-plane fallback for names (CJK Extension B and later; regular only). */
  sip: CodeRanges;
}

export interface UnprintableField {
  /** Chinese field name, e.g. 存在问题, 评分说明：「领学质量」. */
  field: string;
  /** JSON path, e.g. `$.narrative.problems`. */
  path: string;
  /** The characters no font has, each once, in order of appearance. */
  chars: string[];
}

/**
 * Layout characters: line breaks, tabs and the Unicode spaces (en space, thin space …) are
 * printed as line breaks and plain spaces (see `printable` in text-painter), never as glyphs.
 */
const LAYOUT_RE = /^[\n\r\t\u2028\u2029\p{Zs}]$/u;
const isLayout = (ch: string) => LAYOUT_RE.test(ch);

function inRanges(ranges: CodeRanges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Which font prints a character: 'main', 'ext', 'sip' (beyond the BMP), or null when none can. */
export function fontFor(coverage: FontCoverage, cp: number): 'main' | 'ext' | 'sip' | null {
  if (cp > 0xffff) return inRanges(coverage.sip, cp) ? 'sip' : null;
  if (inRanges(coverage.main, cp)) return 'main';
  if (inRanges(coverage.ext, cp)) return 'ext';
  return null;
}

/** The characters of `text` no font prints, each once. */
function unprintableChars(text: string, coverage: FontCoverage): string[] {
  const seen = new Set<string>();
  for (const ch of text) {
    if (isLayout(ch) || seen.has(ch)) continue;
    if (fontFor(coverage, ch.codePointAt(0)!) === null) seen.add(ch);
  }
  return [...seen];
}

/** True when some character of `fields` needs the Ext font. */
export function fieldsNeedExtFont(fields: readonly PrintedField[], coverage: FontCoverage): boolean {
  for (const f of fields) {
    for (const ch of f.text) {
      const cp = ch.codePointAt(0)!;
      if (cp <= 0xffff && !isLayout(ch) && !inRanges(coverage.main, cp) && inRanges(coverage.ext, cp)) return true;
    }
  }
  return false;
}

/** Every field of `fields` with characters no font can print (empty when all print whole). */
export function findUnprintableFields(fields: readonly PrintedField[], coverage: FontCoverage): UnprintableField[] {
  const out: UnprintableField[] = [];
  for (const f of fields) {
    const chars = unprintableChars(f.text, coverage);
    if (chars.length) out.push({ field: f.field, path: f.path, chars });
  }
  return out;
}

/** True when some printed character of the record needs the Ext font. */
export function needsExtFont(record: ObservationRecord, coverage: FontCoverage): boolean {
  return fieldsNeedExtFont(printedFields(record), coverage);
}

/** True when some character of `fields` needs the supplementary-plane face. */
export function fieldsNeedSipFont(fields: readonly PrintedField[], coverage: FontCoverage): boolean {
  for (const f of fields) {
    for (const ch of f.text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0xffff && inRanges(coverage.sip, cp)) return true;
    }
  }
  return false;
}

/** True when some printed character of the record needs the supplementary-plane face. */
export function needsSipFont(record: ObservationRecord, coverage: FontCoverage): boolean {
  return fieldsNeedSipFont(printedFields(record), coverage);
}

/** Every printed field with characters no font can print (empty when the record prints whole). */
export function findUnprintable(record: ObservationRecord, coverage: FontCoverage): UnprintableField[] {
  return findUnprintableFields(printedFields(record), coverage);
}

/** `「𠮷」(U+20BB7)`; an invisible character is named as such, by its code. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{Cc}\p{Cf}]$/u.test(ch) ? `(U+${code}，不可见字符)` : `「${ch}」(U+${code})`;
}

/** One line per field: `存在问题（$.narrative.problems）：「𠮷」(U+20BB7)、「😀」(U+1F600)`. */
export function formatUnprintable(list: readonly UnprintableField[]): string {
  return list.map((u) => `${u.field}（${u.path}）：${u.chars.map(describeChar).join('、')}`).join('\n');
}

/** Parse and check coverage.json text (or an already-parsed object). */
export function parseCoverage(input: unknown): FontCoverage {
  const value = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  const ranges = (v: unknown, what: string): CodeRanges => {
    if (!Array.isArray(v)) throw new Error(`字体覆盖表无效：缺少 ${what} 范围列表`);
    let prev = -1;
    return v.map((r, i) => {
      if (!Array.isArray(r) || r.length !== 2 || !Number.isInteger(r[0]) || !Number.isInteger(r[1]) || r[0] > r[1] || r[0] <= prev) {
        throw new Error(`字体覆盖表无效：${what}[${i}] 不是递增的 [起, 止] 码位范围`);
      }
      prev = r[1];
      return [r[0], r[1]] as [number, number];
    });
  };
  const obj = (value ?? {}) as { main?: unknown; ext?: unknown; sip?: unknown };
  return { main: ranges(obj.main, 'main'), ext: ranges(obj.ext ?? [], 'ext'), sip: ranges(obj.sip ?? [], 'sip') };
}
