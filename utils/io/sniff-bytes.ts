/**
 * What a file is, from its first bytes (its "magic number"), whatever its name says: a user may
 * pick the wrong file, or a system may export HTML under a `.xls` name.
 */

export type FileKind = 'zip' | 'ole2' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'gzip' | 'rar' | '7z' | 'text';

const MAGIC: [FileKind, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty archive
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // .xls, .doc, WPS .et
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
];

export function sniffBytes(bytes: Uint8Array): FileKind {
  for (const [kind, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return kind;
  }
  return 'text';
}

/** Why a file of this kind cannot be read as text or as a table; null for 'text' and 'zip' (the caller decides). */
export function refusalForKind(kind: FileKind): string | null {
  switch (kind) {
    case 'zip':
      return '这是一个 ZIP 压缩包，请先解压，或导入 .xlsx/.csv';
    case 'ole2':
      return '这是旧版 Excel（.xls）或 WPS 表格（.et）等二进制文件，无法直接读取；请在 Excel 中另存为 .xlsx 或 CSV';
    case 'pdf':
      return '这是一个 PDF 文件，不是文本或表格；请导入 .xlsx 或 .csv';
    case 'png':
    case 'jpeg':
    case 'gif':
      return `这是一张图片（${kind.toUpperCase()}），不是文本或表格`;
    case 'gzip':
    case 'rar':
    case '7z':
      return `这是一个 ${kind.toUpperCase()} 压缩包，请先解压，或导入 .xlsx/.csv`;
    case 'text':
      return null;
  }
}

export interface ZipDirectoryEntry {
  name: string;
  /** Uncompressed size as the directory declares it (0xFFFFFFFF for a ZIP64 entry). */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/**
 * The entries of a ZIP archive, from its central directory (no decompression): names and the
 * sizes they declare, so a bomb can be refused before anything is inflated. Null when the
 * archive is damaged (no end-of-central-directory record, or entries past the end).
 */
export function zipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipDirectoryEntry[] = [];
  const utf8 = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry names of a ZIP archive (see zipDirectory), or null when it is damaged. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipDirectory(bytes)?.map((e) => e.name) ?? null;
}

export type ZipKind = 'xlsx' | 'xlsb' | 'ods' | 'docx' | 'pptx' | 'other' | 'broken';

/** What an archive holds: an Excel workbook, another office document, or anything else. */
export function describeZip(bytes: Uint8Array): ZipKind {
  const names = zipEntryNames(bytes);
  if (!names) return 'broken';
  const has = (name: string) => names.some((n) => n.replace(/^\//, '').toLowerCase() === name);
  if (has('xl/workbook.xml')) return 'xlsx';
  if (has('xl/workbook.bin')) return 'xlsb';
  if (has('word/document.xml')) return 'docx';
  if (has('ppt/presentation.xml')) return 'pptx';
  if (has('mimetype') && has('content.xml')) {
    const head = new TextDecoder().decode(bytes.subarray(0, 200));
    if (head.includes('opendocument.spreadsheet')) return 'ods';
  }
  return 'other';
}

/** Why an archive that is not an .xlsx workbook cannot be read as a table. */
export function refusalForZip(kind: Exclude<ZipKind, 'xlsx'>): string {
  switch (kind) {
    case 'xlsb':
      return '这是 Excel 二进制工作簿（.xlsb），无法直接读取；请在 Excel 中另存为 .xlsx 或 CSV';
    case 'ods':
      return '这是 OpenDocument 表格（.ods），无法直接读取；请另存为 .xlsx 或 CSV';
    case 'docx':
      return '这是 Word 文档（.docx），不是表格；请导入 .xlsx 或 .csv';
    case 'pptx':
      return '这是 PowerPoint 演示文稿（.pptx），不是表格；请导入 .xlsx 或 .csv';
    case 'broken':
      return '这是一个已损坏的 ZIP 文件（.xlsx 也是 ZIP 格式），无法解压；请在 Excel 中重新保存后再导入';
    case 'other':
      return '这是一个 ZIP 压缩包，请先解压，或导入 .xlsx/.csv';
  }
}
