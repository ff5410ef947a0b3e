/**
 * PDF object syntax (ISO 32000 §7.3), just enough to read and rewrite the few objects a
 * signature touches: numbers, strings, names, arrays, dictionaries, references, streams.
 * Works on bytes; offsets are byte offsets. A dictionary remembers where each value sat in the
 * file, so a rewritten dictionary copies untouched entries byte for byte.
 */
import { latin1, toHex } from './bytes';

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfString {
  /** `hex`: written as <…> in the file. */
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
  /** A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with its mark (PDF 2.0), else PDFDocEncoding (≈ Latin-1). */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
      return s;
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder().decode(b.subarray(3));
    return latin1(b);
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;

export class PdfDict {
  readonly entries = new Map<string, PdfValue>();
  /** Where each value was in `source` ([start, end) byte offsets); dropped when the value is set. */
  readonly spans = new Map<string, [number, number]>();
  /**
   * The first key that appeared twice when this dictionary was parsed (the later value is kept).
   * Readers disagree on which value wins, so the verifier refuses such a dictionary where it
   * matters: a second /ByteRange in a signature dictionary is how signature wrapping hides the
   * range the signer really signed.
   */
  duplicateKey?: string;
  constructor(readonly source?: Uint8Array) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    this.spans.delete(key);
    return this;
  }
  delete(key: string): void {
    this.entries.delete(key);
    this.spans.delete(key);
  }
  name(key: string): string | undefined {
    const v = this.entries.get(key);
    return v instanceof PdfName ? v.name : undefined;
  }
  /** A copy whose untouched entries still copy their original bytes. */
  clone(): PdfDict {
    const d = new PdfDict(this.source);
    for (const [k, v] of this.entries) d.entries.set(k, v);
    for (const [k, s] of this.spans) d.spans.set(k, s);
    return d;
  }
}

class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (offset ${offset})`);
    this.name = 'PdfSyntaxError';
  }
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number) => !WS.has(c) && !DELIM.has(c);
const MAX_DEPTH = 64;
/**
 * Elements of one array or entries of one dictionary. A report's largest array has a few hundred;
 * an 18 MB name tree in one /Names array (800,000 names) would become millions of objects and
 * over a gigabyte before anyone looked at it.
 */
const MAX_ELEMENTS = 100_000;
/** A number token. Not `\d+\.?\d*`: that backtracks quadratically on a long run of digits (1 MB of them hangs for minutes). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Hex digit → value; -2 for PDF whitespace (skipped inside a hex string); -1 for anything else. */
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 256; c++) {
  if (c >= 0x30 && c <= 0x39) HEX[c] = c - 0x30;
  else if (c >= 0x41 && c <= 0x46) HEX[c] = c - 0x37;
  else if (c >= 0x61 && c <= 0x66) HEX[c] = c - 0x57;
  else if (WS.has(c)) HEX[c] = -2;
}

/** A cursor over PDF bytes. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    readonly end = bytes.length,
  ) {
    this.pos = pos;
  }

  skipWhitespace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** The next run of regular characters (a keyword or number), without moving past it if `peek`. */
  word(peek = false): string {
    this.skipWhitespace();
    let p = this.pos;
    while (p < this.end && isRegular(this.bytes[p])) p++;
    const w = latin1(this.bytes, this.pos, p);
    if (!peek) this.pos = p;
    return w;
  }

  expectWord(w: string): void {
    const at = this.pos;
    const got = this.word();
    if (got !== w) throw new PdfSyntaxError(`expected "${w}", found "${got.slice(0, 20)}"`, at);
  }

  integer(): number {
    const at = this.pos;
    const w = this.word();
    if (!/^\d+$/.test(w)) throw new PdfSyntaxError(`expected an integer, found "${w.slice(0, 20)}"`, at);
    return Number(w);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError('objects nested too deeply', this.pos);
    this.skipWhitespace();
    if (this.pos >= this.end) throw new PdfSyntaxError('unexpected end of data', this.pos);
    const b = this.bytes;
    const c = b[this.pos];
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) return b[this.pos + 1] === 0x3c ? this.dict(depth) : this.hexString();
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace();
        if (this.pos >= this.end) throw new PdfSyntaxError('unterminated array', this.pos);
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        if (arr.length >= MAX_ELEMENTS) throw new PdfSyntaxError(`array longer than ${MAX_ELEMENTS} elements`, this.pos);
        arr.push(this.value(depth + 1));
      }
    }
    const at = this.pos;
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (NUMBER.test(w)) {
      if (/^\d+$/.test(w)) {
        // `num gen R`?
        const save = this.pos;
        const gen = this.word();
        if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(Number(w), Number(gen));
        this.pos = save;
      }
      return Number(w);
    }
    throw new PdfSyntaxError(`unexpected "${w.slice(0, 20) || String.fromCharCode(c)}"`, at);
  }

  private name(): PdfName {
    this.pos++;
    let s = '';
    const b = this.bytes;
    while (this.pos < this.end && isRegular(b[this.pos])) {
      if (b[this.pos] === 0x23 && this.pos + 2 < this.end && /^[0-9a-fA-F]{2}$/.test(latin1(b, this.pos + 1, this.pos + 3))) {
        s += String.fromCharCode(parseInt(latin1(b, this.pos + 1, this.pos + 3), 16));
        this.pos += 3;
      } else s += String.fromCharCode(b[this.pos++]);
    }
    return new PdfName(s);
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    this.pos++;
    const out: number[] = [];
    let nest = 1;
    while (this.pos < this.end) {
      const c = b[this.pos++];
      if (c === 0x5c) {
        const e = b[this.pos++];
        const map: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (e in map) out.push(map[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; k++) v = v * 8 + (b[this.pos++] - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        nest++;
        out.push(c);
      } else if (c === 0x29) {
        if (--nest === 0) return new PdfString(Uint8Array.from(out));
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError('unterminated string', start);
  }

  /** `<…>`: linear and bounded by `end` (a 10 MB hex string costs one pass, never a search to the end of the file per string). */
  private hexString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    let close = start + 1;
    while (close < this.end && b[close] !== 0x3e) close++;
    if (close >= this.end) throw new PdfSyntaxError('unterminated hex string', start);
    const out = new Uint8Array((close - start) >> 1);
    let n = 0;
    let high = -1;
    for (let i = start + 1; i < close; i++) {
      const v = HEX[b[i]];
      if (v === -2) continue;
      if (v < 0) throw new PdfSyntaxError('bad hex string', start);
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high << 4;
    this.pos = close + 1;
    return new PdfString(out.slice(0, n), true);
  }

  private dict(depth: number): PdfDict {
    const b = this.bytes;
    const d = new PdfDict(this.bytes);
    this.pos += 2;
    for (;;) {
      this.skipWhitespace();
      if (this.pos + 1 >= this.end) throw new PdfSyntaxError('unterminated dictionary', this.pos);
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return d;
      }
      if (b[this.pos] !== 0x2f) throw new PdfSyntaxError('dictionary key is not a name', this.pos);
      if (d.entries.size >= MAX_ELEMENTS) throw new PdfSyntaxError(`dictionary with more than ${MAX_ELEMENTS} entries`, this.pos);
      const key = this.name().name;
      this.skipWhitespace();
      const start = this.pos;
      const v = this.value(depth + 1);
      if (d.duplicateKey === undefined && d.entries.has(key)) d.duplicateKey = key;
      d.entries.set(key, v);
      d.spans.set(key, [start, this.pos]);
    }
  }
}

// ---- writing ----

function writeName(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    out += c > 0x20 && c < 0x7f && c !== 0x23 && isRegular(c) ? name[i] : `#${c.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

/** A text string: a literal for printable ASCII, else UTF-16BE hex with a byte-order mark. */
export function writeTextString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Serialize a value as PDF syntax (a Latin-1 string: one char per byte). */
export function writeValue(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (v instanceof PdfName) return writeName(v.name);
  if (v instanceof PdfString) return `<${toHex(v.bytes).toUpperCase()}>`;
  if (v instanceof PdfRef) return v.toString();
  if (Array.isArray(v)) return `[${v.map(writeValue).join(' ')}]`;
  const parts: string[] = [];
  for (const [k, val] of v.entries) {
    const span = v.spans.get(k);
    parts.push(`${writeName(k)} ${span && v.source ? latin1(v.source, span[0], span[1]) : writeValue(val)}`);
  }
  return `<< ${parts.join(' ')} >>`;
}
