/**
 * The deflate (zlib format) every PDF stream goes through. In pure JS by default (fflate, as
 * jsPDF itself uses); a Node program may hand in the platform's native zlib with `useDeflate`
 * (the CLI does: see utils/pdf/node-deflate.ts), which is several times faster on the ~120 KB
 * font programs. Both give valid zlib streams; the bytes differ, the decoded content does not.
 */
import { zlibSync } from 'fflate';

type Deflate = (bytes: Uint8Array, level: 1 | 6) => Uint8Array;

let current: Deflate = (bytes, level) => zlibSync(bytes, { level });

/** Deflate `bytes` into a zlib stream: level 6 (jsPDF's default) for streams, 1 for images. */
export function deflate(bytes: Uint8Array, level: 1 | 6 = 6): Uint8Array {
  return current(bytes, level);
}

/** Use `fn` (a zlib-format deflate) for every PDF stream from now on. */
export function useDeflate(fn: Deflate): void {
  current = fn;
}
