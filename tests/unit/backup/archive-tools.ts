/** Taking a backup apart and putting it together again, to make the broken and foreign files a restore must refuse. */
import { unzipSync, zipSync, type Zippable } from 'fflate';

export const text = (b: Uint8Array) => new TextDecoder().decode(b);
export const bytesOf = (s: string) => new TextEncoder().encode(s);

async function hex(b: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>));
  return Array.from(d, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * The archive with its entries changed by `edit` (which may add, replace or delete entries and
 * change the manifest object); the manifest's checksums are recomputed unless `rehash` is false.
 */
export async function rezip(
  archive: Uint8Array,
  edit: (files: Record<string, Uint8Array>, manifest: Record<string, any>) => void,
  opts: { rehash?: boolean } = {},
): Promise<Uint8Array> {
  const files = unzipSync(archive);
  const manifest = JSON.parse(text(files['manifest.json']));
  delete files['manifest.json'];
  edit(files, manifest);
  if (opts.rehash !== false) {
    manifest.entries = {};
    for (const [path, data] of Object.entries(files)) manifest.entries[path] = await hex(data);
  }
  const out: Zippable = { 'manifest.json': bytesOf(JSON.stringify(manifest)) };
  for (const [path, data] of Object.entries(files)) out[path] = [data, { level: path.endsWith('.pdf') ? 0 : 6 }];
  return zipSync(out);
}

/** Edit the rows of a table inside the archive. */
export function editRows(files: Record<string, Uint8Array>, table: string, edit: (rows: any[]) => void): void {
  const rows = JSON.parse(text(files[`tables/${table}.json`]));
  edit(rows);
  files[`tables/${table}.json`] = bytesOf(JSON.stringify(rows));
}

/** Where an entry's data starts in the ZIP (after its local header). */
export function entryDataOffset(zip: Uint8Array, name: string): number {
  const want = bytesOf(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 3 || zip[i + 3] !== 4) continue;
    const nameLen = zip[i + 26] | (zip[i + 27] << 8);
    const extraLen = zip[i + 28] | (zip[i + 29] << 8);
    const n = zip.subarray(i + 30, i + 30 + nameLen);
    if (n.length === want.length && n.every((b, k) => b === want[k])) return i + 30 + nameLen + extraLen;
  }
  throw new Error(`no entry ${name}`);
}

/** Overwrite the uncompressed size that the central directory declares for `name` (a lying ZIP). */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const want = bytesOf(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (out[i] !== 0x50 || out[i + 1] !== 0x4b || out[i + 2] !== 1 || out[i + 3] !== 2) continue;
    const nameLen = out[i + 28] | (out[i + 29] << 8);
    const n = out.subarray(i + 46, i + 46 + nameLen);
    if (n.length === want.length && n.every((b, k) => b === want[k])) {
      new DataView(out.buffer).setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central entry ${name}`);
}
