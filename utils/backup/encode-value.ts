/**
 * Rows as JSON. A Uint8Array becomes `{ "$bytes": base64 }`; a Blob becomes a separate archive
 * entry referenced as `{ "$blob": path, "type": mime }`; a plain object that has a key starting
 * with `$` is wrapped as `{ "$object": … }` so it is never taken for a marker. Anything JSON
 * cannot hold exactly (a CryptoKey, a Date, NaN …) is refused rather than changed.
 */
import { BackupError } from './backup-error';
import { fromBase64, toBase64 } from '../sign/bytes';
import type { Problem } from '../validate';

export interface BlobRef {
  path: string;
  blob: Blob;
}

/** A Blob, also one from another realm (a portal page's frame) where `instanceof Blob` is false. Parsed JSON never has methods, so this cannot mistake data for a Blob. */
export function isBlob(v: unknown): v is Blob {
  if (typeof Blob !== 'undefined' && v instanceof Blob) return true;
  const b = v as Partial<Blob> | null;
  return (
    !!b &&
    typeof b === 'object' &&
    typeof b.arrayBuffer === 'function' &&
    typeof b.slice === 'function' &&
    typeof b.type === 'string' &&
    typeof b.size === 'number'
  );
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `o[k] = v`, also for a key named `__proto__` (which plain assignment would take as the prototype). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const typeName = (v: unknown) => (v === null ? 'null' : typeof v === 'object' ? ((v as object).constructor?.name ?? 'Object') : typeof v);

/**
 * A JSON-ready copy of `value`; each Blob met is given the next path from `blobPath` and listed
 * in `blobs`. `where` names the value in an error (e.g. `reports[3].pdf`).
 */
export function encodeValue(value: unknown, where: string, blobs: BlobRef[], blobPath: (blob: Blob) => string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new BackupError('unsupported-value', `${where} 的值 ${value} 无法写入备份`);
  }
  if (typeof value === 'object') {
    if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, `${where}[${i}]`, blobs, blobPath));
    if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
    if (isBlob(value)) {
      const path = blobPath(value);
      blobs.push({ path, blob: value });
      return { $blob: path, type: value.type };
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined) setOwn(out, k, encodeValue(v, `${where}.${k}`, blobs, blobPath));
      return Object.keys(out).some((k) => k.startsWith('$')) ? { $object: out } : out;
    }
  }
  throw new BackupError('unsupported-value', `${where} 是无法写入备份的数据类型（${typeName(value)}）；私钥（CryptoKey）从不写入备份`);
}

export interface DecodeContext {
  /** The Blob stored at `path`, or null when the archive has no such entry. */
  blob(path: string, type: string): Blob | null;
  problems: Problem[];
}

const MAX_DEPTH = 64;
const keysAre = (o: object, keys: string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => own.includes(k));
};

/** The bytes of a `$bytes` value; null when it is not base64. */
function base64OrNull(text: string): Uint8Array | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/** The inverse of encodeValue; a bad marker is a problem at `where` (and the value undefined). */
export function decodeValue(value: unknown, where: string, ctx: DecodeContext, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return void ctx.problems.push({ path: where, message: `嵌套超过 ${MAX_DEPTH} 层` });
  if (Array.isArray(value)) return value.map((v, i) => decodeValue(v, `${where}[${i}]`, ctx, depth + 1));
  const o = value as Record<string, unknown>;
  if ('$bytes' in o) {
    const bytes = keysAre(o, ['$bytes']) && typeof o.$bytes === 'string' ? base64OrNull(o.$bytes) : null;
    if (!bytes) ctx.problems.push({ path: where, message: '二进制字段（$bytes）不是有效的 base64' });
    return bytes ?? undefined;
  }
  if ('$blob' in o) {
    if (!keysAre(o, ['$blob', 'type']) || typeof o.$blob !== 'string' || typeof o.type !== 'string') {
      return void ctx.problems.push({ path: where, message: '文件引用（$blob）格式不对：须为 { "$blob": 路径, "type": 类型 }' });
    }
    const blob = ctx.blob(o.$blob, o.type);
    if (!blob) ctx.problems.push({ path: where, message: `备份中缺少所引用的文件 ${o.$blob}` });
    return blob ?? undefined;
  }
  if ('$object' in o) {
    const inner = o.$object;
    if (!keysAre(o, ['$object']) || !inner || typeof inner !== 'object' || Array.isArray(inner)) {
      return void ctx.problems.push({ path: where, message: '转义对象（$object）格式不对' });
    }
    return decodeEntries(inner as Record<string, unknown>, where, ctx, depth);
  }
  const marker = Object.keys(o).find((k) => k.startsWith('$'));
  if (marker) return void ctx.problems.push({ path: where, message: `无法识别的标记 "${marker}"` });
  return decodeEntries(o, where, ctx, depth);
}

function decodeEntries(o: Record<string, unknown>, where: string, ctx: DecodeContext, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) setOwn(out, k, decodeValue(v, `${where}.${k}`, ctx, depth + 1));
  return out;
}
