/**
 * Printing characters beyond the BMP (CJK Extension B and later, e.g. 𠮷 U+20BB7) with jsPDF.
 *
 * jsPDF maps each UTF-16 code unit to a glyph through the font's format-4 cmap, so a surrogate
 * pair can never reach a glyph (it is silently dropped). The supplementary-plane face keeps its
 * real format-12 cmap; here each of its characters gets a fixed private-use code unit
 * (U+E000 + its index in the face), and jsPDF's code map learns private-use unit → glyph. The
 * painter draws the private-use unit and marks it with `/ActualText` holding the real
 * character, so copying and `pdftotext` give the name as written.
 */

/** The private-use code unit standing for each supplementary-plane character of the face. */
export interface SipMap {
  /** code point → private-use code unit */
  unit: Map<number, number>;
  /** private-use code unit → glyph id */
  glyph: Map<number, number>;
}

const PUA_FIRST = 0xe000;
const PUA_LAST = 0xf8ff;
const known = new WeakMap<Uint8Array, SipMap>();

/** Read the (3,10) format-12 cmap of a TrueType font: its characters beyond the BMP. Remembered per byte array. */
export function sipMap(bytes: Uint8Array): SipMap {
  const done = known.get(bytes);
  if (done) return done;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]) === 'cmap') cmap = view.getUint32(rec + 8);
  }
  const pairs: [number, number][] = [];
  if (cmap >= 0) {
    const n = view.getUint16(cmap + 2);
    for (let i = 0; i < n; i++) {
      const rec = cmap + 4 + 8 * i;
      const sub = cmap + view.getUint32(rec + 4);
      if (view.getUint16(rec) !== 3 || view.getUint16(rec + 2) !== 10 || view.getUint16(sub) !== 12) continue;
      const groups = view.getUint32(sub + 12);
      for (let g = 0; g < groups; g++) {
        const at = sub + 16 + 12 * g;
        const start = view.getUint32(at);
        const end = view.getUint32(at + 4);
        const gid = view.getUint32(at + 8);
        for (let cp = Math.max(start, 0x10000); cp <= end; cp++) pairs.push([cp, gid + cp - start]);
      }
    }
  }
  if (pairs.length > PUA_LAST - PUA_FIRST + 1) throw new Error(`超出 BMP 的字体有 ${pairs.length} 个字符，多于私用区可代表的 6400 个`);
  pairs.sort((a, b) => a[0] - b[0]);
  const map: SipMap = { unit: new Map(), glyph: new Map() };
  pairs.forEach(([cp, gid], i) => {
    map.unit.set(cp, PUA_FIRST + i);
    map.glyph.set(PUA_FIRST + i, gid);
  });
  known.set(bytes, map);
  return map;
}

/** `/Span <</ActualText <FEFF…>>> BDC`: what a reader copies in place of the private-use glyphs. */
export function actualTextOperator(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `/Span <</ActualText <${hex}>>> BDC`;
}
