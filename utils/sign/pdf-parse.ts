/**
 * Reading a PDF's structure: the cross-reference sections (newest first, following /Prev),
 * the trailer, and indirect objects on demand. Classic xref tables only (what jsPDF and our
 * signatures write); a cross-reference stream is reported as unsupported, a missing
 * `startxref`/`%%EOF` as truncated, and a structure that lies (a startxref or /Prev that does
 * not point at a table, entries not 20 bytes, counts that do not match, an object listed twice
 * or beyond the end of the file) as malformed: strict, because a lenient reader that repairs a
 * file may read other objects than the next reader does.
 *
 * Objects never overlap: each is read only up to the next object or xref section the tables
 * name, so an xref entry pointing into the middle of another object (hiding an object inside a
 * string or stream) breaks that object instead of adding one, and parsing every object of a
 * hostile file costs at most one pass over it.
 */
import { indexOfAscii, lastIndexOfAscii } from './bytes';
import { PdfDict, PdfLexer, PdfRef, type PdfValue } from './pdf-syntax';

export type PdfReadProblem = 'not-pdf' | 'truncated' | 'unsupported' | 'malformed';

export class PdfReadError extends Error {
  constructor(
    readonly problem: PdfReadProblem,
    message: string,
  ) {
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
  /** False when the stream's /Length is missing or wrong (the data was found by searching for `endstream`). */
  streamLengthOk?: boolean;
}

/** Is there a `%PDF-` header in the first KB? */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, '%PDF-', 0, Math.min(bytes.length, 1024)) >= 0;
}

/** Offset of the last `startxref` value, checking that `%%EOF` follows it. */
function findStartXref(bytes: Uint8Array): number {
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

/** One 20-byte xref entry at `p` (§7.5.4: `nnnnnnnnnn ggggg n` and a two-byte end of line), or null. */
function readEntry(bytes: Uint8Array, p: number): { offset: number; gen: number; used: boolean } | null {
  if (p + 20 > bytes.length) return null;
  let offset = 0;
  let gen = 0;
  for (let i = 0; i < 10; i++) {
    const c = bytes[p + i] - 0x30;
    if (c < 0 || c > 9) return null;
    offset = offset * 10 + c;
  }
  for (let i = 11; i < 16; i++) {
    const c = bytes[p + i] - 0x30;
    if (c < 0 || c > 9) return null;
    gen = gen * 10 + c;
  }
  const kind = bytes[p + 17];
  const eol = (bytes[p + 18] << 8) | bytes[p + 19];
  if (bytes[p + 10] !== 0x20 || bytes[p + 16] !== 0x20 || (kind !== 0x6e && kind !== 0x66)) return null;
  if (eol !== 0x200a && eol !== 0x200d && eol !== 0x0d0a) return null;
  return { offset, gen, used: kind === 0x6e };
}

/** Is there a cross-reference stream (`N G obj << /Type /XRef … >>`) at `offset`? */
function isXrefStream(bytes: Uint8Array, offset: number): boolean {
  try {
    const lex = new PdfLexer(bytes, offset);
    lex.integer();
    lex.integer();
    lex.expectWord('obj');
    const v = lex.value();
    return v instanceof PdfDict && v.name('Type') === 'XRef';
  } catch {
    return false;
  }
}

/** The xref section at `offset`, which `via` (startxref or a trailer's /Prev) pointed to. */
function readSection(bytes: Uint8Array, offset: number, via: string): XrefSection {
  if (!Number.isInteger(offset) || offset <= 0 || offset >= bytes.length) throw new PdfReadError('malformed', `${via} 指向的位置（${offset}）超出文件`);
  const lex = new PdfLexer(bytes, offset);
  const first = lex.word();
  if (first !== 'xref') {
    if (/^\d+$/.test(first) && isXrefStream(bytes, offset)) throw new PdfReadError('unsupported', '不支持交叉引用流（cross-reference stream）格式的 PDF');
    // E.g. a startxref pointing into the middle of an object, or at a forged object.
    throw new PdfReadError('malformed', `${via} 指向的位置（${offset}）不是交叉引用表`);
  }
  const entries = new Map<number, XrefEntry | null>();
  for (;;) {
    const w = lex.word(true);
    if (w === 'trailer') {
      lex.word();
      break;
    }
    const start = lex.integer();
    const count = lex.integer();
    // The subsection header ends its line; then come `count` entries of exactly 20 bytes each.
    let p = lex.pos;
    while (bytes[p] === 0x20) p++;
    if (bytes[p] !== 0x0a && bytes[p] !== 0x0d) throw new PdfReadError('malformed', `交叉引用表的小节头（${start} ${count}）格式不对，或条目数与实际条目不符`);
    if (bytes[p] === 0x0d) p++;
    if (bytes[p] === 0x0a) p++;
    if (p + count * 20 > bytes.length) throw new PdfReadError('malformed', `交叉引用表的条目数（${count}）超出文件`);
    for (let i = 0; i < count; i++, p += 20) {
      const num = start + i;
      const e = readEntry(bytes, p);
      if (!e) throw new PdfReadError('malformed', `交叉引用表在对象 ${num} 处格式不对（每个条目应恰为 20 字节，或条目数与实际条目不符）`);
      // The same object twice in one section: readers disagree on which one counts.
      if (entries.has(num)) throw new PdfReadError('malformed', `交叉引用表中对象 ${num} 出现了两次`);
      if (e.used && e.offset >= bytes.length) throw new PdfReadError('malformed', `交叉引用表中对象 ${num} 的位置（${e.offset}）超出文件末尾`);
      entries.set(num, e.used && e.offset > 0 ? { offset: e.offset, gen: e.gen } : null);
    }
    lex.pos = p;
  }
  let trailer: PdfValue;
  try {
    trailer = lex.value();
  } catch {
    trailer = null;
  }
  if (!(trailer instanceof PdfDict)) throw new PdfReadError('malformed', '文件尾（trailer）无法读取');
  // A hybrid file: readers that know cross-reference streams would also read objects we never see.
  if (trailer.get('XRefStm') !== undefined) throw new PdfReadError('unsupported', '不支持混合交叉引用（trailer 中的 /XRefStm）格式的 PDF');
  return { offset, trailer, entries };
}

/** What was read at an offset: the object, or the error (after its numbers, when they were read). */
type ParsedAt = { n?: number; g?: number } & ({ obj: IndirectObject; error?: undefined } | { obj?: undefined; error: unknown });

export class PdfFile {
  /** Newest first. */
  readonly sections: XrefSection[] = [];
  private readonly table = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, IndirectObject | null>();
  private readonly parsed = new Map<number, ParsedAt>();
  /** Sorted offsets of every object and xref section the tables name, and the file's end. */
  private boundaries?: number[];

  /** Parse the structure of `bytes` (which may be a prefix of a file: one revision). */
  constructor(readonly bytes: Uint8Array) {
    if (!hasPdfHeader(bytes)) throw new PdfReadError('not-pdf', '不是 PDF 文件（没有 %PDF- 文件头）');
    let offset: number | undefined = findStartXref(bytes);
    let via = 'startxref';
    const seen = new Set<number>();
    while (offset !== undefined) {
      if (seen.has(offset) || seen.size > 10_000) throw new PdfReadError('malformed', '交叉引用表的 /Prev 链有环');
      seen.add(offset);
      let section: XrefSection;
      try {
        section = readSection(bytes, offset, via);
      } catch (e) {
        if (e instanceof PdfReadError) throw e;
        throw new PdfReadError('malformed', `交叉引用表无法读取（偏移 ${offset}）`);
      }
      this.sections.push(section);
      const prev = section.trailer.get('Prev');
      if (prev !== undefined && typeof prev !== 'number') throw new PdfReadError('malformed', '文件尾（trailer）的 /Prev 不是数字');
      offset = prev;
      via = '文件尾（trailer）的 /Prev';
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

  /** Where the object at `offset` must end: the next object or xref section after it (objects never overlap). */
  private windowEnd(offset: number): number {
    if (!this.boundaries) {
      const all = new Set<number>([this.bytes.length]);
      for (const s of this.sections) {
        all.add(s.offset);
        for (const e of s.entries.values()) if (e) all.add(e.offset);
      }
      this.boundaries = [...all].sort((a, b) => a - b);
    }
    const b = this.boundaries;
    let lo = 0;
    let hi = b.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(offset, b[lo]);
  }

  /**
   * Parse the object at `offset` (expected to be `num gen obj`), no further than the next object.
   * Parsed once per offset: finding the signatures, checking later revisions and refusing other
   * attachments each read every object of the file.
   */
  objectAt(offset: number, num?: number, gen?: number): IndirectObject {
    let p = this.parsed.get(offset);
    if (!p) {
      p = this.parseAt(offset);
      this.parsed.set(offset, p);
    }
    if (p.n !== undefined && ((num !== undefined && p.n !== num) || (gen !== undefined && p.g !== gen)))
      throw new PdfReadError('malformed', `对象 ${num} 的位置不对`);
    if (!p.obj) throw p.error;
    return p.obj;
  }

  private parseAt(offset: number): ParsedAt {
    let n: number | undefined;
    let g: number | undefined;
    try {
      const limit = this.windowEnd(offset);
      const lex = new PdfLexer(this.bytes, offset, limit);
      const num = lex.integer();
      g = lex.integer();
      n = num;
      lex.expectWord('obj');
      return { n, g, obj: this.objectBody(lex, n, g, offset, limit) };
    } catch (error) {
      return { n, g, error };
    }
  }

  private objectBody(lex: PdfLexer, n: number, g: number, offset: number, limit: number): IndirectObject {
    const value = lex.value();
    const obj: IndirectObject = { num: n, gen: g, value, offset };
    if (value instanceof PdfDict && lex.word(true) === 'stream') {
      lex.word();
      let start = lex.pos;
      if (this.bytes[start] === 0x0d) start++;
      if (this.bytes[start] === 0x0a) start++;
      const lengthValue = value.get('Length');
      const length =
        typeof lengthValue === 'number' ? lengthValue : lengthValue instanceof PdfRef && lengthValue.num !== n ? this.resolve(lengthValue) : undefined;
      let end = typeof length === 'number' && Number.isInteger(length) && length >= 0 ? start + length : -1;
      if (end >= 0 && end <= limit) {
        const after = new PdfLexer(this.bytes, end, limit);
        if (after.word() !== 'endstream') end = -1;
      } else end = -1;
      obj.streamLengthOk = end >= 0;
      if (end < 0) {
        // Length missing or wrong: the data ends before the `endstream` keyword (and its EOL).
        const k = indexOfAscii(this.bytes, 'endstream', start, limit);
        if (k < 0) throw new PdfReadError('malformed', `对象 ${n} 的流没有结束（没有 endstream）`);
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
        obj = this.objectAt(e.offset, num, e.gen);
      } catch {
        obj = null;
      }
    }
    this.cache.set(num, obj);
    return obj ?? undefined;
  }

  /** Follow references (a chain of them, at most a few deep) to a direct value. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; i < 16 && v instanceof PdfRef; i++) {
      const obj = this.object(v.num);
      // `5 1 R` to an object stored as `5 0 obj` is a reference to nothing (§7.3.10: null); a lenient reader that follows it reads another object than we do.
      v = obj && obj.gen === v.gen ? obj.value : undefined;
    }
    return v instanceof PdfRef ? undefined : v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.resolve(v);
    return d instanceof PdfDict ? d : undefined;
  }

  /** The current (newest) entry of every object: what a reader of this revision sees. */
  currentObjects(): { num: number; gen: number; offset: number }[] {
    return [...this.table].filter(([, e]) => e.offset < this.bytes.length).map(([num, e]) => ({ num, gen: e.gen, offset: e.offset }));
  }

  /** Every object offset any revision's xref names (old versions included), with its number. */
  allObjectOffsets(): { num: number; gen: number; offset: number }[] {
    const seen = new Set<number>();
    const out: { num: number; gen: number; offset: number }[] = [];
    for (const s of this.sections) {
      for (const [num, e] of s.entries) {
        if (!e || seen.has(e.offset) || e.offset >= this.bytes.length) continue;
        seen.add(e.offset);
        out.push({ num, gen: e.gen, offset: e.offset });
      }
    }
    return out;
  }

  /** Where the object at `offset` (one of allObjectOffsets) may extend to. */
  objectEnd(offset: number): number {
    return this.windowEnd(offset);
  }
}
