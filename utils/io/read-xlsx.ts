/** An .xlsx workbook's bytes → every sheet's cells as displayed text. Runs in browsers and Node (read-excel-file/universal). */
import type { Validated } from '../validate';
import { cellText } from './cell-text';
import { describeZip, refusalForKind, refusalForZip, sniffBytes } from './sniff-bytes';
import { xlsxRefusal } from './xlsx-guard';

export interface XlsxSheet {
  name: string;
  /** rows[i] is the sheet's row i + 1; the library drops empty rows at the bottom and pads rows to the same width. */
  rows: string[][];
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
}

export async function readXlsx(bytes: Uint8Array, what = 'Excel 文件'): Promise<Validated<XlsxWorkbook>> {
  const refuse = (message: string): Validated<XlsxWorkbook> => ({ ok: false, problems: [{ path: what, message }] });
  if (bytes.length === 0) return refuse('文件是空的（0 字节）');
  const kind = sniffBytes(bytes);
  if (kind !== 'zip') {
    return refuse(refusalForKind(kind) ?? '这不是 .xlsx 文件（.xlsx 是 ZIP 格式，而这个文件是文本）；如果是 CSV，请把扩展名改为 .csv');
  }
  const zip = describeZip(bytes);
  if (zip !== 'xlsx') return refuse(refusalForZip(zip));
  // Sizes, rows, columns and cells first: the reader below would inflate and pad everything in memory.
  const tooMuch = xlsxRefusal(bytes);
  if (tooMuch) return refuse(tooMuch);
  try {
    // The XLSX reader loads with the first spreadsheet, not with the page.
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    // The universal entry wants an ArrayBuffer of exactly these bytes (not a view into a bigger one).
    const sheets = await readXlsxFile(bytes.slice().buffer);
    return { ok: true, value: { sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) })) } };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return refuse(`Excel 文件已损坏或格式异常，无法读取（${detail}）；请在 Excel 中打开并重新保存后再导入`);
  }
}
