/**
 * DER SET OF: elements sorted by their encodings, compared as octet strings with the shorter
 * one padded with zeros (X.690 §11.6). pkijs does not sort; a verifier hashes the bytes as sent,
 * so the order we sign must be the order we send.
 */
import * as asn1js from 'asn1js';

function compareDer(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Encode each element, sort, and return both the sorted elements and their DER encodings. */
export function sortForSet<T extends asn1js.BaseBlock>(elements: readonly T[]): { elements: T[]; encodings: Uint8Array[] } {
  const pairs = elements.map((e) => ({ e, der: new Uint8Array(e.toBER(false)) }));
  pairs.sort((p, q) => compareDer(p.der, q.der));
  return { elements: pairs.map((p) => p.e), encodings: pairs.map((p) => p.der) };
}

/** A definite-length DER header for `tag` and `length`. */
export function derHeader(tag: number, length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(tag, length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Uint8Array.of(tag, 0x80 | bytes.length, ...bytes);
}

/** The total length (header + content) of the DER element at the start of `b`, or -1 if not a definite-length element. */
export function derElementLength(b: Uint8Array): number {
  if (b.length < 2) return -1;
  const first = b[1];
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i];
  return 2 + n + len;
}
