/**
 * The observation record embedded in a report: Catalog → /Names → /EmbeddedFiles (a name
 * tree) → `observation.json` → its /EmbeddedFile stream, inflated with DecompressionStream
 * (browsers and Node 20) under a size limit, so a decompression bomb cannot exhaust memory.
 *
 * Strict wherever two readers could see two different records: the name must occur once in the
 * tree, /F and /UF must name the same stream, the stream's /Length must be exact, no key may
 * repeat in a dictionary on the way, and the data must be in the file (no /F on the stream).
 * Only unfiltered data or one FlateDecode without parameters is read; any other /Filter (a
 * chain, ASCIIHexDecode, a predictor) is refused. The tree walk visits each node once, at most
 * MAX_TREE_NODES in all and MAX_TREE_DEPTH deep, so a /Kids loop cannot hang it.
 */
import { RECORD_ATTACHMENT } from '../record';
import { toArrayBuffer } from './bytes';
import { PdfFile } from './pdf-parse';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-syntax';

const MAX_RECORD_BYTES = 20 * 1024 * 1024;
const MAX_TREE_NODES = 10_000;
const MAX_TREE_DEPTH = 32;

export class EmbeddedFileError extends Error {
  constructor(readonly problem: 'missing' | 'damaged' | 'too-large', message: string) {
    super(message);
    this.name = 'EmbeddedFileError';
  }
}

const damaged = (message: string) => new EmbeddedFileError('damaged', message);

/** A dictionary on the way to the record, refused when a key repeats (which value is real?). */
function checked(d: PdfDict | undefined, what: string): PdfDict | undefined {
  if (d?.duplicateKey !== undefined) throw damaged(`${what}中的键 /${d.duplicateKey} 出现了不止一次`);
  return d;
}

/** Every value named `key` in the name tree under `root` (§7.9.6). */
function lookupNameTree(file: PdfFile, root: PdfDict | undefined, key: string): PdfValue[] {
  const found: PdfValue[] = [];
  if (!root) return found;
  const seen = new Set<PdfDict>();
  const stack: { node: PdfDict; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    // A node reached twice is a /Kids loop (or a shared kid): refuse rather than walk it again.
    if (seen.has(node)) throw damaged('嵌入文件的名称树有环或共用的节点（/Kids）');
    if (depth > MAX_TREE_DEPTH) throw damaged(`嵌入文件的名称树超过 ${MAX_TREE_DEPTH} 层`);
    if (seen.size >= MAX_TREE_NODES) throw damaged(`嵌入文件的名称树超过 ${MAX_TREE_NODES} 个节点`);
    seen.add(node);
    checked(node, '嵌入文件的名称树');
    const names = file.resolve(node.get('Names'));
    if (names !== undefined) {
      if (!Array.isArray(names) || names.length % 2) throw damaged('嵌入文件的名称树中 /Names 不是成对的名称和值');
      for (let i = 0; i < names.length; i += 2) {
        const k = file.resolve(names[i]);
        if (!(k instanceof PdfString)) throw damaged('嵌入文件的名称树中有不是字符串的名称');
        if (k.text() === key) found.push(names[i + 1]);
      }
    }
    const kids = file.resolve(node.get('Kids'));
    if (kids !== undefined) {
      if (!Array.isArray(kids)) throw damaged('嵌入文件的名称树中 /Kids 不是数组');
      for (const kid of kids) {
        const d = file.dict(kid);
        if (!d) throw damaged('嵌入文件的名称树中有无法读取的节点');
        stack.push({ node: d, depth: depth + 1 });
      }
    }
  }
  return found;
}

async function inflate(data: Uint8Array, limit: number): Promise<Uint8Array> {
  const stream = new Blob([toArrayBuffer(data)]).stream().pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel();
        throw new EmbeddedFileError('too-large', `嵌入的记录解压后超过 ${Math.round(limit / 1048576)} MB，拒绝读取`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof EmbeddedFileError) throw e;
    throw new EmbeddedFileError('damaged', '嵌入的记录无法解压（数据损坏）');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const sameRef = (a: PdfValue | undefined, b: PdfValue | undefined) => a instanceof PdfRef && b instanceof PdfRef && a.num === b.num && a.gen === b.gen;

/** The bytes of the embedded file `name` in this revision of the PDF. */
export async function readEmbeddedFile(file: PdfFile, name = RECORD_ATTACHMENT, limit = MAX_RECORD_BYTES): Promise<Uint8Array> {
  const root = checked(file.dict(file.trailer.get('Root')), '文档目录（Catalog）');
  const names = checked(file.dict(root?.get('Names')), '文档目录的 /Names ');
  const tree = file.dict(names?.get('EmbeddedFiles'));
  const matches = lookupNameTree(file, tree, name);
  // Two entries under one name (e.g. a second observation.json added by a new Catalog): which one a reader shows is anyone's guess.
  if (matches.length > 1) throw damaged(`嵌入文件的名称树中 ${name} 出现了 ${matches.length} 次`);
  const spec = checked(file.dict(matches[0]), `嵌入文件 ${name} 的文件说明`);
  const ef = checked(file.dict(spec?.get('EF')), `嵌入文件 ${name} 的 /EF `);
  const f = ef?.get('F');
  const uf = ef?.get('UF');
  if (f !== undefined && uf !== undefined && !sameRef(f, uf)) throw damaged(`嵌入文件 ${name} 的 /F 与 /UF 指向不同的数据`);
  const streamRef = uf ?? f;
  if (!(streamRef instanceof PdfRef)) throw new EmbeddedFileError('missing', `PDF 中没有嵌入的记录 ${name}`);
  const obj = file.object(streamRef.num);
  if (!obj?.stream || !(obj.value instanceof PdfDict)) throw damaged(`嵌入的记录 ${name} 无法读取`);
  const dict = checked(obj.value, `嵌入的记录 ${name} 的流字典`)!;
  // The data must be exactly where /Length says; a reader that trusts /Length and one that searches for `endstream` must agree.
  if (!obj.streamLengthOk) throw damaged(`嵌入的记录 ${name} 的 /Length 与实际数据长度不符`);
  if (dict.get('F') !== undefined || dict.get('FFilter') !== undefined || dict.get('FDecodeParms') !== undefined) throw damaged(`嵌入的记录 ${name} 的数据不在文件中（流字典有 /F），拒绝读取`);
  const raw = file.bytes.subarray(obj.stream[0], obj.stream[1]);
  const filter = file.resolve(dict.get('Filter'));
  const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]).map((x) => (x instanceof PdfName ? x.name : '?'));
  if (filters.length === 0) {
    if (raw.length > limit) throw new EmbeddedFileError('too-large', `嵌入的记录超过 ${Math.round(limit / 1048576)} MB，拒绝读取`);
    return raw.slice();
  }
  if (filters.length === 1 && filters[0] === 'FlateDecode' && dict.get('DecodeParms') === undefined) return inflate(raw, limit);
  // A chain (FlateDecode twice: 1 KB → 1 MB → 1 GB), ASCIIHexDecode, a predictor: not something our reports contain.
  throw damaged(`嵌入的记录使用了不支持的编码（/Filter ${filters.map((x) => `/${x}`).join(' ')}${dict.get('DecodeParms') !== undefined ? ' 带 /DecodeParms' : ''}），只支持不压缩或单层 FlateDecode`);
}
