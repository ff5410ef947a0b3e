/**
 * The observation record embedded in a report: Catalog → /Names → /EmbeddedFiles (a name
 * tree) → `observation.json` → its /EmbeddedFile stream, inflated with DecompressionStream
 * (browsers and Node 20) under a size limit, so a decompression bomb cannot exhaust memory.
 */
import { toArrayBuffer } from './bytes';
import { PdfFile } from './pdf-parse';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-syntax';

/** The attachment's name; equals utils/pdf's EMBEDDED_RECORD_NAME (checked by a test; not imported so verifying does not load jsPDF). */
export const RECORD_ATTACHMENT = 'observation.json';
export const MAX_RECORD_BYTES = 20 * 1024 * 1024;

export class EmbeddedFileError extends Error {
  constructor(readonly problem: 'missing' | 'damaged' | 'too-large', message: string) {
    super(message);
    this.name = 'EmbeddedFileError';
  }
}

function lookupNameTree(file: PdfFile, node: PdfDict | undefined, key: string, depth = 0): PdfValue | undefined {
  if (!node || depth > 32) return undefined;
  const names = file.resolve(node.get('Names'));
  if (Array.isArray(names)) {
    for (let i = 0; i + 1 < names.length; i += 2) {
      const k = file.resolve(names[i]);
      if (k instanceof PdfString && k.text() === key) return names[i + 1];
    }
  }
  const kids = file.resolve(node.get('Kids'));
  if (Array.isArray(kids)) {
    for (const kid of kids) {
      const found = lookupNameTree(file, file.dict(kid), key, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
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

/** The bytes of the embedded file `name` in this revision of the PDF. */
export async function readEmbeddedFile(file: PdfFile, name = RECORD_ATTACHMENT, limit = MAX_RECORD_BYTES): Promise<Uint8Array> {
  const root = file.dict(file.trailer.get('Root'));
  const tree = file.dict(file.dict(root?.get('Names'))?.get('EmbeddedFiles'));
  const spec = file.dict(lookupNameTree(file, tree, name));
  const ef = file.dict(spec?.get('EF'));
  const streamRef = ef?.get('UF') ?? ef?.get('F');
  if (!(streamRef instanceof PdfRef)) throw new EmbeddedFileError('missing', `PDF 中没有嵌入的记录 ${name}`);
  const obj = file.object(streamRef.num);
  if (!obj?.stream || !(obj.value instanceof PdfDict)) throw new EmbeddedFileError('damaged', `嵌入的记录 ${name} 无法读取`);
  const raw = file.bytes.subarray(obj.stream[0], obj.stream[1]);
  const filter = file.resolve(obj.value.get('Filter'));
  const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]).map((f) => (f instanceof PdfName ? f.name : '?'));
  if (filters.length === 0) {
    if (raw.length > limit) throw new EmbeddedFileError('too-large', `嵌入的记录超过 ${Math.round(limit / 1048576)} MB，拒绝读取`);
    return raw.slice();
  }
  if (filters.length === 1 && filters[0] === 'FlateDecode' && !obj.value.get('DecodeParms')) return inflate(raw, limit);
  throw new EmbeddedFileError('damaged', `嵌入的记录使用了不支持的压缩方式（${filters.join(', ')}）`);
}
