/**
 * Node only: PDF streams deflated by Node's native zlib instead of the pure-JS default. The CLI
 * (and the bench, which times what the CLI does) call this once at start-up; utils/pdf itself
 * stays free of Node modules.
 */
import { deflateSync } from 'node:zlib';
import { useDeflate } from '../utils/pdf/jspdf-patches';

export function useNativeDeflate(): void {
  useDeflate((bytes, level) => {
    const out = deflateSync(bytes, { level });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  });
}
