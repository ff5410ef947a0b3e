/**
 * The page cursor: where the next block goes, and a fresh page when it does not fit.
 * Units are PDF points; y grows downwards from the top of the page (jsPDF's convention).
 */
import type { jsPDF } from 'jspdf';
import type { TextPainter, TextStyle } from './text-painter';
import type { JustifiedLine } from './line-break';

export interface PageBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A4 portrait with the margins of an official form. */
export const A4: PageBox = { width: 595.28, height: 841.89, left: 56, right: 56, top: 56, bottom: 64 };

/** Thin black rules, 0.3 pt. */
export const RULE = 0.3;

/** The gaps of a page (between sections and paragraphs, never the line height) shrink at most to this share, to keep a block on the page. */
export const MIN_GAP_SCALE = 0.6;

/** A page's gaps shrunk by `scale` (see PageFlow.space). */
export interface Tightening {
  page: number;
  scale: number;
}

/** A block that had to go to the next page: `short` points were missing on `page`, which had `gaps` points of gaps (see PageFlow.space). */
export interface KeepBreak {
  page: number;
  short: number;
  gaps: number;
}

/**
 * How much to shrink a page's gaps so that a block `short` points too tall fits on it, given
 * `gaps` points of gaps that may shrink (the page's and the block's own): a scale down to
 * MIN_GAP_SCALE, or null when even that is not enough (the block then starts the next page).
 */
export function gapScale(short: number, gaps: number): number | null {
  if (short <= 0) return 1;
  if (!(gaps > 0)) return null;
  const scale = 1 - short / gaps;
  return scale >= MIN_GAP_SCALE ? scale : null;
}

export class PageFlow {
  y: number;
  /** The current page, from 1. */
  page = 1;
  /** The last block kept with what precedes it that did not fit its page (see `paragraph`'s keepWithNext). */
  keepBreak: KeepBreak | null = null;
  /** Points of gaps (unscaled) placed with `space` on the current page. */
  private gaps = 0;
  private readonly pageStartHooks: (() => void)[] = [];

  /** `tight`: a page whose gaps shrink, so that a block that just missed it fits (see gapScale). */
  constructor(
    readonly doc: jsPDF,
    readonly painter: TextPainter,
    readonly box: PageBox = A4,
    readonly tight: Tightening | null = null,
  ) {
    this.y = box.top;
  }

  /** A gap of `h` points as placed on the current page (shrunk on the tightened page). */
  gap(h: number): number {
    return this.tight && this.tight.page === this.page ? h * this.tight.scale : h;
  }

  /** Move down by a gap of `h` points (between blocks, never inside a line box). */
  space(h: number): void {
    this.y += this.gap(h);
    this.gaps += h;
  }

  get contentWidth(): number {
    return this.box.width - this.box.left - this.box.right;
  }

  get contentBottom(): number {
    return this.box.height - this.box.bottom;
  }

  /** Space left on this page. */
  get remaining(): number {
    return this.contentBottom - this.y;
  }

  /** Usable height of a fresh page. */
  get pageHeight(): number {
    return this.contentBottom - this.box.top;
  }

  /** Run `hook` at the top of every new page until the returned function is called (e.g. a table header). */
  onNewPage(hook: () => void): () => void {
    this.pageStartHooks.push(hook);
    return () => {
      const i = this.pageStartHooks.indexOf(hook);
      if (i >= 0) this.pageStartHooks.splice(i, 1);
    };
  }

  newPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.page++;
    this.gaps = 0;
    this.y = this.box.top;
    for (const hook of [...this.pageStartHooks]) hook();
  }

  /** Start a new page unless `height` fits on this one. */
  ensure(height: number): void {
    if (height > this.remaining + 1e-6) this.newPage();
  }

  /** Baseline of a line of `size` pt text centred in a line box of `lineHeight` whose top is `top`. */
  static baseline(top: number, size: number, lineHeight: number): number {
    // The CJK em box spans 0.88 em above the baseline and 0.12 em below (Noto's typo metrics).
    return top + (lineHeight - size) / 2 + 0.88 * size;
  }

  /**
   * A paragraph flowing over pages: wrapped with 避头尾 rules, justified, with an optional
   * first-line indent in characters (两字缩进 = 2).
   */
  paragraph(
    text: string,
    style: TextStyle,
    opts: { lineHeight: number; indentChars?: number; justify?: boolean; gapAfter?: number; keepWithNext?: number },
  ): void {
    const lines = this.lines(text, style, opts);
    // The last two lines (or the only one) go to the page of what follows, when that fits a page.
    const tailFrom = Math.max(0, lines.length - 2);
    const tail = (lines.length - tailFrom) * opts.lineHeight + (opts.keepWithNext ?? 0);
    lines.forEach((line, i) => {
      // No single line of a paragraph alone at the foot or the head of a page.
      let need = lines.length > 1 && (i === 0 || i === lines.length - 2) ? 2 * opts.lineHeight : opts.lineHeight;
      if (opts.keepWithNext && i === tailFrom && tail <= this.pageHeight) {
        need = tail;
        if (need > this.remaining + 1e-6) this.keepBreak = { page: this.page, short: need - this.remaining, gaps: this.gaps };
      }
      this.ensure(need);
      this.painter.drawLine(line.text, this.box.left, PageFlow.baseline(this.y, style.size, opts.lineHeight), style, line.stretch);
      this.y += opts.lineHeight;
    });
    this.space(opts.gapAfter ?? 0);
  }

  /** The lines `paragraph` would draw for `text`. */
  lines(text: string, style: TextStyle, opts: { indentChars?: number; justify?: boolean }): JustifiedLine[] {
    const indent = '\u3000'.repeat(opts.indentChars ?? 0);
    return this.painter.wrap(indent + text, this.contentWidth, style, opts.justify ?? true);
  }

  /**
   * A heading kept together with at least `keep` points of what follows it. `keepsBlock`: the
   * keep holds a block kept with what precedes it; a page break it forces is a keepBreak.
   */
  heading(text: string, style: TextStyle, opts: { lineHeight: number; keep: number; gapBefore?: number; gapAfter?: number; keepsBlock?: boolean }): void {
    const before = opts.gapBefore ?? 0;
    const after = opts.gapAfter ?? 0;
    const need = this.gap(before) + opts.lineHeight + this.gap(after) + opts.keep;
    if (need > this.remaining + 1e-6) {
      if (opts.keepsBlock) this.keepBreak = { page: this.page, short: need - this.remaining, gaps: this.gaps + before + after };
      this.newPage();
    } else this.space(before);
    this.painter.drawLine(text, this.box.left, PageFlow.baseline(this.y, style.size, opts.lineHeight), style);
    this.y += opts.lineHeight;
    this.space(after);
  }
}

/** "第N页 / 共M页" centred at the foot of every page, once all pages exist. */
export function numberPages(doc: jsPDF, painter: TextPainter, style: TextStyle, box: PageBox = A4): void {
  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i++) {
    doc.setPage(i);
    const text = `第${i}页 / 共${pages}页`;
    const w = painter.measure(text, style);
    painter.drawLine(text, (box.width - w) / 2, box.height - 34, style);
  }
}
