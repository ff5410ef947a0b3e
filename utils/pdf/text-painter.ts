/**
 * Measuring and drawing text with the report fonts, one font per run of characters.
 *
 * Every character is drawn with the main face (regular or bold) when it has a glyph there,
 * else with the Ext fallback; widths are measured with the same font that draws. A character
 * no registered font has is never handed to jsPDF (it would drop it, and everything after it
 * in the same string): that is an error, caught earlier by the glyph check.
 */
import type { jsPDF } from 'jspdf';
import { breakLines, justifyLines, type JustifiedLine } from './line-break';
import { FACE_BOLD, FACE_EXT, FACE_REGULAR } from './fonts';

export interface TextStyle {
  /** Font size in points. */
  size: number;
  bold?: boolean;
}

interface FontMetrics {
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
}

interface FaceRef {
  family: string;
  style: 'normal' | 'bold';
  metrics: FontMetrics;
  /** Advance width at 1 pt, per UTF-16 code unit. */
  widths: Map<number, number>;
}

/** Tabs and Unicode spaces print as a plain space (NBSP and the ideographic space keep their width). */
function printable(text: string): string {
  return text.replace(/[\t\p{Zs}]/gu, (c) => (c === '\u00a0' || c === '\u3000' ? c : ' '));
}

/** How far justification may stretch a line: beyond this a line is left ragged (e.g. before a long URL). */
const MAX_CHAR_SPACE_EM = 0.3;

export class TextPainter {
  private readonly regular: FaceRef;
  private readonly bold: FaceRef;
  private readonly ext: FaceRef | null;
  private current = '';

  constructor(
    private readonly doc: jsPDF,
    withExt: boolean,
  ) {
    const face = (family: string, style: 'normal' | 'bold'): FaceRef => {
      const font = (doc as unknown as { getFont(name: string, style: string): { metadata: FontMetrics } }).getFont(family, style);
      return { family, style, metrics: font.metadata, widths: new Map() };
    };
    this.regular = face(FACE_REGULAR.family, FACE_REGULAR.style);
    this.bold = face(FACE_BOLD.family, FACE_BOLD.style);
    this.ext = withExt ? face(FACE_EXT.family, FACE_EXT.style) : null;
    // With a char space of 0 set explicitly, jsPDF writes `Tc` on every text() call, so a
    // justified line's spacing never leaks into the next line (Tc persists across BT/ET).
    doc.setCharSpace(0);
  }

  /** The face that draws code unit `code` in `style`. */
  private faceFor(code: number, bold: boolean | undefined): FaceRef {
    const main = bold ? this.bold : this.regular;
    if (main.metrics.characterToGlyph(code) !== 0) return main;
    if (this.ext && this.ext.metrics.characterToGlyph(code) !== 0) return this.ext;
    const ch = String.fromCharCode(code);
    throw new Error(`字体中没有字符「${ch}」(U+${code.toString(16).toUpperCase().padStart(4, '0')})，无法打印`);
  }

  private advance(face: FaceRef, code: number): number {
    let w = face.widths.get(code);
    if (w === undefined) {
      w = face.metrics.widthOfGlyph(face.metrics.characterToGlyph(code)) / 1000;
      face.widths.set(code, w);
    }
    return w;
  }

  /** Width of `text` in points. */
  measure(text: string, style: TextStyle): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      w += this.advance(this.faceFor(code, style.bold), code);
    }
    return w * style.size;
  }

  /** Lines of at most `width` points (避头尾 rules), justified unless `justify` is false. */
  wrap(text: string, width: number, style: TextStyle, justify = true): JustifiedLine[] {
    const lines = breakLines(printable(text), width, (s) => this.measure(s, style));
    const justified = justifyLines(lines, width);
    return justified.map((l) => ({ ...l, charSpace: justify && l.charSpace <= MAX_CHAR_SPACE_EM * style.size ? l.charSpace : 0 }));
  }

  /** Draw one line with its baseline at `y`, starting at `x`, switching fonts per run. */
  drawLine(text: string, x: number, y: number, style: TextStyle, charSpace = 0): void {
    let runFace: FaceRef | null = null;
    let run = '';
    let cx = x;
    const flush = () => {
      if (!run || !runFace) return;
      this.use(runFace, style.size);
      this.doc.text(run, cx, y, { charSpace, baseline: 'alphabetic' });
      let w = 0;
      for (let i = 0; i < run.length; i++) w += this.advance(runFace, run.charCodeAt(i));
      cx += w * style.size + charSpace * run.length;
      run = '';
    };
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const face = this.faceFor(code, style.bold);
      if (face !== runFace) {
        flush();
        runFace = face;
      }
      run += text[i];
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
