/**
 * Reading a PDF's structure: the cross-reference sections (newest first, following /Prev),
 * the trailer, and indirect objects on demand. Classic xref tables only (what jsPDF and our
 * signatures write); a cross-reference stream is reported as unsupported, a missing
 * `startxref`/`%%EOF` or an unreadable table as truncated.
 */
import { indexOfAscii, lastIndexOfAscii } from './bytes';
import { PdfDict, PdfLexer, PdfRef, type PdfValue } from './pdf-syntax';

export type PdfReadProblem = 'not-pdf' | 'truncated' | 'unsupported';

export class PdfReadError extends Error {
  constructor(readonly problem: PdfReadProblem, message: string) {
    super(message);
    this.name = 'PdfReadError';
  }
}

export interface XrefEntry {
  offset: number;
  gen: number;
}

export interface XrefSection {
  /** Offset of the `xref` keyword. */
  offset: number;
  trailer: PdfDict;
  /** In-use entries (free entries are `null`). */
  entries: Map<number, XrefEntry | null>;
}

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
  offset: number;
  /** The stream's data, as [start, end) offsets, when the object is a stream. */
  stream?: [number, number];
}

/** Is there a `%PDF-` header in the first KB? */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, '%PDF-', 0, Math.min(bytes.length, 1024)) >= 0;
}

/** Offset of the last `startxref` value, checking that `%%EOF` follows it. */
export function findStartXref(bytes: Uint8Array): number {
  const tail = Math.max(0, bytes.length - 4096);
  const eof = lastIndexOfAscii(bytes, '%%EOF', tail);
  if (eof < 0) throw new PdfReadError('truncated', '文件不完整（末尾没有 %%EOF）');
  const at = lastIndexOfAscii(bytes, 'startxref', Math.max(0, eof - 64), eof);
  if (at < 0) throw new PdfReadError('truncated', '文件不完整（没有 startxref）');
  const lex = new PdfLexer(bytes, at + 9, eof);
  const w = lex.word();
  if (!/^\d+$/.test(w)) throw new PdfReadError('truncated', '文件不完整（startxref 无效）');
  return Number(w);
}

function readSection(bytes: Uint8Array, offset: number): XrefSection {
  if (offset <= 0 || offset >= bytes.length) throw new PdfReadError('truncated', '文件不完整（交叉引用表的位置超出文件）');
  const lex = new PdfLexer(bytes, offset);
  const first = lex.word();
  if (/^\d+$/.test(first)) throw new PdfReadError('unsupported', '不支持交叉引用流（cross-reference stream）格式的 PDF');
  if (first !== 'xref') throw new PdfReadError('truncated', '交叉引用表无法读取');
  const entries = new Map<number, XrefEntry | null>();
  for (;;) {
    const w = lex.word(true);
    if (w === 'trailer') {
      lex.word();
      break;
    }
    const start = lex.integer();
    const count = lex.integer();
    if (count > 8_000_000) throw new PdfReadError('truncated', '交叉引用表无法读取');
    for (let i = 0; i < count; i++) {
      const off = lex.integer();
      const gen = lex.integer();
      const kind = lex.word();
      if (kind !== 'n' && kind !== 'f') throw new PdfReadError('truncated', '交叉引用表无法读取');
      entries.set(start + i, kind === 'n' && off > 0 ? { offset: off, gen } : null);
    }
  }
  const trailer = lex.value();
  if (!(trailer instanceof PdfDict)) throw new PdfReadError('truncated', '文件尾（trailer）无法读取');
  return { offset, trailer, entries };
}

export class PdfFile {
  /** Newest first. */
  readonly sections: XrefSection[] = [];
  private readonly table = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, IndirectObject | null>();

  /** Parse the structure of `bytes` (which may be a prefix of a file: one revision). */
  constructor(readonly bytes: Uint8Array) {
    if (!hasPdfHeader(bytes)) throw new PdfReadError('not-pdf', '不是 PDF 文件（没有 %PDF- 文件头）');
    let offset: number | undefined = findStartXref(bytes);
    const seen = new Set<number>();
    while (offset !== undefined) {
      if (seen.has(offset) || seen.size > 10_000) throw new PdfReadError('truncated', '交叉引用表的 /Prev 链有环');
      seen.add(offset);
      let section: XrefSection;
      try {
        section = readSection(bytes, offset);
      } catch (e) {
        if (e instanceof PdfReadError) throw e;
        throw new PdfReadError('truncated', '交叉引用表无法读取');
      }
      this.sections.push(section);
      const prev = section.trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
    for (const s of [...this.sections].reverse()) {
      for (const [num, e] of s.entries) {
        if (e) this.table.set(num, e);
        else this.table.delete(num);
      }
    }
  }

  get trailer(): PdfDict {
    return this.sections[0].trailer;
  }

  /** Offset of the newest xref section (the next update's /Prev). */
  get lastXref(): number {
    return this.sections[0].offset;
  }

  /** The highest object number + 1 (the trailer's /Size, or more if the table says so). */
  get size(): number {
    const s = this.trailer.get('Size');
    let max = typeof s === 'number' ? s : 0;
    for (const num of this.table.keys()) max = Math.max(max, num + 1);
    return max;
  }

  entry(num: number): XrefEntry | undefined {
    return this.table.get(num);
  }

  /** Parse the object at `offset` (expected to be `num gen obj`). */
  objectAt(offset: number, num?: number): IndirectObject {
    const lex = new PdfLexer(this.bytes, offset);
    const n = lex.integer();
    const gen = lex.integer();
    lex.expectWord('obj');
    if (num !== undefined && n !== num) throw new PdfReadError('truncated', `对象 ${num} 的位置不对`);
    const value = lex.value();
    const obj: IndirectObject = { num: n, gen, value, offset };
    if (value instanceof PdfDict && lex.word(true) === 'stream') {
      lex.word();
      let start = lex.pos;
      if (this.bytes[start] === 0x0d) start++;
      if (this.bytes[start] === 0x0a) start++;
      const lengthValue = value.get('Length');
      const length = typeof lengthValue === 'number' ? lengthValue : lengthValue instanceof PdfRef && lengthValue.num !== n ? this.resolve(lengthValue) : undefined;
      let end = typeof length === 'number' && length >= 0 ? start + length : -1;
      if (end >= 0 && end <= this.bytes.length) {
        const after = new PdfLexer(this.bytes, end);
        if (after.word() !== 'endstream') end = -1;
      } else end = -1;
      if (end < 0) {
        // Length missing or wrong: the data ends before the `endstream` keyword (and its EOL).
        const k = indexOfAscii(this.bytes, 'endstream', start);
        if (k < 0) throw new PdfReadError('truncated', '文件不完整（流没有结束）');
        end = k;
        if (this.bytes[end - 1] === 0x0a) end--;
        if (this.bytes[end - 1] === 0x0d) end--;
      }
      obj.stream = [start, end];
    }
    return obj;
  }

  /** The current (newest) version of object `num`, or undefined when it does not exist. */
  object(num: number): IndirectObject | undefined {
    if (this.cache.has(num)) return this.cache.get(num) ?? undefined;
    const e = this.table.get(num);
    let obj: IndirectObject | null = null;
    if (e && e.offset < this.bytes.length) {
      this.cache.set(num, null); // guards against reference loops while parsing
      try {
        obj = this.objectAt(e.offset, num);
      } catch {
        obj = null;
      }
    }
    this.cache.set(num, obj);
    return obj ?? undefined;
  }

  /** Follow references (a chain of them, at most a few deep) to a direct value. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; i < 16 && v instanceof PdfRef; i++) v = this.object(v.num)?.value;
    return v instanceof PdfRef ? undefined : v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.resolve(v);
    return d instanceof PdfDict ? d : undefined;
  }

  /** Every object offset any revision's xref names (old versions included), with its number. */
  allObjectOffsets(): { num: number; offset: number }[] {
    const seen = new Set<number>();
    const out: { num: number; offset: number }[] = [];
    for (const s of this.sections) {
      for (const [num, e] of s.entries) {
        if (!e || seen.has(e.offset) || e.offset >= this.bytes.length) continue;
        seen.add(e.offset);
        out.push({ num, offset: e.offset });
      }
    }
    return out;
  }
}
