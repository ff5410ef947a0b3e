/**
 * Chinese line breaking (避头尾) and justification for jsPDF output.
 *
 * Pure and dependency-free: runs in browsers and in Node 20.
 *
 * Model
 * -----
 * Each paragraph (text between hard breaks `\n`, `\r\n`, `\r`, U+2028, U+2029)
 * is cut into *tokens*:
 *   - a single CJK character / punctuation / symbol / emoji (a break may occur
 *     on either side of it),
 *   - a run of Latin letters, digits and ASCII symbols (`3.14`, `2026-11-22`,
 *     `09:40`, `50%`, URLs, e-mail addresses …), never split,
 *   - a run of the same dash / ellipsis character (`——`, `……`), never split,
 *   - a run of spaces (a break opportunity; the spaces are dropped when the
 *     line breaks there).
 * "Characters" are grapheme-like clusters: surrogate pairs, combining marks,
 * variation selectors, ZWJ emoji sequences and flag pairs are never split.
 *
 * A break between two tokens is forbidden when the following token starts with
 * a {@link NO_START} character (closing punctuation …) or the preceding token
 * ends with a {@link NO_END} character (opening punctuation …).
 *
 * Lines are filled greedily; when the next token does not fit, the line is cut
 * at the last *allowed* break opportunity, which moves the preceding
 * character(s) down together with the punctuation (there is no hanging
 * punctuation and no push-in, so lines never overflow).
 *
 * Last resorts, in this order, when the rules cannot all be met:
 *   1. a multi-character token wider than `maxWidth` on its own (an over-long
 *      Latin run, an over-long `————`) is split into single characters;
 *   2. when a run of tokens that may not be separated (e.g. `“《学` or
 *      `09:40，`) is wider than `maxWidth`, the line is cut at the last token
 *      that fits, even though that breaks a 避头尾 rule (width wins);
 *   3. a single character wider than `maxWidth` gets a line of its own (the
 *      only case where a line is wider than `maxWidth`).
 *
 * Text preservation: joining the `text` of a paragraph's lines gives the
 * paragraph back exactly, EXCEPT that the run of spaces at which a line is
 * broken is dropped (it would "hang" after the line end). The same applies to
 * trailing spaces at the very end of a paragraph and to leading spaces of a
 * paragraph, but only when they do not fit on the line.
 *
 * Widths: the widths of the distinct characters are measured once each with
 * `measure` (cached per call) and summed, so the cost is O(n) and `measure` is
 * only ever called with single characters (clusters).
 */

/** Width of a string, in the same unit as `maxWidth`. */
export type Measure = (text: string) => number;

export interface BrokenLine {
  text: string;
  width: number;
  /** true when this line ends a paragraph (hard break or end of text) */
  last: boolean;
}

export interface JustifiedLine extends BrokenLine {
  /** extra space to add after each character except the last, so the line fills maxWidth (0 for the last line of a paragraph) */
  charSpace: number;
}

/**
 * Characters that may not begin a line (行首禁则): closing brackets and quotes,
 * sentence and clause punctuation, ellipsis, dashes, interpuncts, wave dashes,
 * percent/per-mille/degree signs, in CJK, fullwidth, halfwidth, small,
 * vertical and ASCII forms.
 */
export const NO_START: string =
  // CJK / general punctuation
  '，。、；：？！）》」』】〕〗〙〛〉〞〟’”…‥⋯·‧・—―⸺⸻～〜%‰‱℃℉′″‼⁇⁈⁉' +
  // other fullwidth forms (，；：？！）～ are above)
  '．］｝＞％' +
  // halfwidth forms
  '｡｣､･｠' +
  // small form variants
  '﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞' +
  // vertical forms
  '︐︑︒︓︔︕︖︘︙' +
  // ASCII (% is above)
  ",.;:?!)]}>'";

/**
 * Characters that may not end a line (行尾禁则): opening brackets and quotes in
 * CJK, fullwidth, halfwidth, small, vertical and ASCII forms.
 */
export const NO_END: string = '（《「『【〔〖〘〚〈〝‘“' + '［｛＜｟' + '｢' + '﹙﹛﹝' + '︗' + '([{<';

function codePointSet(chars: string): Set<number> {
  const set = new Set<number>();
  for (const ch of chars) set.add(ch.codePointAt(0)!);
  return set;
}

const NO_START_SET = codePointSet(NO_START);
const NO_END_SET = codePointSet(NO_END);

/** Characters forming unbreakable runs when repeated: —— ―― …… ‥‥ ⋯⋯ ⸺ ⸻ */
const GROUPABLE = codePointSet('—―…‥⋯⸺⸻');

const MARK_RE = /\p{M}/u;
const WORD_RE = /[\p{L}\p{Nd}]/u;
const CJK_SCRIPT_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\p{sc=Yi}]/u;

/** Character classes (plain constants rather than an enum: erasable syntax only). */
const Kind = {
  /** breakable on either side (CJK characters, punctuation, symbols, emoji) */
  Cjk: 0,
  /** part of an unbreakable Latin/number run */
  Latin: 1,
  /** a break opportunity that is dropped at line ends */
  Space: 2,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    cp === 0x09 ||
    cp === 0x0b ||
    cp === 0x0c ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x2006) ||
    (cp >= 0x2008 && cp <= 0x200a) ||
    cp === 0x205f
  );
}

function classify(cp: number, ch: string): Kind {
  if (cp >= 0x21 && cp <= 0x7e) return Kind.Latin;
  if (cp === 0x20 || cp === 0x09) return Kind.Space;
  if (cp >= 0x3000 && cp <= 0x9fff) return Kind.Cjk; // CJK punctuation, kana, ideographs (fast path)
  if (isSpace(cp)) return Kind.Space;
  // Latin-1 (NBSP, accented letters, ¥ £ ° …) except the interpunct ·
  if (cp >= 0xa0 && cp <= 0xff) return cp === 0xb7 ? Kind.Cjk : Kind.Latin;
  // non-breaking glue: hyphen, non-breaking hyphen, figure space, narrow NBSP, word joiner
  if (cp === 0x2010 || cp === 0x2011 || cp === 0x2007 || cp === 0x202f || cp === 0x2060) return Kind.Latin;
  if (WORD_RE.test(ch) && !CJK_SCRIPT_RE.test(ch)) return Kind.Latin;
  return Kind.Cjk;
}

/** Code points that attach to the preceding character (never a break before them). */
function isExtender(cp: number, ch: string): boolean {
  if (cp < 0x300) return false;
  if (cp >= 0x3000 && cp <= 0x9fff) return cp === 0x3099 || cp === 0x309a; // kana voicing marks
  return (
    cp === 0x200d || // ZWJ
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // emoji skin tones
    (cp >= 0xe0020 && cp <= 0xe007f) || // emoji tag sequences
    (cp >= 0xe0100 && cp <= 0xe01ef) || // variation selectors supplement
    MARK_RE.test(ch) // combining marks (incl. U+20E3 keycap)
  );
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** Tokens of one paragraph, as parallel arrays. */
interface Tokens {
  text: string[];
  width: number[];
  space: boolean[];
  /** base code point of the first character */
  first: number[];
  /** base code point of the last character */
  last: number[];
}

/** Split a paragraph into characters (grapheme-like clusters). */
function clusters(para: string): { text: string[]; base: number[] } {
  const text: string[] = [];
  const base: number[] = [];
  let joinNext = false; // previous code point was ZWJ
  let riPending = false; // previous cluster is a single regional indicator
  for (const ch of para) {
    const cp = ch.codePointAt(0)!;
    const n = text.length;
    if (n > 0 && (joinNext || isExtender(cp, ch) || (riPending && isRegionalIndicator(cp)))) {
      text[n - 1] += ch;
      joinNext = cp === 0x200d;
      riPending = false;
      continue;
    }
    text.push(ch);
    base.push(cp);
    joinNext = false;
    riPending = isRegionalIndicator(cp);
  }
  return { text, base };
}

function tokenize(para: string, limit: number, widthOf: (c: string) => number): Tokens {
  const tk: Tokens = { text: [], width: [], space: [], first: [], last: [] };
  const { text: cs, base } = clusters(para);
  const n = cs.length;

  const pushOne = (i: number, w: number, space: boolean): void => {
    tk.text.push(cs[i]);
    tk.width.push(w);
    tk.space.push(space);
    tk.first.push(base[i]);
    tk.last.push(base[i]);
  };

  let i = 0;
  while (i < n) {
    const cp = base[i];
    const kind = classify(cp, cs[i]);
    let j = i + 1;
    if (kind === Kind.Cjk) {
      if (GROUPABLE.has(cp)) while (j < n && base[j] === cp) j++;
    } else {
      while (j < n && classify(base[j], cs[j]) === kind) j++;
    }
    if (j === i + 1) {
      pushOne(i, widthOf(cs[i]), kind === Kind.Space);
    } else {
      let w = 0;
      for (let k = i; k < j; k++) w += widthOf(cs[k]);
      if (w > limit && kind !== Kind.Space) {
        // Last resort: an unbreakable run wider than a whole line is split by character.
        for (let k = i; k < j; k++) pushOne(k, widthOf(cs[k]), false);
      } else {
        let s = '';
        for (let k = i; k < j; k++) s += cs[k];
        tk.text.push(s);
        tk.width.push(w);
        tk.space.push(kind === Kind.Space);
        tk.first.push(base[i]);
        tk.last.push(base[j - 1]);
      }
    }
    i = j;
  }
  return tk;
}

function breakParagraph(para: string, limit: number, widthOf: (c: string) => number, out: BrokenLine[]): void {
  const tk = tokenize(para, limit, widthOf);
  const n = tk.text.length;
  const fit = limit + 1e-9 * Math.max(1, limit);
  const firstOut = out.length;

  /** May a line end before non-space token j and the next line start with it? */
  const canBreakBefore = (j: number): boolean =>
    !tk.space[j - 1] && !NO_END_SET.has(tk.last[j - 1]) && !NO_START_SET.has(tk.first[j]);
  /** May a line be broken at the space token s (line ends before it, next starts after it)? */
  const canBreakAtSpace = (s: number): boolean =>
    (s === 0 || !NO_END_SET.has(tk.last[s - 1])) && (s + 1 >= n || !NO_START_SET.has(tk.first[s + 1]));

  const emit = (start: number, end: number, width: number, last: boolean): void => {
    let text = '';
    for (let k = start; k < end; k++) text += tk.text[k];
    out.push({ text, width, last });
  };

  let start = 0;
  while (start < n) {
    let width = 0;
    // last allowed break opportunity on this line: line ends at bEnd, next line starts at bNext
    let bEnd = -1;
    let bNext = -1;
    let bWidth = 0;
    let end = n;
    let next = n;
    let lineWidth = -1;
    for (let j = start; j < n; j++) {
      const w = tk.width[j];
      if (tk.space[j]) {
        const ok = canBreakAtSpace(j);
        if (width + w <= fit) {
          if (ok) {
            bEnd = j;
            bNext = j + 1;
            bWidth = width;
          }
          width += w;
          continue;
        }
        // the spaces overflow: break here (they are dropped) unless an earlier, rule-abiding break exists
        if (ok || bEnd < 0) {
          end = j;
          next = j + 1;
          lineWidth = width;
        } else {
          end = bEnd;
          next = bNext;
          lineWidth = bWidth;
        }
        break;
      }
      if (j > start && canBreakBefore(j)) {
        bEnd = j;
        bNext = j;
        bWidth = width;
      }
      if (width + w <= fit || j === start) {
        width += w; // a single too-wide unit gets a line of its own
        continue;
      }
      if (bEnd >= 0) {
        // cut at the last allowed opportunity: this pulls the preceding character(s)
        // down together with a line-initial closing / line-final opening punctuation
        end = bEnd;
        next = bNext;
        lineWidth = bWidth;
      } else {
        // nothing allowed on this line: the unbreakable sequence is wider than the line
        end = j;
        next = j;
        lineWidth = width;
      }
      break;
    }
    if (lineWidth < 0) lineWidth = width; // the rest of the paragraph fits
    const last = next >= n;
    if (end > start) {
      emit(start, end, lineWidth, last);
    } else if (last) {
      // only spaces that do not fit are left
      if (out.length > firstOut) out[out.length - 1].last = true;
      else out.push({ text: '', width: 0, last: true });
    }
    start = next;
  }
  if (out.length === firstOut) out.push({ text: '', width: 0, last: true });
}

/**
 * Break `text` into lines no wider than `maxWidth` following Chinese 避头尾
 * rules. Hard breaks (`\n`, `\r\n`, `\r`, U+2028, U+2029) end paragraphs; an
 * empty paragraph gives one empty line. See the module comment for details.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): BrokenLine[] {
  const limit = maxWidth > 0 ? maxWidth : 0; // NaN / negative: one unit per line
  const cache = new Map<string, number>();
  const widthOf = (c: string): number => {
    let w = cache.get(c);
    if (w === undefined) {
      w = measure(c);
      if (!(w > 0) || !Number.isFinite(w)) w = 0;
      cache.set(c, w);
    }
    return w;
  };
  const out: BrokenLine[] = [];
  for (const para of text.split(/\r\n|[\n\r\u2028\u2029]/)) breakParagraph(para, limit, widthOf, out);
  return out;
}

/**
 * Compute the jsPDF `charSpace` that makes each line fill `maxWidth`.
 * Lines ending a paragraph (hard break or end of text) and lines of fewer than
 * two characters are not stretched. Characters are counted as code points,
 * matching the glyphs to which the PDF `Tc` operator applies.
 */
export function justifyLines(lines: BrokenLine[], maxWidth: number): JustifiedLine[] {
  return lines.map((line) => {
    let chars = 0;
    if (!line.last) {
      const t = line.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c < 0xdc00 || c > 0xdfff || i === 0 || (t.charCodeAt(i - 1) & 0xfc00) !== 0xd800) chars++;
      }
    }
    const charSpace = !line.last && chars >= 2 ? Math.max(0, (maxWidth - line.width) / (chars - 1)) : 0;
    return { text: line.text, width: line.width, last: line.last, charSpace };
  });
}
