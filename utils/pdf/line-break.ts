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
 *
 * Refinements (W3C clreq, "Requirements for Chinese Text Layout"):
 *   - a paragraph's last line never holds a single character when the line
 *     before can give it one more (`字。` and `钟）` count as one character);
 *   - an unbreakable Latin run (a URL, a long code) that would leave more than
 *     a third of a line empty is broken by character instead, so no line in
 *     the middle of a paragraph is left short.
 *
 * Justification stretches only between CJK characters and at the boundaries
 * of Latin/number runs and spaces, never inside a Latin word or a number
 * (`Checklist`, `PM2.5`, `〔2026〕15号` keep their natural spacing), and not
 * after a fixed-width ideographic space (the two-character first-line indent
 * stays exactly two ems).
 *
 * 标点挤压 (punctuation compression): two or more adjacent full-width marks on
 * one line take half an em each, so "）、" "），" "。”" "：“" take one em in
 * all (clreq allows this tighter setting beside its 1.5 em minimum). A closing
 * mark or comma keeps its left half ({@link HALF_LEFT}), an opening bracket
 * or quote its right half ({@link HALF_RIGHT}); marks split by a line break
 * keep their full width. Widths here (line filling, justification) count the
 * compressed marks at half width; {@link placeLine} gives each such mark a
 * run of its own with `half: true`, drawn with a glyph half an em wide (see
 * jspdf-patches/half-forms.ts: a shifted glyph, not a shifted position, so
 * pdftotext still reads the line as one). No stretch is added between two
 * compressed marks. See {@link stretchPoints} and {@link placeLine}.
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
  /** extra space at each stretch point ({@link stretchPoints}) so the line fills maxWidth (0 for the last line of a paragraph) */
  stretch: number;
}

/** A piece of a placed line drawn with one uniform extra space after each character (PDF `Tc`). */
export interface LineRun {
  text: string;
  /** offset of the run's first character from the line start */
  x: number;
  /** extra space after each character of the run (0 inside Latin words and numbers) */
  charSpace: number;
  /** the run is one punctuation mark set in half an em (标点挤压) */
  half?: true;
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

/** Full-width marks drawn in the left half of their em (closing brackets and quotes, 、，。；：): compressed, they keep it. */
export const HALF_LEFT: string = '，。、；：）》」』】〕〗〉”’';
/** Full-width marks drawn in the right half of their em (opening brackets and quotes): compressed, they keep it. */
export const HALF_RIGHT: string = '（《「『【〔〖〈“‘';

const SQUEEZABLE_SET = codePointSet(HALF_LEFT + HALF_RIGHT);
const NO_START_SET = codePointSet(NO_START);
const NO_END_SET = codePointSet(NO_END);

/** A Latin run that may be broken by character when it would leave a line short: URLs, paths, long codes. */
const LINK_LIKE = /[/@_\\]|^.{20,}$|^[^.]*\.[^.]+\.[^.]/u;

/** Paired quotation marks: a term of at most {@link SHORT_QUOTE} characters between them is never split (“十五五”). */
const QUOTE_PAIRS = new Map([0x201c, 0x2018, 0x300c, 0x300e].map((o, i) => [o, [0x201d, 0x2019, 0x300d, 0x300f][i]]));
const SHORT_QUOTE = 6;

/** Fixed-width space: never stretched after (keeps the 两字缩进 exactly two ems). */
const IDEOGRAPHIC_SPACE = 0x3000;

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
  kind: Kind[];
  /** no break before this token (inside a short quoted term) */
  glue: boolean[];
  /** base code point of the first character */
  first: number[];
  /** base code point of the last character */
  last: number[];
  /** a single full-width mark that is set in half an em next to another one (标点挤压) */
  sq: boolean[];
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
  const tk: Tokens = { text: [], width: [], space: [], kind: [], glue: [], first: [], last: [], sq: [] };
  const { text: cs, base } = clusters(para);
  const n = cs.length;

  const pushOne = (i: number, w: number, kind: Kind): void => {
    tk.text.push(cs[i]);
    tk.width.push(w);
    tk.space.push(kind === Kind.Space);
    tk.kind.push(kind);
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
      pushOne(i, widthOf(cs[i]), kind);
    } else {
      let w = 0;
      for (let k = i; k < j; k++) w += widthOf(cs[k]);
      if (w > limit && kind !== Kind.Space) {
        // Last resort: an unbreakable run wider than a whole line is split by character.
        for (let k = i; k < j; k++) pushOne(k, widthOf(cs[k]), kind);
      } else {
        let s = '';
        for (let k = i; k < j; k++) s += cs[k];
        tk.text.push(s);
        tk.width.push(w);
        tk.space.push(kind === Kind.Space);
        tk.kind.push(kind);
        tk.first.push(base[i]);
        tk.last.push(base[j - 1]);
      }
    }
    i = j;
  }
  for (let k = 0; k < tk.text.length; k++) tk.sq.push(tk.kind[k] === Kind.Cjk && tk.text[k].length === 1 && SQUEEZABLE_SET.has(tk.first[k]));
  // A short quoted term stays on one line: no break after its opening or before its closing mark.
  for (let k = 0; k < tk.text.length; k++) tk.glue.push(false);
  for (let k = 0; k < tk.text.length; k++) {
    const close = QUOTE_PAIRS.get(tk.first[k]);
    if (close === undefined) continue;
    for (let e = k + 1; e < tk.text.length && e - k <= SHORT_QUOTE + 1; e++) {
      if (tk.space[e] || QUOTE_PAIRS.has(tk.first[e])) break;
      if (tk.first[e] === close) {
        let w = 0;
        for (let g = k; g <= e; g++) w += tk.width[g];
        // a term wider than the line is broken like any other text
        if (w <= limit) for (let g = k + 1; g <= e; g++) tk.glue[g] = true;
        break;
      }
    }
  }
  return tk;
}

/** Split token `j` after its first `count` clusters (both parts keep its kind). */
function splitToken(tk: Tokens, j: number, count: number, widthOf: (c: string) => number): void {
  const cs = clusters(tk.text[j]);
  const head = cs.text.slice(0, count);
  const tail = cs.text.slice(count);
  const sum = (parts: string[]) => parts.reduce((w, c) => w + widthOf(c), 0);
  tk.text.splice(j, 1, head.join(''), tail.join(''));
  tk.width.splice(j, 1, sum(head), sum(tail));
  tk.space.splice(j, 1, tk.space[j], tk.space[j]);
  tk.kind.splice(j, 1, tk.kind[j], tk.kind[j]);
  tk.glue.splice(j, 1, tk.glue[j], false);
  tk.first.splice(j, 1, cs.base[0], cs.base[count]);
  tk.last.splice(j, 1, cs.base[count - 1], tk.last[j]);
  tk.sq.splice(j, 1, false, false);
}

/**
 * How much narrower the line gets when token `j` joins it after token j−1 (the line starts at
 * token `start`): half of each of two adjacent marks, the first one's half only if it was not
 * already paired with the mark before it.
 */
function squeeze(tk: Tokens, start: number, j: number): number {
  if (j <= start || !tk.sq[j] || !tk.sq[j - 1]) return 0;
  return tk.width[j] / 2 + (j - 1 > start && tk.sq[j - 2] ? 0 : tk.width[j - 1] / 2);
}

/** Is token k of a line [start, end) a compressed mark? */
function halved(tk: Tokens, start: number, end: number, k: number): boolean {
  return tk.sq[k] && ((k > start && tk.sq[k - 1]) || (k + 1 < end && tk.sq[k + 1]));
}

/** Is the gap between tokens k-1 and k a place where justification may add space? */
function stretchable(tk: Tokens, k: number): boolean {
  if (tk.last[k - 1] === IDEOGRAPHIC_SPACE) return false;
  if (tk.sq[k - 1] && tk.sq[k]) return false; // two compressed marks stay one em together
  // the pieces of a split Latin run are still one word
  return !(tk.kind[k - 1] === Kind.Latin && tk.kind[k] === Kind.Latin);
}

/** Does this line text (tokens [start, end)) count as a single character for widow control? */
function singleCharacter(tk: Tokens, start: number, end: number): boolean {
  let chars = 0;
  for (let k = start; k < end; k++) {
    if (tk.space[k]) continue;
    if (tk.kind[k] === Kind.Cjk && tk.text[k].length <= 2 && (NO_START_SET.has(tk.first[k]) || NO_END_SET.has(tk.first[k]))) continue;
    chars += tk.kind[k] === Kind.Cjk && !GROUPABLE.has(tk.first[k]) ? 1 : 2;
  }
  return chars === 1;
}

function breakParagraph(para: string, limit: number, widthOf: (c: string) => number, out: BrokenLine[]): void {
  const tk = tokenize(para, limit, widthOf);
  let n = tk.text.length;
  const fit = limit + 1e-9 * Math.max(1, limit);
  const firstOut = out.length;
  /** Lines of this paragraph as token ranges: [start, end) printed, the next line starts at `next`. */
  const ranges: { start: number; end: number; next: number; width: number }[] = [];

  /** May a line end before non-space token j and the next line start with it? */
  const canBreakBefore = (j: number): boolean => !tk.space[j - 1] && !tk.glue[j] && !NO_END_SET.has(tk.last[j - 1]) && !NO_START_SET.has(tk.first[j]);
  /** May a line be broken at the space token s (line ends before it, next starts after it)? */
  const canBreakAtSpace = (s: number): boolean => (s === 0 || !NO_END_SET.has(tk.last[s - 1])) && (s + 1 >= n || !NO_START_SET.has(tk.first[s + 1]));

  const widthOfRange = (start: number, end: number): number => {
    let w = 0;
    for (let k = start; k < end; k++) w += tk.width[k] - squeeze(tk, start, k);
    return w;
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
      const w = tk.width[j] - squeeze(tk, start, j);
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
      const room = limit - width;
      if (tk.kind[j] === Kind.Latin && room > limit / 3 && (bEnd < j || tk.text[j].includes('/')) && LINK_LIKE.test(tk.text[j])) {
        // A URL, path or long code would leave a third of the line empty: break it by character
        // (where 避头尾 allows), never a plain word. A URL or path is broken even where it could
        // start the next line whole; an e-mail address or a date then moves down whole.
        const cs = clusters(tk.text[j]).text;
        let count = 0;
        let w = 0;
        while (count < cs.length - 1 && w + widthOf(cs[count]) <= room + 1e-9) w += widthOf(cs[count++]);
        while (count > 0 && (NO_START_SET.has(cs[count].codePointAt(0)!) || NO_END_SET.has(cs[count - 1].codePointAt(0)!))) {
          w -= widthOf(cs[--count]);
        }
        if (count > 0) {
          splitToken(tk, j, count, widthOf);
          n++;
          end = j + 1;
          next = j + 1;
          lineWidth = width + w;
          break;
        }
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
    if (end > start) ranges.push({ start, end, next, width: lineWidth });
    start = next;
  }
  // Widow control: a last line of one character takes one more unit from the line before,
  // at the last allowed break (never a line of the paragraph's middle left short: it is justified).
  const m = ranges.length;
  if (m >= 2) {
    const prev = ranges[m - 2];
    const lastLine = ranges[m - 1];
    if (prev.next === prev.end && singleCharacter(tk, lastLine.start, lastLine.end)) {
      for (let k = prev.end - 1; k > prev.start + 1; k--) {
        if (!canBreakBefore(k)) continue;
        const moved = widthOfRange(k, lastLine.end);
        if (moved > fit) break;
        prev.end = prev.next = k;
        prev.width = widthOfRange(prev.start, k);
        lastLine.start = k;
        lastLine.width = moved;
        break;
      }
    }
  }
  for (let i = 0; i < m; i++) {
    const r = ranges[i];
    let text = '';
    for (let k = r.start; k < r.end; k++) text += tk.text[k];
    out.push({ text, width: r.width, last: i === m - 1 });
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
  const widthOf = cached(measure);
  const out: BrokenLine[] = [];
  for (const para of text.split(/\r\n|[\n\r\u2028\u2029]/)) breakParagraph(para, limit, widthOf, out);
  return out;
}

/** `measure` for single clusters, cached; bad widths count as 0. */
function cached(measure: Measure): (c: string) => number {
  const cache = new Map<string, number>();
  return (c: string): number => {
    let w = cache.get(c);
    if (w === undefined) {
      w = measure(c);
      if (!(w > 0) || !Number.isFinite(w)) w = 0;
      cache.set(c, w);
    }
    return w;
  };
}

const NO_WIDTH = (): number => 0;

/**
 * The number of places in one line where justification adds space: between two CJK characters
 * and at each boundary of a Latin/number run or a space, but never inside a Latin word or a
 * number, or after an ideographic space, or between two compressed marks.
 */
export function stretchPoints(text: string): number {
  const tk = tokenize(text, Infinity, NO_WIDTH);
  let points = 0;
  for (let k = 1; k < tk.text.length; k++) if (stretchable(tk, k)) points++;
  return points;
}

/**
 * Where the characters of one line go: the line cut into runs, each drawn with one uniform
 * character spacing (`charSpace`, 0 inside Latin words and numbers), `stretch` added at each
 * stretch point. Widths come from `measure`, as in {@link breakLines}.
 */
export function placeLine(text: string, stretch: number, measure: Measure): LineRun[] {
  const widthOf = cached(measure);
  const tk = tokenize(text, Infinity, widthOf);
  // Single characters join a run while the spacing stays the same; a Latin word, a number, a
  // dash pair or a run of spaces is a run of its own, drawn with no extra spacing inside.
  const runs: LineRun[] = [];
  let run: LineRun | null = null;
  let count = 0; // characters in `run`, 0 when `run` takes no more
  let runEnd = 0; // x after the last character of `run` (without its spacing)
  let x = 0;
  const n = tk.text.length;
  for (let k = 0; k < n; k++) {
    if (k > 0 && stretchable(tk, k)) x += stretch;
    if (halved(tk, 0, n, k)) {
      // a compressed mark is drawn on its own, with its half-width glyph
      if (run && count === 1) run.charSpace = 0;
      runs.push({ text: tk.text[k], x, charSpace: 0, half: true });
      run = null;
      count = 0;
      x += tk.width[k] / 2;
      continue;
    }
    const single = clusters(tk.text[k]).text.length === 1;
    if (run && single && count > 0) {
      const space = x - runEnd;
      if (count === 1) run.charSpace = space;
      if (Math.abs(space - run.charSpace) < 1e-9) {
        run.text += tk.text[k];
        count++;
        runEnd = x + tk.width[k];
        x = runEnd;
        continue;
      }
    }
    if (run && count === 1) run.charSpace = 0;
    run = { text: tk.text[k], x, charSpace: 0 };
    runs.push(run);
    count = single ? 1 : 0;
    runEnd = x + tk.width[k];
    x = runEnd;
  }
  if (run && count === 1) run.charSpace = 0;
  return runs;
}

/**
 * The stretch that makes each line fill `maxWidth`, spread over its {@link stretchPoints}.
 * Lines ending a paragraph (hard break or end of text) and lines without a stretch point are
 * not stretched.
 */
export function justifyLines(lines: BrokenLine[], maxWidth: number): JustifiedLine[] {
  return lines.map((line) => {
    const points = line.last ? 0 : stretchPoints(line.text);
    const stretch = points > 0 ? Math.max(0, (maxWidth - line.width) / points) : 0;
    return { text: line.text, width: line.width, last: line.last, stretch };
  });
}
