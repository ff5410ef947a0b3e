/**
 * The outer layers of a DER structure, read as tag + byte slices without building an object per
 * element. asn1js builds a full tree with several buffer checks per node (~3 ms for a 1.4 KB
 * CMS, half of a report's verification); the CMS reader walks the envelope with this and gives
 * asn1js only the parts it reads field by field. Definite lengths only: BER's indefinite form
 * (or anything malformed) gives null, and the caller falls back to the full parser.
 */
export interface DerElement {
  tag: number;
  /** The whole element, header included. */
  der: Uint8Array;
  /** The contents (after the header). */
  body: Uint8Array;
}

/** The element that starts at `at` in `b`, or null when it is not a definite-length element inside `b`. */
function elementAt(b: Uint8Array, at: number): DerElement | null {
  if (at + 2 > b.length) return null;
  const tag = b[at];
  if ((tag & 0x1f) === 0x1f) return null; // multi-byte tag numbers: not in a CMS envelope
  const first = b[at + 1];
  let header = 2;
  let length = first;
  if (first >= 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4 || at + 2 + n > b.length) return null; // 0: indefinite length (BER)
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + b[at + 2 + i];
    header += n;
  }
  const end = at + header + length;
  if (end > b.length) return null;
  return { tag, der: b.subarray(at, end), body: b.subarray(at + header, end) };
}

/** The element at the start of `b` (what follows it is not read, as asn1js's fromBER), or null. */
export function derElement(b: Uint8Array): DerElement | null {
  return elementAt(b, 0);
}

/** The elements that fill a constructed element's contents exactly, in order, or null. */
export function derChildren(e: DerElement): DerElement[] | null {
  if (!(e.tag & 0x20)) return null;
  const out: DerElement[] = [];
  for (let at = 0; at < e.body.length;) {
    const c = elementAt(e.body, at);
    if (!c) return null;
    out.push(c);
    at += c.der.length;
  }
  return out;
}
