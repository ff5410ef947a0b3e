/**
 * FNV-1a (32-bit) over the UTF-16 code units of a text: a small, stable, non-cryptographic hash
 * for ids and seeds that must come out the same on every run (PDF document ids, the demo PRNG).
 * `basis` varies the hash for several independent words from one text.
 */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
