/**
 * Inflating data nobody vouches for: pushed in small pieces, so output beyond `limit` stops the
 * work at once (a 2 MB input that inflates to gigabytes costs the limit and a few milliseconds,
 * not the gigabytes). Synchronous (fflate): a report's record is a few KB, and the async
 * DecompressionStream cost more in event-loop round trips than the inflating itself.
 */
import { Inflate, Unzlib } from 'fflate';

/** Compressed bytes per push: at most ~1,000 times that comes out of one push (Deflate's ceiling). */
const INFLATE_PIECE = 16_384;

export type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'damaged' | 'too-large' };

/** `data` inflated (zlib: with its 2-byte header and Adler-32, as PDF's FlateDecode; raw: as ZIP), at most `limit` bytes of it. */
export function inflateAtMost(data: Uint8Array, limit: number, format: 'zlib' | 'raw'): Inflated {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const take = (chunk: Uint8Array) => {
    length += chunk.length;
    if (length <= limit) chunks.push(chunk);
  };
  const inflater = format === 'zlib' ? new Unzlib(take) : new Inflate(take);
  try {
    for (let p = 0; p < data.length && length <= limit; p += INFLATE_PIECE)
      inflater.push(data.subarray(p, p + INFLATE_PIECE), p + INFLATE_PIECE >= data.length);
    if (!data.length) inflater.push(data, true);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (length > limit) return { ok: false, problem: 'too-large' };
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes };
}
