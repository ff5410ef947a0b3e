/**
 * ECDSA signatures: WebCrypto speaks IEEE P1363 (r‖s, fixed width), CMS and X.509 speak DER
 * (SEQUENCE { INTEGER r, INTEGER s }).
 */
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './bytes';

function stripInt(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

function derInt(b: Uint8Array): asn1js.Integer {
  const v = stripInt(b);
  const withSign = v[0] & 0x80 ? Uint8Array.of(0, ...v) : v;
  return new asn1js.Integer({ valueHex: toArrayBuffer(withSign) });
}

export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const seq = new asn1js.Sequence({ value: [derInt(raw.subarray(0, half)), derInt(raw.subarray(half))] });
  return new Uint8Array(seq.toBER(false));
}

/** DER → r‖s, each `size` bytes (32 for P-256, 48 for P-384, 66 for P-521); null if malformed. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | null {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1 || asn.offset !== der.length || !(asn.result instanceof asn1js.Sequence)) return null;
  const parts = asn.result.valueBlock.value;
  if (parts.length !== 2 || !parts.every((p) => p instanceof asn1js.Integer)) return null;
  const out = new Uint8Array(size * 2);
  for (let i = 0; i < 2; i++) {
    const v = stripInt(new Uint8Array((parts[i] as asn1js.Integer).valueBlock.valueHexView));
    if (v.length > size) return null;
    out.set(v, size * (i + 1) - v.length);
  }
  return out;
}

export const CURVE_SIZE: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };
