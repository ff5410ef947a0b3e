/**
 * One ZIP entry inflated without trusting it (inflateAtMost): an entry that holds more than the
 * ZIP directory declares is stopped as soon as it says more. The caller compares the length with
 * the declared size.
 */
import { inflateAtMost } from './inflate-at-most';
import type { ZipDirectoryEntry } from './sniff-bytes';

/** The entry's data; one byte longer than declared when it holds more. Null when unreadable. */
export function inflateZipEntry(bytes: Uint8Array, e: ZipDirectoryEntry): Uint8Array | null {
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 3 || bytes[at + 3] !== 4) return null;
  const start = at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return null;
  if (e.method === 0) return data;
  if (e.method !== 8) return null;
  const r = inflateAtMost(data, e.size, 'raw');
  if (r.ok) return r.bytes;
  // More than declared: stopped at the declared size; the caller refuses it by its length.
  return r.problem === 'too-large' ? new Uint8Array(e.size + 1) : null;
}
