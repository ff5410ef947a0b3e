/**
 * Reading `xunting.backup/1` whole or not at all: the ZIP's sizes are checked before inflating,
 * every entry must be in the manifest with its SHA-256 (and every listed entry present), every
 * referenced PDF present, every row valid. The first failing stage reports all its problems.
 */
import type { Problem, Validated } from '../validate';
import { DEFAULT_ARCHIVE_LIMITS, MANIFEST_ENTRY, tableEntry, type ArchiveLimits, type BackupManifest, type TableDump } from './backup-format';
import { BACKUP_TABLES, checkTableRows, isBackupTable, type BackupTable } from './backup-tables';
import { sha256, toHex } from '../sign/bytes';
import { fromUtf8 } from './bytes-text';
import { decodeValue, type DecodeContext } from './encode-value';
import { openArchive } from './read-manifest';
import { inflateZipEntries } from './zip-entries';

export interface ReadArchiveOptions {
  limits?: Partial<ArchiveLimits>;
}

/** Problems reported at most (a file with 10,000 bad rows needs only the first ones to be understood). */
const MAX_PROBLEMS = 100;

const ENTRY_PATH = /^(?:tables\/([A-Za-z]+)\.json|blobs\/([A-Za-z]+)\/[1-9]\d*\.(?:pdf|bin))$/;

const fail = (problems: Problem[]): { ok: false; problems: Problem[] } => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });

/** The entry list against the manifest: nothing unlisted, nothing missing, only paths of known tables. */
function listProblems(names: readonly string[], manifest: BackupManifest): Problem[] {
  const problems: Problem[] = [];
  const present = new Set(names);
  for (const name of names) if (!(name in manifest.entries)) problems.push({ path: name, message: `条目 ${name} 不在 manifest.json 的清单中` });
  for (const path of Object.keys(manifest.entries)) {
    const m = ENTRY_PATH.exec(path);
    const table = m?.[1] ?? m?.[2];
    if (!table || !isBackupTable(table) || (m?.[1] && !(table in manifest.tables)))
      problems.push({ path: MANIFEST_ENTRY, message: `清单中的条目路径 "${path}" 不是本格式的路径` });
    else if (!present.has(path)) problems.push({ path, message: `备份文件不完整：缺少条目 ${path}` });
  }
  for (const table of Object.keys(manifest.tables)) {
    if (!(tableEntry(table) in manifest.entries))
      problems.push({ path: MANIFEST_ENTRY, message: `数据表 ${table} 在清单中没有对应的条目 ${tableEntry(table)}` });
  }
  return problems;
}

async function checksumProblems(files: Map<string, Uint8Array>, manifest: BackupManifest): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [path, expected] of Object.entries(manifest.entries)) {
    const data = files.get(path);
    if (!data || toHex(await sha256(data)) !== expected)
      problems.push({ path, message: `条目 ${path} 的 SHA-256 校验值与 manifest.json 所记不符：文件已损坏或被改动` });
  }
  return problems;
}

/** A table's rows from its JSON entry, decoded (Uint8Array, Blob) and checked. */
function readTable(table: BackupTable, count: number, files: Map<string, Uint8Array>, usedBlobs: Set<string>): { rows: unknown[]; problems: Problem[] } {
  const entry = tableEntry(table);
  const text = fromUtf8(files.get(entry)!);
  let json: unknown;
  try {
    json = text === null ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!Array.isArray(json)) return { rows: [], problems: [{ path: entry, message: `${entry} 不是有效的 JSON 数组` }] };
  if (json.length !== count) return { rows: [], problems: [{ path: entry, message: `${entry} 有 ${json.length} 行，manifest.json 记为 ${count} 行` }] };
  const ctx: DecodeContext = {
    problems: [],
    blob(path, type) {
      const data = path.startsWith(`blobs/${table}/`) ? files.get(path) : undefined;
      if (!data || usedBlobs.has(path)) return null;
      usedBlobs.add(path);
      return new Blob([data as Uint8Array<ArrayBuffer>], { type });
    },
  };
  const rows = json.map((row, i) => decodeValue(row, `${entry}[${i}]`, ctx));
  if (ctx.problems.length) return { rows, problems: ctx.problems };
  return { rows, problems: checkTableRows(table, rows, entry) };
}

/**
 * The tables of a backup, every known table present (empty when the archive has none of it);
 * or every reason it is refused, in Chinese with where (the entry, the row, the field).
 */
export async function readArchive(bytes: Uint8Array, opts: ReadArchiveOptions = {}): Promise<Validated<TableDump>> {
  const opened = openArchive(bytes, { ...DEFAULT_ARCHIVE_LIMITS, ...opts.limits });
  if (!opened.ok) return fail(opened.problems);
  const { listed, manifest } = opened.value;
  const names = listed.map((e) => e.name).filter((n) => n !== MANIFEST_ENTRY);
  const listing = listProblems(names, manifest);
  if (listing.length) return fail(listing);

  const inflated = inflateZipEntries(bytes, listed, (n) => n !== MANIFEST_ENTRY);
  if (!inflated.ok) return fail(inflated.problems);
  const files = inflated.value;
  const checksums = await checksumProblems(files, manifest);
  if (checksums.length) return fail(checksums);

  const tables: Record<string, unknown[]> = {};
  const problems: Problem[] = [];
  const usedBlobs = new Set<string>();
  for (const table of BACKUP_TABLES) {
    const count = manifest.tables[table];
    if (count === undefined) {
      tables[table] = [];
      continue;
    }
    const read = readTable(table, count, files, usedBlobs);
    tables[table] = read.rows;
    problems.push(...read.problems);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  for (const name of names)
    if (name.startsWith('blobs/') && !usedBlobs.has(name) && !problems.length) problems.push({ path: name, message: `条目 ${name} 没有被任何数据行引用` });
  if (problems.length) return fail(problems);
  return { ok: true, value: { tables, dbVersion: manifest.dbVersion, createdAt: manifest.createdAt, notes: manifest.notes } };
}
