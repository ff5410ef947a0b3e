/**
 * Our jsPDF patches (utils/pdf/jspdf-patches): each test fails when a jsPDF upgrade moves what a
 * patch hooks into, or when a patch changes what a reader gets (text, glyphs, pixels).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';
import { addDocumentFont, createPdfDocument, flateEncode, PATCHED_JSPDF_VERSION } from '../../../utils/pdf/jspdf-patches';
import { subsetTrueType } from '../../../utils/pdf/jspdf-patches/truetype-subset';
import { processPng } from '../../../utils/pdf/jspdf-patches/png-image';
import { renderReport, type ReportFonts } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import { demo } from '../../fixtures/records/builders';
import { fontSummary, greyPixels, savePdf, textRaw, wordBoxes } from './poppler';
import { halfFormUnit } from '../../../utils/pdf/jspdf-patches/half-forms';

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

/** Each embedded /FontFile2 program of a PDF, inflated. */
function fontPrograms(pdf: Uint8Array): Uint8Array[] {
  const text = latin1(pdf);
  return [...text.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, n]) => {
    const at = text.indexOf(`\n${n} 0 obj`);
    const start = text.indexOf('stream', at) + 'stream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(text.slice(at, start))![1]);
    return new Uint8Array(inflateSync(pdf.subarray(start, start + length)));
  });
}

/** numGlyphs from a TrueType program's maxp table. */
function numGlyphs(font: Uint8Array): number {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  for (let i = 0; i < v.getUint16(4); i++) {
    const rec = 12 + 16 * i;
    if (latin1(font.subarray(rec, rec + 4)) === 'maxp') return v.getUint16(v.getUint32(rec + 8) + 4);
  }
  throw new Error('no maxp');
}

let fonts: ReportFonts;
beforeAll(() => {
  fonts = loadReportFonts({ ext: false });
});

describe('the pinned jsPDF', () => {
  it('is the exact version the patches were written for', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    expect(pkg.dependencies.jspdf).toBe(PATCHED_JSPDF_VERSION);
    expect(jsPDF.version).toBe(PATCHED_JSPDF_VERSION);
  });

  it('still has the hooks the patches replace (the install checks them and throws otherwise)', () => {
    const doc = createPdfDocument({ unit: 'pt', format: 'a4' });
    // The font hook: a font added our way is ours, not re-parsed by jsPDF.
    expect(() => addDocumentFont(doc, 'probe.ttf', 'Probe', 'normal', fonts.regular.bytes)).not.toThrow();
  });
});

describe('fonts: parsed once, subset to the glyphs used, renumbered', () => {
  it('a page of text embeds a program with exactly the glyphs drawn (+ .notdef), and the text comes back', () => {
    const doc = createPdfDocument({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
    addDocumentFont(doc, 'r.ttf', 'R', 'normal', fonts.regular.bytes);
    doc.setFont('R', 'normal');
    doc.text('巡听旁听情况记录表 2026', 40, 60);
    doc.text('巡听：第 1 页', 40, 90);
    const pdf = new Uint8Array(doc.output('arraybuffer'));
    const distinct = new Set('巡听旁听情况记录表 2026巡听：第 1 页'.replace(/\s/g, '')).size;
    const programs = fontPrograms(pdf);
    expect(programs).toHaveLength(1);
    // The space is measured and drawn too; jsPDF's own subset kept all ~7,600 glyph slots.
    expect(numGlyphs(programs[0])).toBeLessThanOrEqual(distinct + 2);
    const file = savePdf(pdf, 'patch-text.pdf');
    expect(textRaw(file).replace(/\s+/g, '')).toContain('巡听旁听情况记录表2026巡听：第1页');
    expect(fontSummary(file)).toEqual(['R embedded unicode Identity-H']);
  });

  it('/W lists only widths other than the default 1000 (CJK glyphs are all 1000 wide)', () => {
    const doc = createPdfDocument({ unit: 'pt', format: 'a4', compress: false, putOnlyUsedFonts: true });
    addDocumentFont(doc, 'r.ttf', 'R', 'normal', fonts.regular.bytes);
    doc.setFont('R', 'normal');
    doc.text('汉字汉字a1', 40, 60);
    const w = /\/W \[([^\]]*(?:\][^\]]*)*?)\]>>/.exec(latin1(new Uint8Array(doc.output('arraybuffer'))))![1];
    expect(w).not.toMatch(/\b1000\b/);
    expect(w.trim()).not.toBe(''); // 'a' and '1' are narrower
  });

  it('subsetTrueType keeps every glyph outline byte for byte under its new number', () => {
    const font = fonts.regular.bytes;
    const doc = createPdfDocument({ unit: 'pt' });
    addDocumentFont(doc, 'r.ttf', 'R', 'normal', font);
    const metadata = (doc as unknown as { getFont(f: string, s: string): { metadata: { characterToGlyph(c: number): number } } }).getFont(
      'R',
      'normal',
    ).metadata;
    const text = '中心组学习A';
    const ids = [...text].map((c) => metadata.characterToGlyph(c.charCodeAt(0)));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    // Original glyph ids through the font's own cmap, read with jsPDF's parser.
    const ttf = (jsPDF.API as unknown as { TTFFont: { open(b: Uint8Array): { cmap: { unicode: { codeMap: Record<number, number> } } } } }).TTFFont.open(font);
    const originals = [0, ...[...text].map((c) => ttf.cmap.unicode.codeMap[c.charCodeAt(0)])];
    const { program } = subsetTrueType(font, originals);
    const outline = (f: Uint8Array, id: number) => {
      const v = new DataView(f.buffer, f.byteOffset, f.byteLength);
      const table = (tag: string) => {
        for (let i = 0; i < v.getUint16(4); i++) if (latin1(f.subarray(12 + 16 * i, 16 + 16 * i)) === tag) return v.getUint32(20 + 16 * i);
        throw new Error(tag);
      };
      const long = v.getInt16(table('head') + 50) === 1;
      const loca = table('loca');
      const [a, b] = long ? [v.getUint32(loca + 4 * id), v.getUint32(loca + 4 * id + 4)] : [2 * v.getUint16(loca + 2 * id), 2 * v.getUint16(loca + 2 * id + 2)];
      const bytes = f.subarray(table('glyf') + a, table('glyf') + b);
      return latin1(bytes).replace(/\0$/, ''); // the subset pads odd lengths
    };
    expect(numGlyphs(program)).toBe(originals.length);
    originals.forEach((old, id) => expect(outline(program, id), `glyph ${id}`).toBe(outline(font, old)));
  });

  it('two documents rendered one after the other are identical (no state shared through the parsed font)', () => {
    const r = demo();
    const a = renderReport(r, fonts);
    const b = renderReport(r, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('flate', () => {
  it('gives the bytes zlib-inflate returns to the original, for every byte value', () => {
    let s = '';
    for (let i = 0; i < 70_000; i++) s += String.fromCharCode((i * 7919) % 256);
    const out = flateEncode(s);
    const back = inflateSync(Uint8Array.from(out, (c) => c.charCodeAt(0)));
    expect(latin1(new Uint8Array(back))).toBe(s);
  });

  it('is what jsPDF uses for compressed streams', () => {
    createPdfDocument({});
    const api = jsPDF.API as unknown as { processDataByFilters(d: string, f: string[]): { data: string; reverseChain: string } };
    const r = api.processDataByFilters('BT /F1 12 Tf (hello) Tj ET', ['FlateEncode']);
    expect(r.reverseChain).toBe('/FlateDecode');
    expect(r.data).toBe(flateEncode('BT /F1 12 Tf (hello) Tj ET'));
  });
});

/** A PNG of `pixels` (8-bit, colour type `type`), each row with filter `filterOf(row)`. */
function png(width: number, height: number, type: 0 | 2 | 4 | 6, pixels: Uint8Array, filterOf: (y: number) => number): Uint8Array {
  const ch = { 0: 1, 2: 3, 4: 2, 6: 4 }[type];
  const stride = width * ch;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const f = filterOf(y);
    raw[y * (stride + 1)] = f;
    for (let x = 0; x < stride; x++) {
      const cur = pixels[y * stride + x];
      const a = x >= ch ? pixels[y * stride + x - ch] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= ch && y > 0 ? pixels[(y - 1) * stride + x - ch] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f];
      raw[y * (stride + 1) + 1 + x] = (cur - pred) & 0xff;
    }
  }
  const chunk = (tag: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set(
      [...tag].map((c) => c.charCodeAt(0)),
      4,
    );
    out.set(data, 8);
    return out; // CRCs are not checked by the decoder under test
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, type, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** Undo the Sub predictor of an inflated image stream. */
function unSub(data: string, stride: number, bpp: number): number[] {
  const bytes = inflateSync(Uint8Array.from(data, (c) => c.charCodeAt(0)));
  const out: number[] = [];
  for (let y = 0; y < bytes.length / (stride + 1); y++) {
    expect(bytes[y * (stride + 1)]).toBe(1);
    for (let x = 0; x < stride; x++) out.push((bytes[y * (stride + 1) + 1 + x] + (x >= bpp ? out[out.length - bpp] : 0)) & 0xff);
  }
  return out;
}

describe('PNG images', () => {
  it('every colour type and row filter decodes to the same samples, alpha split into the soft mask', () => {
    const w = 7;
    const h = 5;
    for (const type of [0, 2, 4, 6] as const) {
      const ch = { 0: 1, 2: 3, 4: 2, 6: 4 }[type];
      const pixels = Uint8Array.from({ length: w * h * ch }, (_, i) => (i * 37 + (i % 3) * 101) & 0xff);
      const img = processPng(
        png(w, h, type, pixels, (y) => y % 5),
        1,
        'x',
      )!;
      const colours = type === 4 || type === 6 ? ch - 1 : ch;
      const colour = [...pixels].filter((_, i) => colours === ch || i % ch < colours);
      expect(unSub(img.data, w * colours, colours), `type ${type}`).toEqual(colour);
      expect(img.colorSpace).toBe(colours === 1 ? 'DeviceGray' : 'DeviceRGB');
      if (colours === ch) expect(img.sMask).toBeUndefined();
      else expect(unSub(img.sMask!, w, 1)).toEqual([...pixels].filter((_, i) => i % ch === ch - 1));
    }
  });

  it('jsPDF routes PNGs through it (a grey+alpha signature becomes a grey image with a soft mask)', () => {
    const doc = createPdfDocument({ unit: 'pt' });
    const pixels = Uint8Array.from({ length: 4 * 3 * 2 }, (_, i) => (i % 2 ? i * 10 : 20));
    const data = `data:image/png;base64,${Buffer.from(png(4, 3, 4, pixels, () => 4)).toString('base64')}`;
    doc.addImage(data, 'PNG', 10, 10, 40, 30, 'sig', 'FAST');
    const text = latin1(new Uint8Array(doc.output('arraybuffer')));
    expect(text).toMatch(/\/ColorSpace \/DeviceGray[\s\S]*\/SMask \d+ 0 R/);
    expect(text).toContain('/DecodeParms <</Predictor 11 /Colors 1 /BitsPerComponent 8 /Columns 4>>');
  });
});

describe('half-width punctuation (标点挤压, half-forms.ts)', () => {
  const half = (mark: string) => String.fromCharCode(halfFormUnit(mark));
  const pdfOf = (draw: (doc: jsPDF) => void, name: string) => {
    const doc = createPdfDocument({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
    addDocumentFont(doc, 'r.ttf', 'R', 'normal', fonts.regular.bytes);
    doc.setFont('R', 'normal');
    draw(doc);
    return savePdf(new Uint8Array(doc.output('arraybuffer')), name);
  };

  it('draws a mark in half an em, in one word with its neighbours, and reads back as the mark', () => {
    // jsPDF drops a unit its code map lacks, and poppler breaks a word where glyphs overlap
    const file = pdfOf((doc) => {
      doc.setFontSize(12);
      doc.text(`甲${half('）')}${half('，')}乙${half('。')}${half('“')}丙`, 100, 100);
    }, 'half-forms.pdf');
    expect(textRaw(file).trim()).toBe('甲），乙。“丙');
    const words = wordBoxes(file);
    expect(words.map((w) => w.text)).toEqual(['甲），乙。“丙']);
    // 甲 乙 丙 a full em each, the four marks half an em each
    expect(words[0].xMax - words[0].xMin).toBeCloseTo(5 * 12, 1);
  });

  it('keeps the half that holds the ink: the left one of a closing mark, the right one of an opening mark', () => {
    const file = pdfOf((doc) => {
      doc.setFontSize(100);
      doc.text(half('（'), 100, 200);
      doc.text(half('）'), 300, 200);
    }, 'half-ink.pdf');
    const { width, height, grey } = greyPixels(file);
    const inkColumns = (from: number, to: number) => {
      const cols: number[] = [];
      for (let x = from; x < to; x++)
        for (let y = 0; y < height; y++)
          if (grey[y * width + x] < 128) {
            cols.push(x);
            break;
          }
      return [Math.min(...cols), Math.max(...cols)];
    };
    for (const left of [100, 300]) {
      const [first, last] = inkColumns(left - 60, left + 160);
      expect(first, `mark at ${left}`).toBeGreaterThanOrEqual(left);
      expect(last, `mark at ${left}`).toBeLessThanOrEqual(left + 50);
    }
  });
});
