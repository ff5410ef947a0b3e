/**
 * Bytes of a text file → text, for files saved by Excel, WPS, Notepad or an export on a Chinese
 * Windows machine: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode 文本") or GBK/GB18030
 * (Excel's "CSV（逗号分隔）" on Chinese Windows). Binary files and unreadable text are refused
 * with a message that says what the file is and what to do.
 *
 * Decisions:
 * - Order: byte-order mark; strict UTF-8; UTF-16 without BOM (only when the zero bytes fall on one
 *   side, as the high bytes of ASCII commas and line ends do); GB18030.
 * - GB18030 accepts almost any byte pairs, so a GB18030 decode is trusted only when at least 80 %
 *   of its two-byte characters lie in GB2312's punctuation rows (A1–A3) and hanzi rows (B0–F7),
 *   where real Simplified Chinese text lives (the 69 unit names: 100 %). Big5 (Traditional) read
 *   as GBK scores about 50 % and UTF-8 read as GBK about 20 %: both are refused, not guessed —
 *   guessing Big5 would risk turning a user's GBK file into nonsense.
 * - A text that already contains U+FFFD (a file damaged by an earlier conversion) is refused,
 *   naming the line.
 */
import type { Problem } from '../validate';
import { refusalForKind, sniffBytes } from './sniff-bytes';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; problems: Problem[] };

const SAVE_AS_UTF8 = '请在 Excel 或记事本中“另存为”UTF-8 编码（Excel：“CSV UTF-8（逗号分隔）”）后再导入';

/** Share of GB18030 two-byte characters that must be common Simplified Chinese (see above). */
const GB_COMMON_SHARE = 0.8;

export function decodeText(bytes: Uint8Array, what: string): DecodedText {
  const refuse = (message: string): DecodedText => ({ ok: false, problems: [{ path: what, message }] });
  const kind = sniffBytes(bytes);
  const refusal = refusalForKind(kind);
  if (refusal) return refuse(refusal);

  // Byte-order marks: the file says what it is.
  const bom = bomOf(bytes);
  if (bom) {
    const text = strictDecode(bom.encoding, bytes.subarray(bom.length));
    if (text === null) return refuse(`文件开头标明是 ${bom.encoding.toUpperCase()} 编码，但其中有无效的字节，文件可能已损坏；${SAVE_AS_UTF8}`);
    return checked(text, bom.encoding, refuse);
  }

  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) {
    if (utf8.includes('\u0000')) {
      const utf16 = utf16WithoutBom(bytes);
      if (utf16) return checked(utf16.text, utf16.encoding, refuse);
      return refuse('文件中含有二进制数据（NUL 字节），不是文本文件');
    }
    return checked(utf8, 'utf-8', refuse);
  }
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return checked(utf16.text, utf16.encoding, refuse);
    return refuse('文件中含有二进制数据（NUL 字节），不是文本文件');
  }

  let gb: string | null;
  try {
    gb = strictDecode('gb18030', bytes);
  } catch {
    // A JavaScript runtime without the full ICU data (a "small-icu" Node build) lacks GB18030.
    return refuse(`这不是 UTF-8 文本，而本运行环境不支持 GBK/GB18030 解码；${SAVE_AS_UTF8}`);
  }
  const share = gbCommonShare(bytes);
  if (gb === null || share < GB_COMMON_SHARE) {
    return refuse(`无法识别文件的文字编码：不是 UTF-8，按 GBK/GB18030 解读又是乱码（可能是 Big5 繁体、日文或其他编码，或不是文本文件）；${SAVE_AS_UTF8}`);
  }
  return checked(gb, 'gb18030', refuse);
}

function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The text, or null when the bytes are not valid in that encoding. Throws when the runtime lacks the encoding. */
function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(bytes);
  } catch (e) {
    if (e instanceof TypeError) return null;
    throw e;
  }
}

/**
 * UTF-16 without a byte-order mark: in text made of CJK characters and ASCII punctuation, the
 * zero bytes (the high bytes of ASCII) fall almost all at odd offsets (little-endian) or almost
 * all at even offsets (big-endian).
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 1 << 16);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
  const pairs = n / 2;
  // The other side may hold a few zeros too: CJK characters such as 一 (U+4E00) have a zero low byte.
  const encoding = odd >= pairs * 0.05 && even <= odd / 10 ? 'utf-16le' : even >= pairs * 0.05 && odd <= even / 10 ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = strictDecode(encoding, bytes);
  // A table has line ends or separators; a binary file that happens to fit the zero pattern has not.
  if (text === null || text.includes('\u0000') || !/[\n\t,，]/.test(text)) return null;
  return { text, encoding };
}

/** Share of the GB18030 multi-byte characters that are GB2312 punctuation (rows A1–A3) or hanzi (rows B0–F7). */
function gbCommonShare(bytes: Uint8Array): number {
  let multi = 0;
  let common = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    multi++;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 4; // a four-byte sequence: rare characters
      continue;
    }
    if (((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe) common++;
    i += 2;
  }
  return multi === 0 ? 1 : common / multi;
}

/** Refuse decoded text that is really binary, or that already carries replacement characters. */
function checked(text: string, encoding: TextEncodingName, refuse: (m: string) => DecodedText): DecodedText {
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    const line = text.slice(0, replacement).split('\n').length;
    return refuse(`第 ${line} 行有无法识别的字符「\uFFFD」，文件在之前的转换中可能已经损坏；请找到原始文件重新导出`);
  }
  // Control characters other than tab, line ends and form feed: a few may slip into a cell, many mean binary data.
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > Math.max(2, text.length / 100)) {
    return refuse('文件中含有大量控制字符（二进制数据），不是文本文件');
  }
  return { ok: true, text, encoding };
}
