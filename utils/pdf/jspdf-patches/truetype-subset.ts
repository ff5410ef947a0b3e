/**
 * A TrueType subset in one linear pass: the glyphs a document uses, renumbered 0…n−1 in the
 * order given (compound glyphs' components appended and their references rewritten), with the
 * tables a PDF CIDFontType2 program needs: glyf, loca, hmtx, hhea, maxp, head (+ cvt, fpgm,
 * prep when the font has hinting). No cmap, name, post or OS/2: a PDF maps codes to glyphs
 * itself (CIDToGIDMap /Identity) and text back to Unicode through /ToUnicode (pdfkit embeds the
 * same set). jsPDF's own encoder keeps every glyph slot and the whole cmap/hmtx/name tables,
 * and grows arrays with `concat` (quadratic in the number of glyphs).
 */

/** Why a font cannot be subset (a font that passed `checkFontBytes` should never get here). */
class SubsetError extends Error {
  constructor(why: string) {
    super(`TrueType subset: ${why}`);
    this.name = 'SubsetError';
  }
}

interface TableRecord {
  offset: number;
  length: number;
}

function tableDirectory(font: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, TableRecord>();
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(font[rec], font[rec + 1], font[rec + 2], font[rec + 3]);
    tables.set(tag, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return tables;
}

/** A glyph made for the subset: glyph `of` (an original id) moved `dx` font units, `advance` wide (half-width punctuation, half-forms.ts). */
export interface ShiftedGlyph {
  of: number;
  dx: number;
  advance: number;
}

// Compound glyph component flags (OpenType spec, 'glyf').
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Byte offsets of the component glyph ids inside a compound glyph's data. */
function componentIdOffsets(glyph: Uint8Array): number[] {
  const out: number[] = [];
  let p = 10;
  for (;;) {
    if (p + 4 > glyph.length) throw new SubsetError('compound glyph truncated');
    const flags = (glyph[p] << 8) | glyph[p + 1];
    out.push(p + 2);
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) return out;
  }
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3])) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.length ? bytes[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The subset font program. `glyphs[i]` is the original id of new glyph `i`, or a glyph made
 * from one (ShiftedGlyph, written as a one-component compound glyph); `glyphs[0]` must be 0
 * (.notdef). Returns the program and the final list of original ids (the input plus any compound
 * components, which a caller never references directly; a made glyph's entry is its `of`).
 */
export function subsetTrueType(font: Uint8Array, glyphs: readonly (number | ShiftedGlyph)[]): { program: Uint8Array; glyphs: number[] } {
  if (glyphs[0] !== 0) throw new SubsetError('glyph 0 (.notdef) must come first');
  const tables = tableDirectory(font);
  const table = (tag: string): Uint8Array => {
    const t = tables.get(tag);
    if (!t) throw new SubsetError(`no '${tag}' table`);
    return font.subarray(t.offset, t.offset + t.length);
  };
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const head = table('head');
  const longLoca = ((head[50] << 8) | head[51]) === 1;
  const numGlyphs = (table('maxp')[4] << 8) | table('maxp')[5];
  const numHMetrics = (table('hhea')[34] << 8) | table('hhea')[35];
  const loca = tables.get('loca')!;
  const glyfStart = tables.get('glyf')!.offset;
  const glyphRange = (id: number): [number, number] => {
    if (id >= numGlyphs) throw new SubsetError(`glyph ${id} beyond the font's ${numGlyphs} glyphs`);
    return longLoca
      ? [view.getUint32(loca.offset + 4 * id), view.getUint32(loca.offset + 4 * id + 4)]
      : [2 * view.getUint16(loca.offset + 2 * id), 2 * view.getUint16(loca.offset + 2 * id + 2)];
  };

  // New numbering; compound glyphs pull their components in (appended, each once).
  const order = glyphs.map((g) => (typeof g === 'number' ? g : g.of));
  const newId = new Map<number, number>();
  glyphs.forEach((g, i) => {
    if (typeof g === 'number') newId.set(g, i);
  });
  const idOf = (old: number): number => {
    let id = newId.get(old);
    if (id === undefined) {
      id = order.length;
      order.push(old);
      newId.set(old, id);
    }
    return id;
  };
  const made = new Map<number, ShiftedGlyph>();
  const data: Uint8Array[] = [];
  for (let i = 0; i < order.length; i++) {
    const [start, end] = glyphRange(order[i]);
    let g = font.subarray(glyfStart + start, glyfStart + end);
    const shape = glyphs[i];
    if (typeof shape === 'object') {
      made.set(i, shape);
      // numberOfContours −1, the shifted bounding box, one component at (dx, 0)
      const c = new Uint8Array(g.length >= 10 ? 18 : 0);
      if (c.length) {
        const cv = new DataView(c.buffer);
        const gv = new DataView(g.buffer, g.byteOffset, g.byteLength);
        cv.setInt16(0, -1);
        cv.setInt16(2, gv.getInt16(2) + shape.dx);
        cv.setInt16(4, gv.getInt16(4));
        cv.setInt16(6, gv.getInt16(6) + shape.dx);
        cv.setInt16(8, gv.getInt16(8));
        cv.setUint16(10, ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES);
        cv.setUint16(12, idOf(shape.of));
        cv.setInt16(14, shape.dx);
        cv.setInt16(16, 0);
      }
      data.push(c);
      continue;
    }
    if (g.length >= 10 && ((g[0] << 8) | g[1]) >= 0x8000) {
      g = g.slice(); // a copy: the component references are rewritten
      for (const at of componentIdOffsets(g)) {
        const id = idOf((g[at] << 8) | g[at + 1]);
        g[at] = id >> 8;
        g[at + 1] = id & 0xff;
      }
    }
    data.push(g);
  }
  const n = order.length;
  if (n > 0xffff) throw new SubsetError('too many glyphs');

  // glyf (each glyph padded to an even length) and a short or long loca.
  let glyfLength = 0;
  for (const g of data) glyfLength += g.length + (g.length & 1);
  const shortLoca = glyfLength <= 0x1fffe;
  const glyf = new Uint8Array(glyfLength);
  const newLoca = new Uint8Array((n + 1) * (shortLoca ? 2 : 4));
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let i = 0; i <= n; i++) {
    if (shortLoca) locaView.setUint16(2 * i, at / 2);
    else locaView.setUint32(4 * i, at);
    if (i < n) {
      glyf.set(data[i], at);
      at += data[i].length + (data[i].length & 1);
    }
  }

  // hmtx: one long metric per glyph.
  const hmtxOld = table('hmtx');
  const hmtx = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    const old = order[i];
    const m = 4 * Math.min(old, numHMetrics - 1);
    hmtx[4 * i] = hmtxOld[m];
    hmtx[4 * i + 1] = hmtxOld[m + 1];
    const lsb = old < numHMetrics ? 4 * old + 2 : 4 * numHMetrics + 2 * (old - numHMetrics);
    hmtx[4 * i + 2] = hmtxOld[lsb];
    hmtx[4 * i + 3] = hmtxOld[lsb + 1];
    const shape = made.get(i);
    if (shape) {
      const hv = new DataView(hmtx.buffer);
      hv.setUint16(4 * i, shape.advance);
      hv.setInt16(4 * i + 2, hv.getInt16(4 * i + 2) + shape.dx);
    }
  }

  const hhea = table('hhea').slice();
  hhea[34] = n >> 8;
  hhea[35] = n & 0xff;
  const maxp = table('maxp').slice();
  maxp[4] = n >> 8;
  maxp[5] = n & 0xff;
  if (made.size && maxp.length >= 32) {
    // compound limits: a made glyph has one component and the points and contours of its original
    const mv = new DataView(maxp.buffer, maxp.byteOffset, maxp.byteLength);
    mv.setUint16(10, Math.max(mv.getUint16(10), mv.getUint16(6)));
    mv.setUint16(12, Math.max(mv.getUint16(12), mv.getUint16(8)));
    mv.setUint16(28, Math.max(mv.getUint16(28), 1));
    mv.setUint16(30, mv.getUint16(30) + 1);
  }
  const newHead = head.slice();
  newHead.fill(0, 8, 12); // checkSumAdjustment, set below
  newHead[50] = 0;
  newHead[51] = shortLoca ? 0 : 1;

  const out = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', newHead],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', newLoca],
    ['maxp', maxp],
  ]);
  for (const tag of ['cvt ', 'fpgm', 'prep']) if (tables.has(tag)) out.set(tag, table(tag));
  return { program: assemble(out), glyphs: order };
}

/** Table directory (tags sorted, as the spec requires) + 4-byte aligned tables + head checksum adjustment. */
function assemble(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let size = 12 + 16 * count;
  for (const t of tags) size += (tables.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, 16 * 2 ** log2);
  view.setUint16(8, log2);
  view.setUint16(10, 16 * count - 16 * 2 ** log2);
  let offset = 12 + 16 * count;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    view.setUint32(rec + 4, checksum(bytes));
    view.setUint32(rec + 8, offset);
    view.setUint32(rec + 12, bytes.length);
    out.set(bytes, offset);
    if (tag === 'head') headAt = offset;
    offset += (bytes.length + 3) & ~3;
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
