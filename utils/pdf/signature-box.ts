/**
 * The visible box of a digital signature: a form XObject (the widget's /AP /N) drawing a thin
 * ruled box and a few lines of small Song text, with the fonts it needs as PDF objects for an
 * incremental update. Written as PDF syntax directly (no jsPDF document): the signer appends
 * these objects to a finished file.
 *
 * Each face is embedded as a Type0/CIDFontType2 font holding only the glyphs the box uses
 * (truetype-subset.ts), glyph ids renumbered 1…n in order of use (CIDToGIDMap /Identity), with
 * /ToUnicode so that copying and `pdftotext` give the text back. Faces are tried in the order
 * given per character (the report's Song face, then the rare-character faces); characters
 * beyond the BMP are looked up through the face's format-12 cmap (sip-font.ts). A character no
 * face has is drawn as the first face's .notdef (the report itself refuses such names earlier).
 * The faces are parsed once per byte array (document-font.ts).
 */
import { DEFAULT_WIDTH, parsedFont, toUnicodeCmap, widthArray } from './jspdf-patches/document-font';
import { subsetTrueType } from './jspdf-patches/truetype-subset';
import { deflate } from './jspdf-patches/deflate';
import { latin1 } from '../sign/bytes';
import { sipMap } from './sip-font';

/** One line of the box. */
export interface BoxLine {
  text: string;
  /** Points (default BODY_SIZE); shrunk when the line is wider than the box. */
  size?: number;
}

/** A PDF object for the update: its number and its body (Latin-1: one char per byte). */
export interface BoxObject {
  num: number;
  body: string;
}

const BODY_SIZE = 7;
const MIN_SIZE = 4.5;
const LEADING = 1.38;
const PAD = 4;
const RULE = 0.5;

interface FaceUse {
  bytes: Uint8Array;
  /** Original glyph id of each new id (new id 0 is .notdef). */
  originals: number[];
  renumbered: Map<number, number>;
  /** New id → code point (for /ToUnicode). */
  toUnicode: Record<number, number>;
  scale: number;
}

function faceUse(bytes: Uint8Array): FaceUse {
  return { bytes, originals: [0], renumbered: new Map([[0, 0]]), toUnicode: {}, scale: 1000 / parsedFont(bytes).ttf.head.unitsPerEm };
}

/** The face's glyph for a code point, 0 when it has none. */
function glyphOf(bytes: Uint8Array, cp: number): number {
  if (cp <= 0xffff) return parsedFont(bytes).ttf.cmap.unicode?.codeMap[cp] || 0;
  const sip = sipMap(bytes);
  const unit = sip.unit.get(cp);
  return unit === undefined ? 0 : (sip.glyph.get(unit) ?? 0);
}

interface Run {
  face: number;
  ids: number[];
  /** Advance of the run in 1/1000 em. */
  advance: number;
}

/** Split `text` into runs of one face each, allocating glyph ids. */
function shape(text: string, faces: FaceUse[]): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face = 0;
    let original = 0;
    for (let i = 0; i < faces.length; i++) {
      const g = glyphOf(faces[i].bytes, cp);
      if (g) {
        face = i;
        original = g;
        break;
      }
    }
    const f = faces[face];
    let id = f.renumbered.get(original);
    if (id === undefined) {
      id = f.originals.length;
      f.originals.push(original);
      f.renumbered.set(original, id);
      f.toUnicode[id] = cp;
    }
    const advance = parsedFont(f.bytes).ttf.hmtx.forGlyph(original).advance * f.scale;
    const last = runs[runs.length - 1];
    if (last && last.face === face) {
      last.ids.push(id);
      last.advance += advance;
    } else runs.push({ face, ids: [id], advance });
  }
  return runs;
}

const n2 = (n: number) => String(Math.round(n * 100) / 100);
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/**
 * The box `width` × `height` points with `lines` from the top, each shrunk (down to MIN_SIZE)
 * to fit, and cut with "…" if even that is too wide. `next()` hands out object numbers.
 * Returns the appearance XObject's number and every object to write.
 */
export function signatureBox(
  lines: readonly BoxLine[],
  fonts: readonly Uint8Array[],
  width: number,
  height: number,
  next: () => number,
): { xobject: number; objects: BoxObject[] } {
  if (!fonts.length) throw new Error('signatureBox: no font');
  const faces = fonts.map(faceUse);
  const inner = width - 2 * PAD;
  let ops = `q ${RULE} w 0.25 0.25 0.25 RG ${n2(RULE / 2)} ${n2(RULE / 2)} ${n2(width - RULE)} ${n2(height - RULE)} re S Q\n`;
  let y = height - PAD;
  for (const line of lines) {
    let text = line.text;
    let size = line.size ?? BODY_SIZE;
    let runs = shape(text, faces);
    let w = runs.reduce((s, r) => s + r.advance, 0);
    if ((w * size) / 1000 > inner) size = Math.max(MIN_SIZE, (inner * 1000) / w);
    while ((w * size) / 1000 > inner && text.length > 1) {
      text = `${[...text].slice(0, -2).join('')}…`;
      runs = shape(text, faces);
      w = runs.reduce((s, r) => s + r.advance, 0);
    }
    y -= size * LEADING;
    // Baseline: the CJK em box spans 0.88 em above it (as in page-flow.ts).
    const baseline = y + (size * LEADING - size) / 2 + 0.12 * size;
    ops += `BT 0 g 1 0 0 1 ${PAD} ${n2(baseline)} Tm`;
    for (const r of runs) ops += ` /F${r.face + 1} ${n2(size)} Tf <${r.ids.map(hex4).join('')}> Tj`;
    ops += ' ET\n';
  }

  const objects: BoxObject[] = [];
  const fontRefs: string[] = [];
  faces.forEach((f, i) => {
    if (f.originals.length === 1) return; // this face drew nothing
    const ttf = parsedFont(f.bytes).ttf;
    const { program } = subsetTrueType(f.bytes, f.originals);
    const name = `/XTSIG${String.fromCharCode(65 + i)}+XuntingSignature${i + 1}`;
    const [file, cmap, descriptor, cid, type0] = [next(), next(), next(), next(), next()];
    const packed = deflate(program);
    const unicode = toUnicodeCmap(f.toUnicode);
    objects.push(
      { num: file, body: `<< /Length ${packed.length} /Length1 ${program.length} /Filter /FlateDecode >>\nstream\n${latin1(packed)}\nendstream` },
      { num: cmap, body: `<< /Length ${unicode.length} >>\nstream\n${unicode}\nendstream` },
      {
        num: descriptor,
        body:
          `<< /Type /FontDescriptor /FontName ${name} /FontFile2 ${file} 0 R /FontBBox [${ttf.bbox.join(' ')}] /Flags ${ttf.flags} /StemV ${ttf.stemV}` +
          ` /ItalicAngle ${ttf.italicAngle} /Ascent ${ttf.ascender} /Descent ${ttf.decender} /CapHeight ${ttf.capHeight} >>`,
      },
      {
        num: cid,
        body:
          `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /FontDescriptor ${descriptor} 0 R /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
          ` /CIDToGIDMap /Identity /DW ${DEFAULT_WIDTH} /W ${widthArray(f.originals.map((g) => ttf.hmtx.forGlyph(g).advance * f.scale))} >>`,
      },
      { num: type0, body: `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /ToUnicode ${cmap} 0 R /DescendantFonts [${cid} 0 R] >>` },
    );
    fontRefs.push(`/F${i + 1} ${type0} 0 R`);
  });
  const xobject = next();
  objects.push({
    num: xobject,
    body: `<< /Type /XObject /Subtype /Form /BBox [0 0 ${n2(width)} ${n2(height)}] /Resources << /Font << ${fontRefs.join(' ')} >> >> /Length ${ops.length} >>\nstream\n${ops}endstream`,
  });
  return { xobject, objects };
}
