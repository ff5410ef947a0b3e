/** `manifest.json`: what the archive says it is, checked before anything else is inflated. */
import { z } from 'zod';
import { parseWith, type Problem, type Validated } from '../validate';
import {
  BACKUP_APP,
  BACKUP_DB_VERSION,
  BACKUP_FORMAT,
  BACKUP_FORMAT_PREFIX,
  BACKUP_FORMAT_VERSION,
  DEFAULT_ARCHIVE_LIMITS,
  MANIFEST_ENTRY,
  type ArchiveLimits,
  type BackupManifest,
} from './backup-format';
import { isBackupTable } from './backup-tables';
import { fromUtf8 } from './bytes-text';
import { FILE, inflateZipEntries, listZipEntries, type ZipEntryInfo } from './zip-entries';

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string({ error: 'createdAt 须为时间文字' }),
  dbVersion: z.number({ error: 'dbVersion 须为整数' }).int({ error: 'dbVersion 须为整数' }).min(1, { error: 'dbVersion 须为正整数' }),
  app: z.literal(BACKUP_APP, { error: `app 须为 "${BACKUP_APP}"` }),
  tables: z.record(z.string(), z.number().int().min(0), { error: 'tables 须为 { 表名: 行数 }' }),
  entries: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, { error: '校验值须为 64 位十六进制 SHA-256' }), { error: 'entries 须为 { 路径: SHA-256 }' }),
  notes: z.array(z.string()).default([]),
});

const at = (path: string) => path.replace(/^\$/, MANIFEST_ENTRY);

/** Say what a foreign or newer file is, rather than list missing fields. */
function formatProblem(m: Record<string, unknown>): Problem | null {
  const f = m.format;
  if (f === BACKUP_FORMAT) return null;
  if (typeof f === 'string' && f.startsWith(BACKUP_FORMAT_PREFIX)) {
    const v = Number(f.slice(BACKUP_FORMAT_PREFIX.length));
    if (Number.isInteger(v) && v > BACKUP_FORMAT_VERSION)
      return { path: at('$.format'), message: `备份格式 "${f}" 比本程序支持的 "${BACKUP_FORMAT}" 新，请先升级巡听旁听再恢复` };
    return { path: at('$.format'), message: `不认识的备份格式 "${f}"（应为 "${BACKUP_FORMAT}"）` };
  }
  return { path: at('$.format'), message: `这不是巡听备份：manifest.json 的格式标识是 ${JSON.stringify(f ?? null)}，应为 "${BACKUP_FORMAT}"` };
}

/** The manifest from its bytes: the format, the app, a schema version this program knows, known tables only. */
function parseManifest(bytes: Uint8Array | undefined): Validated<BackupManifest> {
  if (!bytes) return { ok: false, problems: [{ path: FILE, message: `这不是巡听备份文件：ZIP 中没有 ${MANIFEST_ENTRY}` }] };
  const text = fromUtf8(bytes);
  let json: unknown;
  try {
    json = text === null ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, problems: [{ path: MANIFEST_ENTRY, message: `${MANIFEST_ENTRY} 不是有效的 JSON 对象` }] };
  const wrong = formatProblem(json as Record<string, unknown>);
  if (wrong) return { ok: false, problems: [wrong] };
  const parsed = parseWith(manifestSchema, json);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ path: at(p.path), message: p.message })) };
  const m = parsed.value as BackupManifest;
  const problems: Problem[] = [];
  if (m.dbVersion > BACKUP_DB_VERSION)
    problems.push({ path: at('$.dbVersion'), message: `备份来自较新的巡听旁听（数据库版本 ${m.dbVersion}，本程序为 ${BACKUP_DB_VERSION}），请先升级再恢复` });
  for (const t of Object.keys(m.tables))
    if (!isBackupTable(t)) problems.push({ path: at(`$.tables.${t}`), message: `备份中有本程序不认识（或不应备份）的数据表 "${t}"` });
  return problems.length ? { ok: false, problems } : { ok: true, value: m };
}

/** The listing of the ZIP and its manifest, inflating nothing else. */
export function openArchive(bytes: Uint8Array, limits: ArchiveLimits): Validated<{ listed: ZipEntryInfo[]; manifest: BackupManifest }> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return { ok: false, problems: [{ path: FILE, message: '备份文件是空的' }] };
  const listed = listZipEntries(bytes, limits);
  if (!listed.ok) return listed;
  const files = inflateZipEntries(bytes, listed.value, (name) => name === MANIFEST_ENTRY);
  if (!files.ok) return files;
  const manifest = parseManifest(files.value.get(MANIFEST_ENTRY));
  return manifest.ok ? { ok: true, value: { listed: listed.value, manifest: manifest.value } } : manifest;
}

/** The manifest of a backup (to show what it holds before restoring), with the archive's sizes checked. Entries are not verified here: readArchive does that. */
export function readManifest(bytes: Uint8Array, limits: Partial<ArchiveLimits> = {}): Validated<BackupManifest> {
  const opened = openArchive(bytes, { ...DEFAULT_ARCHIVE_LIMITS, ...limits });
  return opened.ok ? { ok: true, value: opened.value.manifest } : opened;
}
