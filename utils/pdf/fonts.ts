/**
 * The report's fonts: checking the bytes and registering them with jsPDF.
 *
 * jsPDF embeds only a single TrueType-outline (glyf) font; a TTC collection or a CFF/OTF font
 * does not throw, it writes garbage. So every font is checked here first and a bad one stops
 * the render with `字体文件无效：<file>：<why>`. Regular and bold are registered separately
 * (an unregistered style prints mojibake), and the Ext fallback only when a record needs it.
 */
import { FONT_FILES } from './font-files';
import type { jsPDF } from 'jspdf';
import type { FontCoverage } from './glyph-check';
import { addDocumentFont, missingCharacters } from './jspdf-patches';

/** One font file as bytes, with the name it is reported by. */
export interface FontFile {
  /** File name, e.g. `NotoSerifSC-Regular.ttf` (used in messages and as the jsPDF VFS key). */
  name: string;
  bytes: Uint8Array;
}

/** What `renderReport` needs: the main Song face in two weights, the rare-character fallback, and their coverage. */
export interface ReportFonts {
  regular: FontFile;
  bold: FontFile;
  /** Rare BMP ideographs (regular only); loaded and registered only when a record needs it. */
  ext?: FontFile | null;
  /** Ideographs beyond the BMP for names (regular only); loaded and registered only when a record needs it. */
  sip?: FontFile | null;
  coverage: FontCoverage;
}

/**
 * jsPDF font families; jsPDF also writes the family as the PDF BaseFont name, so each face
 * gets its own (regular and bold are separate fonts to jsPDF anyway).
 */
export const FACE_REGULAR = { family: 'NotoSerifSCXunting-Regular', style: 'normal' } as const;
export const FACE_BOLD = { family: 'NotoSerifSCXunting-Bold', style: 'bold' } as const;
export const FACE_EXT = { family: 'NotoSerifSCXuntingExt-Regular', style: 'normal' } as const;
export const FACE_SIP = { family: 'XuntingHanaMinSIP-Regular', style: 'normal' } as const;

/**
 * The faces a signature's visible box is drawn with, in the order each character tries them:
 * the report's Song face, then the rare-character faces when they were loaded.
 */
export function signatureFaces(fonts: Pick<ReportFonts, 'regular' | 'ext' | 'sip'>): Uint8Array[] {
  return [fonts.regular, fonts.ext, fonts.sip].filter((f): f is FontFile => !!f).map((f) => f.bytes);
}

/** A font that cannot be used: the message names the file and says why, in Chinese. */
export class FontError extends Error {
  readonly fileName: string;
  constructor(fileName: string, why: string) {
    super(`字体文件无效：${fileName}：${why}`);
    this.name = 'FontError';
    this.fileName = fileName;
  }
}

/** The tables jsPDF reads from a TrueType font. */
const REQUIRED_TABLES = ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp'] as const;

function tag(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/**
 * Check that `bytes` hold one TrueType-outline font jsPDF can embed; throw FontError otherwise.
 * Looks at the magic number, the table directory (every table inside the file), the tables
 * jsPDF needs, the `head` magic and a Unicode BMP cmap (format 4).
 */
export function checkFontBytes(fileName: string, bytes: Uint8Array | null | undefined): void {
  if (!bytes || bytes.length === 0) throw new FontError(fileName, '文件不存在或为空');
  if (bytes.length < 12) throw new FontError(fileName, `文件只有 ${bytes.length} 字节，不是字体`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = tag(bytes, 0);
  if (magic === 'ttcf') throw new FontError(fileName, '这是字体集合（TTC），须先从中取出单个字体（运行 npm run fonts）');
  if (magic === 'OTTO') {
    throw new FontError(fileName, '这是 CFF 轮廓的 OpenType 字体（OTTO），jsPDF 只能嵌入 TrueType（glyf）轮廓，须先转换（运行 npm run fonts）');
  }
  if (magic === 'wOFF' || magic === 'wOF2') throw new FontError(fileName, '这是 WOFF 网页字体，须使用 TrueType（.ttf）字体');
  if (view.getUint32(0) !== 0x00010000) {
    throw new FontError(fileName, '文件开头不是 TrueType 字体标识（文件损坏或不是字体）');
  }
  const numTables = view.getUint16(4);
  if (numTables === 0 || numTables > 100) throw new FontError(fileName, `表数目 ${numTables} 不合理（文件损坏）`);
  const dirEnd = 12 + 16 * numTables;
  if (dirEnd > bytes.length) throw new FontError(fileName, '表目录不完整（文件被截断）');
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const name = tag(bytes, rec);
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    if (offset < dirEnd || offset + length > bytes.length) {
      throw new FontError(fileName, `「${name.trim()}」表超出文件末尾（文件被截断或损坏）`);
    }
    tables.set(name, { offset, length });
  }
  if (!tables.has('glyf') && (tables.has('CFF ') || tables.has('CFF2'))) {
    throw new FontError(fileName, '字体使用 CFF 轮廓，jsPDF 只能嵌入 TrueType（glyf）轮廓，须先转换（运行 npm run fonts）');
  }
  for (const t of REQUIRED_TABLES) if (!tables.has(t)) throw new FontError(fileName, `缺少「${t}」表（不是完整的 TrueType 字体）`);
  const head = tables.get('head')!;
  if (head.length < 54 || view.getUint32(head.offset + 12) !== 0x5f0f3cf5) throw new FontError(fileName, '「head」表损坏');
  const cmap = tables.get('cmap')!;
  if (!hasUnicodeBmpCmap(view, cmap.offset, cmap.length)) {
    throw new FontError(fileName, '没有 Unicode（格式 4）字符映射表，无法按汉字取字形');
  }
}

/** jsPDF uses a format-4 subtable of platform 3 encoding 1, or of platform 0. */
function hasUnicodeBmpCmap(view: DataView, offset: number, length: number): boolean {
  if (length < 4) return false;
  const n = view.getUint16(offset + 2);
  if (4 + 8 * n > length) return false;
  for (let i = 0; i < n; i++) {
    const rec = offset + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = view.getUint32(rec + 4);
    if (sub + 2 > length) continue;
    const format = view.getUint16(offset + sub);
    if (format === 4 && ((platform === 3 && encoding === 1) || platform === 0)) return true;
  }
  return false;
}

/** Register one checked font under `family`/`style`; a parse failure in jsPDF becomes a FontError. */
function registerOne(doc: jsPDF, file: FontFile, family: string, style: 'normal' | 'bold', probes: readonly number[]): void {
  checkFontBytes(file.name, file.bytes);
  try {
    addDocumentFont(doc, `${family}-${style}-${file.name}`, family, style, file.bytes);
  } catch (e) {
    throw new FontError(file.name, `无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  // A font jsPDF cannot map to glyphs would print nothing: the probe characters must have glyphs.
  const missing = missingCharacters(file.bytes, probes);
  if (missing.length) {
    throw new FontError(file.name, `字体中没有应有的字符「${String.fromCharCode(...missing)}」（字体与覆盖表 coverage.json 不符？）`);
  }
}

/**
 * Register the report fonts with a jsPDF document: regular and bold of the main face, and the
 * Ext face when `withExt` (the caller decides from the record's characters).
 */
export function registerFonts(doc: jsPDF, fonts: ReportFonts, withExt: boolean, withSip = false): void {
  // 汉, 0 and the first and last characters the coverage table promises.
  const probes = (ranges: readonly (readonly [number, number])[], extra: number[]) =>
    ranges.length ? [...extra, ranges[0][0], ranges[ranges.length - 1][1]] : extra;
  const main = probes(fonts.coverage.main, [0x6c49, 0x30]);
  registerOne(doc, fonts.regular, FACE_REGULAR.family, FACE_REGULAR.style, main);
  registerOne(doc, fonts.bold, FACE_BOLD.family, FACE_BOLD.style, main);
  if (withExt) {
    if (!fonts.ext) throw new FontError(FONT_FILES.ext, '记录中有生僻字，需要生僻字字体，但没有提供');
    registerOne(doc, fonts.ext, FACE_EXT.family, FACE_EXT.style, probes(fonts.coverage.ext, []));
  }
  if (withSip) {
    if (!fonts.sip) throw new FontError('HanaMinSIP.ttf', '记录中有扩展B区及以后的生僻字，需要相应字体，但没有提供');
    registerOne(doc, fonts.sip, FACE_SIP.family, FACE_SIP.style, [0x3000]);
  }
  doc.setFont(FACE_REGULAR.family, FACE_REGULAR.style);
}
