/**
 * Reading a ZIP defensively (fflate). First every entry's declared size is read from the
 * central directory, without inflating anything, and the count, the total and the names are
 * checked; only then are entries inflated (utils/io inflateZipEntry), each stopped as soon as
 * it comes out longer than it declares, so an entry that lies about its size costs no more than
 * it declared and is refused.
 */
import { unzipSync } from 'fflate';
import { inflateZipEntry, zipDirectory } from '../io';
import type { Problem, Validated } from '../validate';
import type { ArchiveLimits } from './backup-format';

export interface ZipEntryInfo {
  name: string;
  /** Uncompressed size, as the ZIP declares it. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  compression: number;
}

export const FILE = '备份文件';
const refuse = (message: string, path = FILE): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ path, message }] });
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Whether `bytes` starts like a ZIP (a local file header, or an empty archive's end record). */
const looksLikeZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);

function notReadable(bytes: Uint8Array): { ok: false; problems: Problem[] } {
  if (!looksLikeZip(bytes)) return refuse('这不是巡听备份文件（不是 ZIP 格式的 .xtbak 文件）');
  return refuse('备份文件已损坏或不完整（可能在下载或复制时被截断），无法读取');
}

/** The entries of the ZIP as its central directory declares them, checked against `limits`. */
export function listZipEntries(bytes: Uint8Array, limits: ArchiveLimits): Validated<ZipEntryInfo[]> {
  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let total = 0;
  let stop: Validated<ZipEntryInfo[]> | null = null;
  try {
    unzipSync(bytes, {
      filter(f) {
        if (stop) return false;
        if (entries.length + 1 > limits.maxEntries) stop = refuse(`备份文件中的条目超过 ${limits.maxEntries} 个，已拒绝`);
        else if ((total += f.originalSize) > limits.maxTotalBytes) {
          stop = refuse(`备份文件解压后将超过 ${mb(limits.maxTotalBytes)} 的上限（可能是“压缩炸弹”），已拒绝；未解压任何内容`, f.name);
        } else if (names.has(f.name)) stop = refuse(`备份文件中有两个同名条目 ${f.name}`, f.name);
        else if (f.compression !== 0 && f.compression !== 8) stop = refuse(`条目 ${f.name} 使用了不支持的压缩方式（${f.compression}）`, f.name);
        else {
          names.add(f.name);
          entries.push({ name: f.name, size: f.originalSize, compressedSize: f.size, compression: f.compression });
        }
        return false;
      },
    });
  } catch {
    return notReadable(bytes);
  }
  if (stop) return stop;
  if (!entries.length && !looksLikeZip(bytes)) return notReadable(bytes);
  return { ok: true, value: entries };
}

/**
 * Inflate the entries `wanted` (all listed by listZipEntries, so their declared sizes are within
 * the limits). An entry whose data does not come out at its declared size is refused as corrupt.
 */
export function inflateZipEntries(bytes: Uint8Array, listed: readonly ZipEntryInfo[], wanted: (name: string) => boolean): Validated<Map<string, Uint8Array>> {
  const declared = new Map(listed.map((e) => [e.name, e]));
  const directory = zipDirectory(bytes);
  if (!directory) return notReadable(bytes);
  const out = new Map<string, Uint8Array>();
  for (const entry of directory) {
    if (!declared.has(entry.name) || !wanted(entry.name)) continue;
    const data = inflateZipEntry(bytes, entry);
    if (!data) return notReadable(bytes);
    if (data.length !== declared.get(entry.name)!.size) return refuse(`条目 ${entry.name} 已损坏（解压后的长度与 ZIP 目录所记不符）`, entry.name);
    out.set(entry.name, data);
  }
  return { ok: true, value: out };
}
