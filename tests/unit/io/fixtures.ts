/** Test data shared by the io, roster and plan tests: the demo roster and plans as the product ships them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../../../utils/plan';
import type { Unit } from '../../../utils/roster';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const json = (name: string) => JSON.parse(readFileSync(`${root}public/defaults/${name}`, 'utf8'));

export const demoUnits = (): Unit[] => json('units.json').units;
export const demoPlan = (year: 2026 | 2027): Plan => json(`plan-${year}.json`);

/** A small deterministic PRNG (xorshift32) for "random" bytes that are the same on every run. */
export function randomBytes(length: number, seed: number, min = 0): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = min + (x % (256 - min));
  }
  return out;
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
