/**
 * Byte helpers shared by the signing code: no Buffer, so the same code runs in browsers and Node.
 */

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A fresh ArrayBuffer holding exactly these bytes (WebCrypto and asn1js want one). */
export function toArrayBuffer(b: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (b instanceof ArrayBuffer) return b;
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export function toHex(b: Uint8Array, sep = ''): string {
  const out: string[] = [];
  for (const x of b) out.push(x.toString(16).padStart(2, '0'));
  return out.join(sep);
}

/** Bytes as a string of chars U+0000–U+00FF (PDF syntax is bytes; this keeps offsets equal to indexes). */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  // A PDF token (a few bytes, read tens of thousands of times per report): a plain loop; apply's subarray costs more than the word.
  if (end - start <= 16) {
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
    return s;
  }
  const CHUNK = 0x8000;
  for (let i = start; i < end; i += CHUNK) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  return s;
}

/** The inverse of `latin1`: every char must be ≤ U+00FF. */
export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new Error('non-latin1 character in PDF syntax');
    out[i] = c;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return s;
}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[\s=]+/g, '');
  if (/[^A-Za-z0-9+/]/.test(clean)) throw new Error('invalid base64');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

/** Find `needle` (ASCII) in `hay` from `from`, or -1. */
export function indexOfAscii(hay: Uint8Array, needle: string, from = 0, to = hay.length): number {
  const n = needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = Math.max(0, from); i + n <= to; i++) {
    if (hay[i] !== first) continue;
    for (let k = 1; k < n; k++) if (hay[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** The last `needle` (ASCII) in `hay` that starts at or after `from` and ends before `to`, or -1. */
export function lastIndexOfAscii(hay: Uint8Array, needle: string, from = 0, to = hay.length): number {
  const n = needle.length;
  outer: for (let i = to - n; i >= Math.max(0, from); i--) {
    for (let k = 0; k < n; k++) if (hay[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * The bytes as WebCrypto takes them, without a copy: WebCrypto copies its input itself (outside
 * the JavaScript heap), so slicing a report's 150 KB first only fed the garbage collector.
 */
export const cryptoInput = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', cryptoInput(data)));
}

export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
