/**
 * Measuring and drawing text with the report fonts, one font per run of characters.
 *
 * Every character is drawn with the main face (regular or bold) when it has a glyph there,
 * else with the Ext fallback; widths are measured with the same font that draws. A character
 * no registered font has is never handed to jsPDF (it would drop it, and everything after it
 * in the same string): that is an error, caught earlier by the glyph check.
 */
import type { jsPDF } from 'jspdf';
import { breakLines, justifyLines, placeLine, type JustifiedLine } from './line-break';
import { FACE_BOLD, FACE_EXT, FACE_REGULAR, FACE_SIP, type FontFile } from './fonts';
import { actualTextOperator, sipMap, type SipMap } from './sip-font';
import { halfFormUnit } from './jspdf-patches/half-forms';

export interface TextStyle {
  /** Font size in points. */
  size: number;
  bold?: boolean;
}

interface FontMetrics {
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
  cmap: { unicode: { codeMap: Record<number, number> } };
}

interface FaceRef {
  family: string;
  style: 'normal' | 'bold';
  metrics: FontMetrics;
  /** Advance width at 1 pt, per UTF-16 code unit. */
  widths: Map<number, number>;
}

/** A space between a Chinese character and a digit, either way round (the digit is kept). */
const HAN_DIGIT_SPACE = /(?<=\p{sc=Han}) +(?=[0-9])|(?<=[0-9]) +(?=\p{sc=Han})/gu;

/**
 * Tabs and Unicode spaces print as a plain space (NBSP and the ideographic space keep their
 * width). Between Chinese characters and numbers no space is printed, as in official texts
 * ("应到10人", "2026年度"), whether the text came from a record or from this program.
 */
function printable(text: string): string {
  return text.replace(/[\t\p{Zs}]/gu, (c) => (c === '\u00a0' || c === '\u3000' ? c : ' ')).replace(HAN_DIGIT_SPACE, '');
}

/**
 * How far justification may stretch one stretch point: beyond this a line is left ragged. The
 * line breaker already breaks a long URL rather than leave a line short, so this is a last guard.
 */
const MAX_STRETCH_EM = 1;

export class TextPainter {
  private readonly regular: FaceRef;
  private readonly bold: FaceRef;
  private readonly ext: FaceRef | null;
  private readonly sip: FaceRef | null;
  private readonly sipUnits: SipMap | null;
  private current = '';

  /** `sipFont`: the supplementary-plane face's file, when it is registered with `doc`. */
  constructor(
    private readonly doc: jsPDF,
    withExt: boolean,
    sipFont: FontFile | null = null,
  ) {
    const face = (family: string, style: 'normal' | 'bold'): FaceRef => {
      const font = (doc as unknown as { getFont(name: string, style: string): { metadata: FontMetrics } }).getFont(family, style);
      return { family, style, metrics: font.metadata, widths: new Map() };
    };
    this.regular = face(FACE_REGULAR.family, FACE_REGULAR.style);
    this.bold = face(FACE_BOLD.family, FACE_BOLD.style);
    this.ext = withExt ? face(FACE_EXT.family, FACE_EXT.style) : null;
    this.sip = sipFont ? face(FACE_SIP.family, FACE_SIP.style) : null;
    this.sipUnits = sipFont ? sipMap(sipFont.bytes) : null;
    // jsPDF looks glyphs up by UTF-16 unit: teach it the private-use units standing for the
    // face's supplementary-plane characters (see sip-font.ts).
    if (this.sip && this.sipUnits) for (const [unit, gid] of this.sipUnits.glyph) this.sip.metrics.cmap.unicode.codeMap[unit] = gid;
    // With a char space of 0 set explicitly, jsPDF writes `Tc` on every text() call, so a
    // justified line's spacing never leaks into the next line (Tc persists across BT/ET).
    doc.setCharSpace(0);
  }

  /** The private-use unit drawing supplementary-plane character `cp` with the SIP face, or 0. */
  private sipUnit(cp: number): number {
    return (this.sip && this.sipUnits?.unit.get(cp)) || 0;
  }

  /** The face that draws code point `code` in `style`. */
  private faceFor(code: number, bold: boolean | undefined): FaceRef {
    if (code > 0xffff) {
      if (this.sipUnit(code)) return this.sip!;
      const ch = String.fromCodePoint(code);
      throw new Error(`字体中没有字符「${ch}」(U+${code.toString(16).toUpperCase()})，无法打印`);
    }
    const main = bold ? this.bold : this.regular;
    if (main.metrics.characterToGlyph(code) !== 0) return main;
    if (this.ext && this.ext.metrics.characterToGlyph(code) !== 0) return this.ext;
    const ch = String.fromCharCode(code);
    throw new Error(`字体中没有字符「${ch}」(U+${code.toString(16).toUpperCase().padStart(4, '0')})，无法打印`);
  }

  /** Advance at 1 pt of code point `code` (a supplementary one through its private-use unit). */
  private advance(face: FaceRef, code: number): number {
    let w = face.widths.get(code);
    if (w === undefined) {
      const unit = code > 0xffff ? this.sipUnit(code) : code;
      w = face.metrics.widthOfGlyph(face.metrics.characterToGlyph(unit)) / 1000;
      face.widths.set(code, w);
    }
    return w;
  }

  /** Width of `text` in points, as drawLine prints it (adjacent punctuation compressed). */
  measure(text: string, style: TextStyle): number {
    let w = 0;
    for (const line of breakLines(printable(text), Infinity, (s) => this.width(s, style))) w = Math.max(w, line.width);
    return w;
  }

  /** Width of already printable text in points. */
  private width(text: string, style: TextStyle): number {
    let w = 0;
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      w += this.advance(this.faceFor(code, style.bold), code);
    }
    return w * style.size;
  }

  /** Lines of at most `width` points (避头尾 rules), justified unless `justify` is false. */
  wrap(text: string, width: number, style: TextStyle, justify = true): JustifiedLine[] {
    const lines = breakLines(printable(text), width, (s) => this.width(s, style));
    const justified = justifyLines(lines, width);
    return justified.map((l) => ({ ...l, stretch: justify && l.stretch <= MAX_STRETCH_EM * style.size ? l.stretch : 0 }));
  }

  /**
   * Draw one line with its baseline at `y`, starting at `x`, with `stretch` added at each stretch
   * point of the line (justification; see placeLine), switching fonts per run.
   */
  drawLine(text: string, x: number, y: number, style: TextStyle, stretch = 0): void {
    for (const r of placeLine(printable(text), stretch, (s) => this.width(s, style))) {
      // a compressed mark: its half-width glyph (jspdf-patches/half-forms.ts)
      this.drawRun(r.half ? String.fromCharCode(halfFormUnit(r.text)) : r.text, x + r.x, y, style, r.charSpace);
    }
  }

  /** Draw `text` from `x` with `charSpace` after each character, one jsPDF text() per font. */
  private drawRun(text: string, x: number, y: number, style: TextStyle, charSpace: number): void {
    let runFace: FaceRef | null = null;
    let run = ''; // what jsPDF draws (supplementary characters as their private-use units)
    let actual = ''; // the same characters as written
    let width = 0;
    let count = 0;
    let cx = x;
    const flush = () => {
      if (!run || !runFace) return;
      this.use(runFace, style.size);
      const marked = runFace === this.sip;
      // jsPDF's internal.write (untyped) appends an operator line to the page's content stream.
      const write = (this.doc.internal as unknown as { write(s: string): void }).write;
      if (marked) write(actualTextOperator(actual));
      this.doc.text(run, cx, y, { charSpace, baseline: 'alphabetic' });
      if (marked) write('EMC');
      cx += width * style.size + charSpace * count;
      run = actual = '';
      width = count = 0;
    };
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      const face = this.faceFor(code, style.bold);
      if (face !== runFace) {
        flush();
        runFace = face;
      }
      run += code > 0xffff ? String.fromCharCode(this.sipUnit(code)) : ch;
      actual += ch;
      width += this.advance(face, code);
      count++;
    }
    flush();
  }

  private use(face: FaceRef, size: number): void {
    const key = `${face.family}/${face.style}/${size}`;
    if (key === this.current) return;
    this.doc.setFont(face.family, face.style);
    this.doc.setFontSize(size);
    this.current = key;
  }
}
