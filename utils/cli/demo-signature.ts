/**
 * A handwritten-looking signature for the demo record: cursive loops drawn with a pen of
 * varying pressure, one cluster per character of the name, and a closing flourish, as a
 * PNG data URL (grey + alpha, like a canvas export). Deterministic for a name and seed.
 */
import { deflateSync } from 'node:zlib';
import { Prng } from './prng';

const W = 360;
const H = 120;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encode 8-bit grey+alpha pixels (alpha only; ink is black) as PNG bytes. */
export function encodeGreyAlphaPng(alpha: Uint8Array, width: number, height: number): Uint8Array {
  const raw = new Uint8Array(height * (1 + 2 * width));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + 2 * width);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      raw[row + 1 + 2 * x] = 20; // ink grey level
      raw[row + 2 + 2 * x] = alpha[y * width + x];
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 4, 0, 0, 0], 8); // 8-bit, grey+alpha, deflate, no filter, no interlace
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Stamp an anti-aliased disc of radius r at (cx, cy). */
function stamp(alpha: Uint8Array, cx: number, cy: number, r: number): void {
  const x0 = Math.max(0, Math.floor(cx - r - 1));
  const x1 = Math.min(W - 1, Math.ceil(cx + r + 1));
  const y0 = Math.max(0, Math.floor(cy - r - 1));
  const y1 = Math.min(H - 1, Math.ceil(cy + r + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const a = Math.max(0, Math.min(1, r + 0.5 - d));
      const i = y * W + x;
      alpha[i] = Math.max(alpha[i], Math.round(a * 255));
    }
  }
}

/** Catmull-Rom through the points, stamped densely with a pressure-varying pen. */
function stroke(alpha: Uint8Array, pts: [number, number][], rng: Prng): void {
  const at = (i: number) => pts[Math.max(0, Math.min(pts.length - 1, i))];
  for (let i = 0; i < pts.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const steps = Math.ceil(Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) * 2) + 1;
    const pressure = 1.1 + rng.next() * 0.9;
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const x = 0.5 * (2 * p1[0] + (-p0[0] + p2[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2 + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3);
      const y = 0.5 * (2 * p1[1] + (-p0[1] + p2[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2 + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3);
      stamp(alpha, x, y, pressure * (0.8 + 0.4 * Math.sin(Math.PI * t)));
    }
  }
}

/** A PNG data URL of a scribbled signature for `name`. */
export function demoSignaturePng(name: string, seed: string): string {
  const rng = new Prng(`${seed}|signature|${name}`);
  const alpha = new Uint8Array(W * H);
  const chars = Math.max(2, Math.min(4, [...name].length));
  const cell = (W - 80) / chars;
  const pts: [number, number][] = [];
  let x = 30;
  for (let c = 0; c < chars; c++) {
    // Each character: a few loops, taller at the start of the name.
    const loops = rng.int(2, 4);
    const height = (c === 0 ? 38 : 26) + rng.next() * 10;
    for (let l = 0; l < loops; l++) {
      const w = cell / loops;
      pts.push([x + w * 0.2, 70 - height * (0.6 + rng.next() * 0.4)]);
      pts.push([x + w * 0.55, 78 + rng.next() * 8]);
      pts.push([x + w * 0.9, 64 - rng.next() * 12]);
      x += w;
    }
  }
  stroke(alpha, pts, rng);
  // The flourish underneath.
  stroke(alpha, [[40, 98], [W * 0.4, 92 + rng.next() * 6], [W * 0.75, 96], [W - 30, 86 - rng.next() * 8]], rng);
  const png = encodeGreyAlphaPng(alpha, W, H);
  let bin = '';
  for (let i = 0; i < png.length; i += 0x8000) bin += String.fromCharCode(...png.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}
