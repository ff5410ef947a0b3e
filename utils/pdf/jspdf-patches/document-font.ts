/**
 * Report fonts parsed once and shared by every document, each document with its own glyph
 * numbering; written out as a Type0/CIDFontType2 font by our own `putFont` handler.
 *
 * jsPDF parses the whole TTF (2.8 MB) on every `addFont`, and its Identity-H writer subsets
 * with a quadratic encoder that keeps every glyph slot. Here:
 * - `parsedFont(bytes)` runs jsPDF's TTFFont parser once per byte array (cmap + metrics);
 * - `DocumentFont` is what a document sees as `font.metadata`: the shared cmap and metrics,
 *   plus the state jsPDF mutates while drawing (glyIdsUsed, toUnicode, Unicode.widths). Its
 *   `characterToGlyph` hands out new glyph ids 1, 2, 3… in order of first use, so the text
 *   written by jsPDF already uses the subset's numbering (CIDToGIDMap /Identity still holds);
 * - `putDocumentFont` writes the subset program (truetype-subset.ts), /ToUnicode, the
 *   descriptor and /W with only the widths that differ from /DW.
 * A DocumentFont is deliberately not a TTFFont: jsPDF's own Identity-H and WinAnsi writers test
 * `metadata instanceof TTFFont` and so leave these fonts to us. It keeps `cmap` as an OWN
 * property, because jsPDF's text encoder checks `metadata.hasOwnProperty('cmap')` and silently
 * drops every character otherwise.
 */
import { jsPDF } from 'jspdf';
import { pdfName } from '../embed-file';
import { latin1 } from '../../sign/bytes';
import { subsetTrueType, type ShiftedGlyph } from './truetype-subset';
import { halfFormOf, halfFormUnits } from './half-forms';
import { deflate } from './deflate';

/** The parts of jsPDF's TTFFont (not in its typings) that are read here. */
interface ParsedTtf {
  cmap: { unicode?: { codeMap: Record<number, number> } };
  head: { unitsPerEm: number };
  hmtx: { forGlyph(id: number): { advance: number } };
  bbox: number[];
  flags: number;
  stemV: number;
  italicAngle: number;
  ascender: number;
  decender: number;
  capHeight: number;
  lineGap: number;
}

interface SharedFont {
  bytes: Uint8Array;
  ttf: ParsedTtf;
}

const parsed = new WeakMap<Uint8Array, SharedFont>();

/** jsPDF's TTFFont parse of `bytes`, done once per byte array (callers keep their font bytes). */
export function parsedFont(bytes: Uint8Array): SharedFont {
  let font = parsed.get(bytes);
  if (!font) {
    const api = jsPDF.API as unknown as { TTFFont: { open(data: Uint8Array): ParsedTtf } };
    font = { bytes, ttf: api.TTFFont.open(bytes) };
    parsed.set(bytes, font);
  }
  return font;
}

/** The width every glyph has unless /W says otherwise (jsPDF's Identity-H writer uses the same). */
export const DEFAULT_WIDTH = 1000;

export class DocumentFont {
  // Read by jsPDF while drawing and measuring.
  readonly cmap: ParsedTtf['cmap'];
  readonly Unicode = { encoding: {}, kerning: {}, widths: [] as unknown[] };
  readonly toUnicode: Record<number, number> = {};
  readonly glyIdsUsed: number[] = [0];
  // Read by the font descriptor.
  readonly bbox: number[];
  readonly flags: number;
  readonly stemV: number;
  readonly italicAngle: number;
  readonly ascender: number;
  readonly decender: number;
  readonly capHeight: number;
  readonly lineGap: number;

  /** Original glyph id of each new id (index); new id 0 is .notdef. */
  private readonly originals: number[] = [0];
  private readonly renumbered = new Map<number, number>([[0, 0]]);
  /** New ids of half-width punctuation (half-forms.ts), by private-use unit, and their shapes. */
  private readonly halves = new Map<number, number>();
  private readonly shapes = new Map<number, ShiftedGlyph>();
  private readonly scale: number;

  constructor(readonly shared: SharedFont) {
    const t = shared.ttf;
    // The document's own code map on top of the shared one: jsPDF drops every unit its codeMap
    // lacks, so the half-width punctuation units (half-forms.ts) are listed there.
    const codeMap: Record<number, number> = Object.create(t.cmap.unicode?.codeMap ?? null);
    for (const [unit, code] of halfFormUnits()) if (codeMap[code]) codeMap[unit] = codeMap[code];
    this.cmap = { unicode: { codeMap } };
    this.bbox = t.bbox;
    this.flags = t.flags;
    this.stemV = t.stemV;
    this.italicAngle = t.italicAngle;
    this.ascender = t.ascender;
    this.decender = t.decender;
    this.capHeight = t.capHeight;
    this.lineGap = t.lineGap;
    this.scale = 1000 / t.head.unitsPerEm;
  }

  /** The document's glyph id for a UTF-16 code unit; 0 when the font has no glyph for it. */
  characterToGlyph(code: number): number {
    const half = halfFormOf(code);
    if (half) return this.halfGlyph(code, half.code, half.right);
    const original = this.cmap.unicode?.codeMap[code] || 0;
    let id = this.renumbered.get(original);
    if (id === undefined) {
      id = this.originals.length;
      this.originals.push(original);
      this.renumbered.set(original, id);
    }
    return id;
  }

  /** The glyph drawing `code` in half its width, keeping its right or left half; 0 when the font lacks `code`. */
  private halfGlyph(unit: number, code: number, right: boolean): number {
    let id = this.halves.get(unit);
    if (id === undefined) {
      const of = this.cmap.unicode?.codeMap[code] || 0;
      if (!of) return 0;
      const advance = Math.round(this.shared.ttf.hmtx.forGlyph(of).advance / 2);
      id = this.originals.length;
      this.originals.push(of);
      this.shapes.set(id, { of, dx: right ? -advance : 0, advance });
      this.halves.set(unit, id);
    }
    return id;
  }

  /** Advance width, in 1/1000 em, of the document's glyph `id`. */
  widthOfGlyph(id: number): number {
    const shape = this.shapes.get(id);
    return (shape ? shape.advance : this.shared.ttf.hmtx.forGlyph(this.originals[id] ?? 0).advance) * this.scale;
  }

  // jsPDF's getCharWidthsArray takes the TTF path only when this method exists.
  widthOfString(text: string, size: number, charSpace: number): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) width += this.widthOfGlyph(this.characterToGlyph(text.charCodeAt(i))) + charSpace * (1000 / size) || 0;
    return (width * size) / 1000;
  }

  lineHeight(size: number, includeGap = false): number {
    return ((this.ascender + (includeGap ? this.lineGap : 0) - this.decender) / 1000) * size;
  }

  /** The glyphs handed out so far, in new-id order: original ids, or the half-width glyphs made from them. */
  glyphs(): readonly (number | ShiftedGlyph)[] {
    return this.originals.map((of, id) => this.shapes.get(id) ?? of);
  }

  /** Glyph id → Unicode for /ToUnicode: what jsPDF recorded, a half-width glyph mapped back to its mark. */
  unicodes(): Record<number, number> {
    const out: Record<number, number> = {};
    for (const [id, unit] of Object.entries(this.toUnicode)) out[Number(id)] = halfFormOf(unit)?.code ?? unit;
    return out;
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
/** A code point as UTF-16 hex: one unit, or a surrogate pair beyond the BMP. */
const utf16Hex = (cp: number) => (cp > 0xffff ? hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff)) : hex4(cp));

/** The /ToUnicode CMap: each used glyph id → the character drawn with it (a UTF-16 code unit here; the signature box also maps glyphs to code points beyond the BMP). */
export function toUnicodeCmap(map: Record<number, number>): string {
  const codes = Object.keys(map)
    .map(Number)
    .sort((a, b) => a - b);
  let out =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange';
  // At most 100 entries per bfchar block (PDF limit).
  for (let i = 0; i < codes.length; i += 100) {
    const block = codes.slice(i, i + 100);
    out += `\n${block.length} beginbfchar\n${block.map((c) => `<${hex4(c)}><${utf16Hex(map[c])}>`).join('\n')}\nendbfchar`;
  }
  return `${out}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
}

/**
 * /W for glyphs 0…n−1: runs of consecutive ids whose width differs from /DW, as
 * `first [w1 w2 …]`. Widths are truncated to integers, as jsPDF writes them.
 */
export function widthArray(widths: readonly number[]): string {
  const parts: string[] = [];
  let run: number[] = [];
  let first = 0;
  const flush = () => {
    if (run.length) parts.push(`${first} [${run.join(' ')}]`);
    run = [];
  };
  widths.forEach((w, id) => {
    const v = Math.trunc(w);
    if (v === DEFAULT_WIDTH) return flush();
    if (!run.length) first = id;
    else if (first + run.length !== id) {
      flush();
      first = id;
    }
    run.push(v);
  });
  flush();
  return `[${parts.join(' ')}]`;
}

/** What jsPDF passes to a `putFont` handler. */
interface PutFontArgs {
  font: { metadata: unknown; encoding: string; fontName: string; objectNumber?: number; isAlreadyPutted?: boolean };
  out(line: string): void;
  newObject(): number;
  putStream(options: {
    data: string;
    addLength1?: boolean;
    objectId?: number;
    filters?: string[];
    alreadyAppliedFilters?: string[];
    additionalKeyValues?: { key: string; value: string | number }[];
  }): void;
}

/** jsPDF `putFont` handler for DocumentFonts; other fonts are left to jsPDF. */
export function putDocumentFont({ font, out, newObject, putStream }: PutFontArgs): void {
  const m = font.metadata;
  if (!(m instanceof DocumentFont) || font.encoding !== 'Identity-H') return;
  const used = m.glyphs();
  const { program } = subsetTrueType(m.shared.bytes, used);
  const name = pdfName(font.fontName);

  const fontFile = newObject();
  // Deflated here, straight from bytes (jsPDF would take a string, turn it into bytes, deflate).
  putStream({
    data: latin1(deflate(program)),
    filters: [],
    alreadyAppliedFilters: ['/FlateDecode'],
    additionalKeyValues: [{ key: 'Length1', value: program.length }],
    objectId: fontFile,
  });
  out('endobj');
  const cmap = newObject();
  putStream({ data: toUnicodeCmap(m.unicodes()), addLength1: true, objectId: cmap });
  out('endobj');
  const descriptor = newObject();
  out(
    `<</Type /FontDescriptor /FontName ${name} /FontFile2 ${fontFile} 0 R /FontBBox [${m.bbox.join(' ')}] /Flags ${m.flags} /StemV ${m.stemV}` +
      ` /ItalicAngle ${m.italicAngle} /Ascent ${m.ascender} /Descent ${m.decender} /CapHeight ${m.capHeight}>>`,
  );
  out('endobj');
  const cidFont = newObject();
  out(
    `<</Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /FontDescriptor ${descriptor} 0 R` +
      ` /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /CIDToGIDMap /Identity` +
      ` /DW ${DEFAULT_WIDTH} /W ${widthArray(used.map((_, id) => m.widthOfGlyph(id)))}>>`,
  );
  out('endobj');
  font.objectNumber = newObject();
  out(`<</Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /ToUnicode ${cmap} 0 R /DescendantFonts [${cidFont} 0 R]>>`);
  out('endobj');
  font.isAlreadyPutted = true;
}
