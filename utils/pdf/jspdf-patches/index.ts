/**
 * Every change we make to jsPDF's behaviour, in one place. jsPDF 4.2.1 is pinned (exact version
 * in package.json) and tests/unit/pdf/jspdf-patches.test.ts fails when an upgrade moves what
 * these patches hook into. The patches are global (jsPDF.API is shared by every document), so
 * they are installed once, on the first `createPdfDocument`.
 *
 * 1. Fonts (document-font.ts, truetype-subset.ts): each font file is parsed once; each document
 *    gets its own glyph numbering and a linear subsetter writes only the used glyphs. jsPDF's
 *    `addFont` handler re-parsed the 2.8 MB TTF for every document and its subset encoder was
 *    quadratic (together about 60% of a report's render time, measured).
 * 2. Flate: streams are deflated as before (fflate `zlibSync`, default level, unless a platform
 *    deflate was set with `useDeflate`), but the result is turned back into a string in chunks
 *    instead of jsPDF's one `reduce` step per byte.
 * 3. PNG images (png-image.ts): 8-bit non-interlaced PNGs are decoded and re-deflated in
 *    typed-array loops (jsPDF's path cost ~20 ms per signature image); other PNGs go to jsPDF.
 *    observer-rows.ts reads an image's size from its PNG header instead of decoding it twice.
 * 4. Half-width punctuation (half-forms.ts, 标点挤压): private-use units that a document's code
 *    map lists (jsPDF drops units its code map lacks) draw a mark with a half-em compound glyph
 *    made by the subsetter, mapped back to the mark in /ToUnicode.
 */
import { jsPDF, type jsPDFOptions } from 'jspdf';
import { latin1 } from '../../sign/bytes';
import { DocumentFont, parsedFont, putDocumentFont } from './document-font';
import { processPng } from './png-image';
import { deflate } from './deflate';

export { useDeflate } from './deflate';

/** The jsPDF release these patches were written against and tested with. */
export const PATCHED_JSPDF_VERSION = '4.2.1';

type Handler = (this: unknown, data: { font: { postScriptName: string; metadata: unknown }; instance: unknown }) => void;
type Filtered = { data: string; reverseChain: string };
type EventList = [string, Handler][];

/** Fonts about to be added to a document with `addDocumentFont`: document → VFS name → bytes. */
const pending = new WeakMap<object, Map<string, Uint8Array>>();

/** Deflate a binary string into a zlib stream (as jsPDF's FlateEncode), in linear time. */
export function flateEncode(data: string): string {
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
  return latin1(deflate(bytes));
}

let installed = false;

/** Install the patches (idempotent). Throws if this jsPDF does not look like the one they were written for. */
function installJsPdfPatches(): void {
  if (installed) return;
  const api = jsPDF.API as unknown as { events: EventList; processDataByFilters?: (data: string, chain: string | string[]) => Filtered };

  // 1a. Our fonts skip jsPDF's TTF parse: the handler that reads the VFS file is wrapped.
  const ttfLoaders = api.events.filter(([topic, fn]) => topic === 'addFont' && String(fn).includes('getFileFromVFS'));
  if (ttfLoaders.length !== 1) throw new Error(`jsPDF ${jsPDF.version}: expected one TTF addFont handler, found ${ttfLoaders.length}`);
  const entry = ttfLoaders[0];
  const loadTtf = entry[1];
  entry[1] = function (this: unknown, data) {
    const bytes = pending.get(data.instance as object)?.get(data.font.postScriptName);
    if (bytes) data.font.metadata = new DocumentFont(parsedFont(bytes));
    else loadTtf.call(this, data);
  };
  // 1b. Our fonts are written by our handler (jsPDF's own skip them: they are not TTFFonts).
  api.events.push(['putFont', putDocumentFont as unknown as Handler]);

  // 2. Flate-only filter chains (every stream jsPDF compresses) take the linear path.
  const original = api.processDataByFilters;
  if (typeof original !== 'function') throw new Error(`jsPDF ${jsPDF.version}: processDataByFilters not found`);
  api.processDataByFilters = (data, chain) => {
    const only = typeof chain === 'string' ? chain : chain?.length === 1 ? chain[0] : '';
    if (only === 'FlateEncode' || only === '/FlateEncode') return { data: flateEncode(data || ''), reverseChain: '/FlateDecode' };
    return original(data, chain);
  };

  // 3. PNGs in the common case (8-bit, not interlaced) are decoded and deflated in typed-array loops.
  const api3 = api as unknown as { processPNG?: (this: unknown, data: unknown, index: unknown, alias: unknown, compression: unknown) => unknown };
  const jsPdfPng = api3.processPNG;
  if (typeof jsPdfPng !== 'function') throw new Error(`jsPDF ${jsPDF.version}: processPNG not found`);
  api3.processPNG = function (data, index, alias, compression) {
    const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
    return (bytes && processPng(bytes, index, alias)) ?? jsPdfPng.call(this, data, index, alias, compression);
  };
  installed = true;
}

/** A new jsPDF document, with the patches installed. */
export function createPdfDocument(options: jsPDFOptions): jsPDF {
  installJsPdfPatches();
  return new jsPDF(options);
}

/**
 * Add a TrueType font to `doc` under `family`/`style` (Identity-H), parsed once per byte
 * array for all documents. Throws what jsPDF's parser throws on a font it cannot read.
 */
export function addDocumentFont(doc: jsPDF, vfsName: string, family: string, style: string, bytes: Uint8Array): void {
  installJsPdfPatches();
  parsedFont(bytes); // parse errors surface here, not inside jsPDF's event bus (which only logs them)
  let names = pending.get(doc);
  if (!names) pending.set(doc, (names = new Map()));
  names.set(vfsName, bytes);
  try {
    doc.addFont(vfsName, family, style, 'Identity-H');
  } finally {
    names.delete(vfsName);
  }
  const added = (doc as unknown as { getFont(family: string, style: string): { metadata: unknown } }).getFont(family, style).metadata;
  if (!(added instanceof DocumentFont)) throw new Error(`jsPDF ${jsPDF.version}: font ${vfsName} was not added through the patched handler`);
}

/** The codes among `codes` that the font in `bytes` has no glyph for. */
export function missingCharacters(bytes: Uint8Array, codes: readonly number[]): number[] {
  const codeMap = parsedFont(bytes).ttf.cmap.unicode?.codeMap;
  return codes.filter((c) => !codeMap?.[c]);
}
