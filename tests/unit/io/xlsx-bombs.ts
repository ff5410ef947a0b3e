/**
 * Hostile .xlsx files, built from a genuine hand-made workbook by replacing its first sheet:
 * decompression bombs (honest or lying ZIP directory), megabytes of blanks, a cell at XFD1048576,
 * a million rows. Test code only (node:zlib): the ZIP is written by hand, so the directory can
 * say whatever the attack needs.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync } from 'fflate';
import { handXlsx } from './hand-xlsx';

const SHEET = 'xl/worksheets/sheet1.xml';
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  /** Raw Deflate data. */
  data: Uint8Array;
  /** What the directory says the entry inflates to. */
  size: number;
  crc: number;
}

/** A ZIP of Deflate entries, with sizes as each entry says (true or not). */
function zipOf(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let at = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, 8, true);
    dv.setUint32(16, e.crc, true);
    dv.setUint32(20, e.data.length, true);
    dv.setUint32(24, e.size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, at, true);
    dir.set(name, 46);
    parts.push(local, e.data);
    central.push(dir);
    at += local.length + e.data.length;
  }
  const dirSize = central.reduce((s, d) => s + d.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, at, true);
  const out = new Uint8Array(at + dirSize + 22);
  let p = 0;
  for (const b of [...parts, ...central, end]) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

const entry = (name: string, data: Uint8Array, level = 1): Entry => ({
  name,
  data: new Uint8Array(deflateRawSync(data, { level })),
  size: data.length,
  crc: crc32(data),
});

/** The hand-made two-row roster workbook with its first sheet replaced by `sheet` (an entry). */
function workbookWith(sheet: Entry): Uint8Array {
  const parts = unzipSync(handXlsx([{ name: '单位名单', rows: [['单位名称'], ['锡林浩特市委']] }]));
  return zipOf(Object.entries(parts).map(([name, data]) => (name === SHEET ? { ...sheet, name } : entry(name, data))));
}

/** A workbook whose first sheet is this XML. */
export const workbookWithSheet = (xml: string | Uint8Array, level = 1) => workbookWith(entry(SHEET, typeof xml === 'string' ? strToU8(xml) : xml, level));

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
export const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c></row>';

/**
 * A sheet of `mib` MiB of zeros after the XML, as ~1 KB of Deflate per MiB (Deflate's ceiling):
 * one sync-flushed MiB piece repeated. The directory declares `declared` bytes (default: the truth).
 */
export function flateBombWorkbook(mib: number, declared?: number): Uint8Array {
  const piece = new Uint8Array(deflateRawSync(new Uint8Array(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  const data = new Uint8Array(piece.length * mib + 2);
  for (let i = 0; i < mib; i++) data.set(piece, i * piece.length);
  data.set([0x03, 0x00], piece.length * mib); // an empty final block
  return workbookWith({ name: SHEET, data, size: declared ?? mib * (1 << 20), crc: 0 });
}

/** `mib` MiB of spaces inside the sheet (a 12 KB file that used to run for a minute, then overflow the stack). */
export const blanksWorkbook = (mib: number) => workbookWithSheet(sheetXml(HEADER_ROW + ' '.repeat(mib << 20)), 9);

/** One cell at the last column and row Excel has: the reader would pad a 1,048,576 × 16,384 table. */
export const farCellWorkbook = () => workbookWithSheet(sheetXml(`${HEADER_ROW}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`));

/** A roster of `n` rows (one short unit name each), its XML built in pieces. */
export function rowsWorkbook(n: number): Uint8Array {
  const chunks: Uint8Array[] = [strToU8(sheetXml(HEADER_ROW).replace('</sheetData></worksheet>', ''))];
  let s = '';
  for (let i = 2; i <= n; i++) {
    s += `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>单位${i}</t></is></c></row>`;
    if (s.length > 1 << 20) {
      chunks.push(strToU8(s));
      s = '';
    }
  }
  chunks.push(strToU8(`${s}</sheetData></worksheet>`));
  const xml = new Uint8Array(chunks.reduce((t, c) => t + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    xml.set(c, p);
    p += c.length;
  }
  return workbookWithSheet(xml);
}
