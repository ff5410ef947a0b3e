/**
 * A handwritten-looking signature for the demo record: cursive loops drawn with a pen of
 * varying pressure, one cluster per character of the name, and a closing flourish, as a
 * PNG data URL (grey + alpha, like a canvas export). Deterministic for a name and seed.
 */
import { deflateSync } from 'node:zlib';
import { Prng } from './prng';
import { toBase64 } from '../utils/sign/bytes';

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
function encodeGreyAlphaPng(alpha: Uint8Array, width: number, height: number): Uint8Array {
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

/** Stamp a pen of varying pressure densely along a polyline. */
function stroke(alpha: Uint8Array, pts: [number, number][], width: number): void {
  for (let i = 0; i < pts.length - 1; i++) {
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[i + 1];
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2) + 1;
    // Thinner on up-strokes, heavier on down-strokes, as with a real pen.
    const r = width * (y1 > y0 ? 1.15 : 0.75);
    for (let s = 0; s <= steps; s++) stamp(alpha, x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, r);
  }
}

/** A PNG data URL of a scribbled signature for `name`. */
export function demoSignaturePng(name: string, seed: string): string {
  const rng = new Prng(`${seed}|signature|${name}`);
  const alpha = new Uint8Array(W * H);
  const chars = Math.max(2, Math.min(4, [...name].length));
  const slant = 0.25 + rng.next() * 0.2;
  const pen = 1.2 + rng.next() * 0.5;
  const pts: [number, number][] = [];
  let x = 28;
  const span = (W - 70) / chars;
  for (let c = 0; c < chars; c++) {
    // Each character: a run of cursive loops (a trochoid), the first one taller.
    const loops = rng.int(2, 3);
    const height = (c === 0 ? 58 : 34) + rng.next() * 14;
    const base = 84 + (rng.next() - 0.5) * 8;
    const step = span / (loops * 2 * Math.PI);
    const loopR = step * (1.6 + rng.next() * 0.8);
    for (let k = 0; k <= loops * 48; k++) {
      const th = (k / 48) * 2 * Math.PI;
      const px = x + step * th - loopR * Math.sin(th);
      const py = base - (height / 2) * (1 - Math.cos(th)) * (0.8 + 0.2 * Math.sin(th * 0.5 + c));
      pts.push([px + slant * (base - py), py]);
    }
    x += span;
  }
  stroke(alpha, pts, pen);
  // The flourish underneath, from the last letter back under the name.
  const flourish: [number, number][] = [];
  const y0 = 100 + rng.next() * 6;
  for (let k = 0; k <= 60; k++) {
    const t = k / 60;
    flourish.push([W - 40 - t * (W - 90), y0 - 10 * Math.sin(Math.PI * t) + t * 4]);
  }
  stroke(alpha, flourish, pen * 0.8);
  const png = encodeGreyAlphaPng(alpha, W, H);
  return `data:image/png;base64,${toBase64(png)}`;
}
