/**
 * Width and height of a PNG data URL, read from its IHDR chunk (the first 24 bytes), without
 * decoding the image: jsPDF's getImageProperties decodes and re-deflates the whole image just
 * to report them.
 */

import { fromBase64, latin1 } from '../sign/bytes';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** `{ width, height }` of a `data:image/png;base64,…` URL; throws (in Chinese) when it is not a PNG. */
export function pngSize(dataUrl: string): { width: number; height: number } {
  const comma = dataUrl.indexOf(',');
  // 32 base64 characters hold the first 24 bytes: signature, IHDR length and type, width, height.
  const head = comma < 0 ? '' : dataUrl.slice(comma + 1, comma + 33);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(head);
  } catch {
    throw new Error('不是 base64 编码的图像');
  }
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('不是 PNG 图像');
  if (latin1(bytes, 12, 16) !== 'IHDR') throw new Error('PNG 缺少 IHDR 头');
  const u32 = (at: number) => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
  const width = u32(16);
  const height = u32(20);
  if (!(width > 0 && height > 0)) throw new Error('图像尺寸为 0');
  return { width, height };
}
