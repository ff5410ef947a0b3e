/**
 * The observation record embedded in a report: Catalog → /Names → /EmbeddedFiles (a name
 * tree) → `observation.json` → its /EmbeddedFile stream, inflated under a size limit (utils/io
 * inflateAtMost), so a decompression bomb cannot exhaust memory.
 *
 * One record, one reading: the verifier, pdf.js, poppler's pdfdetach and a viewer's attachment
 * pane must all see the same file, so a report is read only when there is exactly one embedded
 * file anywhere — one name-tree entry, named `observation.json`, whose file specification's /F
 * and /UF say the same name and whose /EF /F and /UF name the same stream; no FileAttachment
 * annotation, other file specification or other /EmbeddedFile stream in the revision; the
 * catalog's /AF, if present, naming that same file specification; references that match their
 * objects' generation numbers; no key repeated in a dictionary on the way; the stream's /Length
 * exact and its data in the file (no /F on the stream).
 * Only unfiltered data or one FlateDecode without parameters is read; any other /Filter (a
 * chain, ASCIIHexDecode, a predictor) is refused. The tree walk visits each node once, at most
 * MAX_TREE_NODES in all and MAX_TREE_DEPTH deep, and stops at the second entry, so a /Kids loop
 * or a huge tree cannot hang it.
 */
import { RECORD_ATTACHMENT } from '../record';
import { inflateAtMost } from '../io/inflate-at-most';
import { PdfFile } from './pdf-parse';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-syntax';

const MAX_RECORD_BYTES = 20 * 1024 * 1024;
const MAX_TREE_NODES = 10_000;
const MAX_TREE_DEPTH = 32;

export class EmbeddedFileError extends Error {
  constructor(
    readonly problem: 'missing' | 'damaged' | 'too-large',
    message: string,
  ) {
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

interface TreeEntry {
  key: string;
  value: PdfValue;
}

/** The only entry of the name tree under `root` (§7.9.6), or null when it is empty; a second entry is refused as soon as it is seen. */
function onlyNameTreeEntry(file: PdfFile, root: PdfDict | undefined): TreeEntry | null {
  let found: TreeEntry | null = null;
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
        const key = k.text();
        if (found) {
          throw damaged(
            key === found.key
              ? `嵌入文件的名称树中 ${key} 出现了不止一次`
              : `PDF 中嵌入了不止一个文件（${found.key}、${key}），巡听报告只应嵌入 ${RECORD_ATTACHMENT}`,
          );
        }
        found = { key, value: names[i + 1] };
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

/** What, in `value`, makes a second attachment (a dictionary nested anywhere inside counts), or null. */
function attachmentIn(value: PdfValue | undefined, depth = 0): string | null {
  if (depth > 64) return null; // the lexer never nests deeper
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = attachmentIn(v, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!(value instanceof PdfDict)) return null;
  if (value.name('Subtype') === 'FileAttachment') return '附件注释（/FileAttachment）';
  if (value.name('Type') === 'Filespec' || value.get('EF') !== undefined) return '文件说明（/Filespec）';
  if (value.name('Type') === 'EmbeddedFile') return '嵌入文件流（/EmbeddedFile）';
  if (value.get('AF') !== undefined) return '关联文件（/AF）';
  for (const v of value.entries.values()) {
    const found = attachmentIn(v, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuse any attachment in this revision other than the record's file specification and stream (the catalog's /AF is checked apart). */
function refuseOtherAttachments(file: PdfFile, own: Set<number>, catalog: number | undefined): void {
  for (const { num, gen, offset } of file.currentObjects()) {
    if (own.has(num)) continue;
    // Every object is parsed (its dictionary only: stream data is skipped by its /Length), not
    // searched for marker bytes first: compressed streams hold such bytes by chance, so the
    // search read the whole file several times and still parsed nearly every stream.
    let value: PdfValue;
    try {
      value = file.objectAt(offset, num, gen).value;
    } catch {
      throw damaged(`对象 ${num} 无法读取，不能确定 PDF 中没有别的附件`);
    }
    if (num === catalog && value instanceof PdfDict) value = [...value.entries].filter(([k]) => k !== 'AF').map(([, v]) => v);
    const what = attachmentIn(value);
    if (what) throw damaged(`PDF 中除了 ${RECORD_ATTACHMENT} 还有别的${what}（对象 ${num}），不同的阅读器可能显示不同的记录`);
  }
}

function inflate(data: Uint8Array, limit: number): Uint8Array {
  const r = inflateAtMost(data, limit, 'zlib');
  if (r.ok) return r.bytes;
  if (r.problem === 'too-large') throw new EmbeddedFileError('too-large', `嵌入的记录解压后超过 ${Math.round(limit / 1048576)} MB，拒绝读取`);
  throw new EmbeddedFileError('damaged', '嵌入的记录无法解压（数据损坏）');
}

const sameRef = (a: PdfValue | undefined, b: PdfValue | undefined): boolean => a instanceof PdfRef && b instanceof PdfRef && a.num === b.num && a.gen === b.gen;

/** The bytes of the embedded file `name` in this revision of the PDF: the only embedded file there is. */
export async function readEmbeddedFile(file: PdfFile, name = RECORD_ATTACHMENT, limit = MAX_RECORD_BYTES): Promise<Uint8Array> {
  const rootRef = file.trailer.get('Root');
  const root = checked(file.dict(rootRef), '文档目录（Catalog）');
  const names = checked(file.dict(root?.get('Names')), '文档目录的 /Names ');
  const treeValue = names?.get('EmbeddedFiles');
  const tree = file.dict(treeValue);
  if (treeValue !== undefined && treeValue !== null && !tree) throw damaged('嵌入文件的名称树无法读取（对象损坏、过大或编号不符）');
  const entry = onlyNameTreeEntry(file, tree);
  if (!entry) throw new EmbeddedFileError('missing', `PDF 中没有嵌入的记录 ${name}`);
  if (entry.key !== name) throw new EmbeddedFileError('missing', `PDF 中没有嵌入的记录 ${name}（嵌入的文件名为 ${entry.key}）`);
  // Indirect, so /AF and every other reference can be compared with it.
  if (!(entry.value instanceof PdfRef)) throw damaged(`嵌入文件 ${name} 的文件说明不是间接对象`);
  const specRef = entry.value;
  const spec = checked(file.dict(specRef), `嵌入文件 ${name} 的文件说明`);
  if (!spec) throw damaged(`嵌入文件 ${name} 的文件说明无法读取（对象 ${specRef.num} ${specRef.gen} R 不存在或编号不符）`);
  // The name a viewer shows comes from /UF or /F, the name pdfdetach saves under from the tree: all three must agree.
  let named = false;
  for (const k of ['F', 'UF']) {
    const v = file.resolve(spec.get(k));
    if (v === undefined) continue;
    if (!(v instanceof PdfString) || v.text() !== name)
      throw damaged(`嵌入文件 ${name} 的文件说明中 /${k}（${v instanceof PdfString ? v.text() : '不是字符串'}）与名称树中的名称不同`);
    named = true;
  }
  if (!named) throw damaged(`嵌入文件 ${name} 的文件说明没有文件名（/F 或 /UF）`);
  const af = root ? file.resolve(root.get('AF')) : undefined;
  if (af !== undefined && (!Array.isArray(af) || !af.length || !af.every((x) => sameRef(x, specRef))))
    throw damaged(`文档目录的 /AF 指向的不是 ${name} 的文件说明`);
  const ef = checked(file.dict(spec.get('EF')), `嵌入文件 ${name} 的 /EF `);
  const f = ef?.get('F');
  const uf = ef?.get('UF');
  if (f !== undefined && uf !== undefined && !sameRef(f, uf)) throw damaged(`嵌入文件 ${name} 的 /F 与 /UF 指向不同的数据`);
  const streamRef = uf ?? f;
  if (!(streamRef instanceof PdfRef)) throw new EmbeddedFileError('missing', `PDF 中没有嵌入的记录 ${name}`);
  const obj = file.object(streamRef.num);
  if (!obj?.stream || !(obj.value instanceof PdfDict) || obj.gen !== streamRef.gen)
    throw damaged(`嵌入的记录 ${name} 无法读取（对象 ${streamRef.num} ${streamRef.gen} R 不存在、编号不符或不是流）`);
  const dict = checked(obj.value, `嵌入的记录 ${name} 的流字典`)!;
  // The data must be exactly where /Length says; a reader that trusts /Length and one that searches for `endstream` must agree.
  if (!obj.streamLengthOk) throw damaged(`嵌入的记录 ${name} 的 /Length 与实际数据长度不符`);
  if (dict.get('F') !== undefined || dict.get('FFilter') !== undefined || dict.get('FDecodeParms') !== undefined)
    throw damaged(`嵌入的记录 ${name} 的数据不在文件中（流字典有 /F），拒绝读取`);
  refuseOtherAttachments(file, new Set([specRef.num, streamRef.num]), rootRef instanceof PdfRef ? rootRef.num : undefined);
  const raw = file.bytes.subarray(obj.stream[0], obj.stream[1]);
  const filter = file.resolve(dict.get('Filter'));
  const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]).map((x) => (x instanceof PdfName ? x.name : '?'));
  if (filters.length === 0) {
    if (raw.length > limit) throw new EmbeddedFileError('too-large', `嵌入的记录超过 ${Math.round(limit / 1048576)} MB，拒绝读取`);
    return raw.slice();
  }
  if (filters.length === 1 && filters[0] === 'FlateDecode' && dict.get('DecodeParms') === undefined) return inflate(raw, limit);
  // A chain (FlateDecode twice: 1 KB → 1 MB → 1 GB), ASCIIHexDecode, a predictor: not something our reports contain.
  throw damaged(
    `嵌入的记录使用了不支持的编码（/Filter ${filters.map((x) => `/${x}`).join(' ')}${dict.get('DecodeParms') !== undefined ? ' 带 /DecodeParms' : ''}），只支持不压缩或单层 FlateDecode`,
  );
}
