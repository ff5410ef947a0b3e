/**
 * One ZIP entry inflated without trusting it: streamed in small pieces into a buffer one byte
 * larger than the ZIP directory declares, so an entry that holds more than it says is stopped as
 * soon as it says more (a 2 MB entry that inflates to gigabytes costs its declared size and a
 * few milliseconds). The caller compares the length with the declared size.
 */
import { Inflate } from 'fflate';
import type { ZipDirectoryEntry } from './sniff-bytes';

/** Compressed bytes per push: at most ~1,000 times that comes out of one push (Deflate's ceiling). */
const INFLATE_PIECE = 16_384;

/** The entry's data, inflated into a buffer one byte larger than declared: a part that says less than it holds comes out too long. Null when unreadable. */
export function inflateZipEntry(bytes: Uint8Array, e: ZipDirectoryEntry): Uint8Array | null {
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 3 || bytes[at + 3] !== 4) return null;
  const start = at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return null;
  if (e.method === 0) return data;
  if (e.method !== 8) return null;
  // Streamed in small pieces, so a part that holds far more than it declares is stopped at once, not inflated to the end.
  const out = new Uint8Array(e.size + 1);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length < out.length) out.set(chunk.subarray(0, out.length - length), length);
    length += chunk.length;
  });
  try {
    for (let p = 0; p < data.length && length <= e.size; p += INFLATE_PIECE) inflater.push(data.subarray(p, p + INFLATE_PIECE), p + INFLATE_PIECE >= data.length);
  } catch {
    return null;
  }
  return out.subarray(0, Math.min(length, out.length));
}

