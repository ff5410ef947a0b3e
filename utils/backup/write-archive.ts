/** Writing `xunting.backup/1`: the manifest, each table as JSON (a row a line), each Blob as a stored entry. */
import { zipSync, type Zippable } from 'fflate';
import { BACKUP_APP, BACKUP_FORMAT, MANIFEST_ENTRY, tableEntry, type BackupManifest, type TableDump } from './backup-format';
import { sha256, toHex } from '../sign/bytes';
import { utf8 } from './bytes-text';
import { encodeValue, type BlobRef } from './encode-value';

const extensionOf = (type: string) => (type === 'application/pdf' ? 'pdf' : 'bin');

/** The archive of `dump`. Refused (BackupError 'unsupported-value') when a row holds what JSON cannot keep, such as a CryptoKey. */
export async function writeArchive(dump: TableDump): Promise<Uint8Array> {
  const mtime = new Date(dump.createdAt);
  const files: Zippable = {};
  const entries: Record<string, string> = {};
  const tables: Record<string, number> = {};
  const add = async (path: string, data: Uint8Array, level: 0 | 6) => {
    files[path] = [data, { level, mtime }];
    entries[path] = toHex(await sha256(data));
  };
  for (const [table, rows] of Object.entries(dump.tables)) {
    const blobs: BlobRef[] = [];
    const blobPath = (b: Blob) => `blobs/${table}/${blobs.length + 1}.${extensionOf(b.type)}`;
    const lines = rows.map((row, i) => JSON.stringify(encodeValue(row, `${table}[${i}]`, blobs, blobPath)));
    await add(tableEntry(table), utf8(lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n'), 6);
    // PDFs are compressed already: stored as they are.
    for (const { path, blob } of blobs) await add(path, new Uint8Array(await blob.arrayBuffer()), 0);
    tables[table] = rows.length;
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: dump.createdAt,
    dbVersion: dump.dbVersion,
    app: BACKUP_APP,
    tables,
    entries,
    notes: dump.notes,
  };
  return zipSync({ [MANIFEST_ENTRY]: [utf8(JSON.stringify(manifest, null, 2)), { level: 6, mtime }], ...files });
}
