/**
 * Before an .xlsx reaches the workbook reader: what its ZIP directory declares and what its
 * sheets hold, within XLSX_LIMITS. The reader (read-excel-file) inflates every XML part into
 * memory and builds every row padded to the widest, so the checks run first and cheaply:
 *
 * 1. the declared entry count and uncompressed sizes, from the ZIP directory, before anything
 *    is inflated (a 2 MB file that declares gigabytes is refused untouched);
 * 2. each part the reader reads inflated, in small pieces, into a buffer one byte larger than
 *    it declares (fflate), so a part that lies about its size is stopped as soon as it says
 *    more, and is refused unless it comes out at exactly its declared size;
 * 3. one pass over each part's bytes, counting rows and cells, checking every cell reference's
 *    row and column, and the longest run of blanks — no XML tree, no strings per cell.
 *
 * Returns the refusal (Chinese) or null when the reader may go ahead.
 */
import { describeSize, XLSX_LIMITS } from './limits';
import { zipDirectory } from './sniff-bytes';
import { inflateZipEntry } from './zip-inflate';

/** The parts read-excel-file reads; the others (images, printer settings) it never inflates, so neither do we. */
const isReadPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');
const isSheet = (name: string) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(name);

const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isNameByte = (b: number) =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x3a || b === 0x5f || b === 0x2d || b === 0x2e;

/** `A1` → [row, column] (1-based); null when not a cell reference. */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,10})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The value of attribute `name` in the tag between `from` and `to`, or null. */
function attribute(data: Uint8Array, from: number, to: number, name: string): string | null {
  for (let i = from; i + name.length + 2 < to; i++) {
    if (!BLANK.has(data[i])) continue;
    let k = 0;
    while (k < name.length && data[i + 1 + k] === name.charCodeAt(k)) k++;
    if (k < name.length || data[i + 1 + k] !== 0x3d) continue;
    const quote = data[i + 2 + k];
    if (quote !== 0x22 && quote !== 0x27) continue;
    let end = i + 3 + k;
    while (end < to && data[end] !== quote) end++;
    let s = '';
    for (let j = i + 3 + k; j < end && j - i < 40; j++) s += String.fromCharCode(data[j]);
    return s;
  }
  return null;
}

interface Count {
  cells: number;
}

function scanPart(name: string, data: Uint8Array, count: Count): string | null {
  const L = XLSX_LIMITS;
  const sheet = isSheet(name);
  let blanks = 0;
  let rows = 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (BLANK.has(b)) {
      if (++blanks > L.maxBlankRun)
        return `工作簿的 ${name} 中有超过 ${L.maxBlankRun} 个连续的空白字符，不是正常的 Excel 文件；请在 Excel 中打开并重新保存后再导入`;
      continue;
    }
    blanks = 0;
    if (b !== 0x3c) continue;
    let j = i + 1;
    while (j < data.length && isNameByte(data[j])) j++;
    let tag = '';
    for (let k = i + 1; k < j && k - i < 24; k++) tag += String.fromCharCode(data[k]);
    tag = tag.slice(tag.indexOf(':') + 1);
    if (tag === 'si' || tag === 'c') {
      if (++count.cells > L.maxCells) return `工作簿中的单元格超过 ${L.maxCells.toLocaleString('en-US')} 个，不是名单或计划表；请只保留需要导入的数据`;
    }
    if (!sheet || (tag !== 'row' && tag !== 'c')) continue;
    let end = j;
    while (end < data.length && data[end] !== 0x3e) end++;
    const r = attribute(data, j, end, 'r');
    if (tag === 'row') {
      const n = r === null ? rows + 1 : Number(r);
      if (++rows > L.maxRows || n > L.maxRows)
        return `工作表中${n > L.maxRows ? `有第 ${n.toLocaleString('en-US')} 行` : `的行超过 ${L.maxRows.toLocaleString('en-US')} 个`}，超出上限（最多 ${L.maxRows.toLocaleString('en-US')} 行）；请删去多余的行后再导入`;
    } else if (r !== null) {
      const ref = cellRef(r);
      if (ref && ref[0] > L.maxRows) return `工作表在 ${r} 有单元格，超出上限（最多 ${L.maxRows.toLocaleString('en-US')} 行）；请删去多余的行后再导入`;
      if (ref && ref[1] > L.maxColumns)
        return `工作表在 ${r} 有单元格，超出上限（最多 ${L.maxColumns} 列，即到 ${columnName(L.maxColumns)} 列）；请删去多余的列后再导入`;
    }
    i = end;
  }
  return null;
}

export function xlsxRefusal(bytes: Uint8Array): string | null {
  const L = XLSX_LIMITS;
  const entries = zipDirectory(bytes);
  if (!entries) return 'Excel 文件已损坏（ZIP 目录无法读取）；请在 Excel 中打开并重新保存后再导入';
  if (entries.length > L.maxEntries) return `Excel 文件中的部件超过 ${L.maxEntries} 个，不是正常的工作簿`;
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > L.maxUncompressedBytes || entries.some((e) => e.size === 0xffffffff)) {
    return `Excel 文件解压后将超过 ${describeSize(L.maxUncompressedBytes)}（可能是“压缩炸弹”），已拒绝；未解压任何内容`;
  }
  const count: Count = { cells: 0 };
  for (const e of entries.filter((x) => isReadPart(x.name))) {
    const data = inflateZipEntry(bytes, e);
    if (!data) return `Excel 文件已损坏：部件 ${e.name} 无法解压；请在 Excel 中打开并重新保存后再导入`;
    if (data.length !== e.size) return `Excel 文件已损坏：部件 ${e.name} 解压后的长度与 ZIP 目录所记（${e.size} 字节）不符`;
    const problem = scanPart(e.name, data, count);
    if (problem) return problem;
  }
  return null;
}
