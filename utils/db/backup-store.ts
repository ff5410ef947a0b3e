/**
 * Backup and restore of a whole Xunting database as one `xunting.backup/1` archive.
 *
 * Private keys never leave: the CA is kept as its PKCS#12 (`authority.backup`, encrypted with the
 * CA passphrase) and its key is re-imported from it on restore; the observer's signing identity
 * (`identities`) is not in the backup at all. A restore validates everything first (the archive,
 * every row, the CA passphrase), then replaces all tables in ONE transaction: any failure, and
 * the data already here is left exactly as it was.
 */
import {
  AUTHORITY_NOTE,
  BACKUP_TABLES,
  BackupError,
  EXCLUDED_TABLES,
  TABLE_LABELS,
  describeProblems,
  type ArchiveLimits,
  type BackupTable,
  type TableCounts,
} from '../backup';
import { SignError } from '../sign/errors';
import { DB_VERSION, SELF_AUTHORITY, type AuthorityRow, type XuntingDB } from './schema';

/** The ZIP code (fflate) and pkijs load when a backup is made or restored, not with the page. */
const archive = () => import('../backup/archive');
const signing = () => import('../sign');

export interface BackupProgress {
  (text: string): void;
}

export interface ExportedBackup {
  bytes: Uint8Array;
  counts: TableCounts;
}

const tablesOf = (db: XuntingDB, names: readonly BackupTable[]) => names.map((t) => db.table(t));
const countsOf = (tables: Record<string, unknown[]>) => Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t]?.length ?? 0])) as TableCounts;

/**
 * Every backed-up table, read in one transaction (a consistent state), as an archive. The
 * archive is read back and checked as a restore would before it is returned, so a backup that
 * could not be restored is never handed out.
 */
export async function exportDatabase(db: XuntingDB, opts: { now?: Date; onProgress?: BackupProgress } = {}): Promise<ExportedBackup> {
  const now = opts.now ?? new Date();
  opts.onProgress?.('正在读取本机数据…');
  const tables: Record<string, unknown[]> = await db.transaction('r', tablesOf(db, BACKUP_TABLES), async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
    return out;
  });
  tables.authority = (tables.authority as AuthorityRow[]).map(({ privateKey: _key, ...kept }) => kept);
  const notes = [...Object.values(EXCLUDED_TABLES), ...(tables.authority.length ? [AUTHORITY_NOTE] : [])];
  opts.onProgress?.('正在打包…');
  const { writeArchive, readArchive } = await archive();
  const bytes = await writeArchive({ tables, dbVersion: DB_VERSION, createdAt: now.toISOString(), notes });
  opts.onProgress?.('正在检查备份能否恢复…');
  const check = await readArchive(bytes);
  if (!check.ok)
    throw new BackupError('export-unrestorable', `本机数据中有不能通过校验的内容，这样的备份将无法恢复，因此没有导出：\n${describeProblems(check.problems)}`);
  return { bytes, counts: countsOf(tables) };
}

export interface RestoreOptions {
  /** Every table in the backup replaces the table here (the only mode). */
  mode: 'replace';
  /** The CA backup passphrase, needed when the backup holds a CA. */
  caPassphrase?: string;
  /**
   * Restore everything except the CA (when its passphrase is forgotten): the CA on this machine,
   * if any, is kept as it is; the backup's CA is not restored.
   */
  skipAuthority?: boolean;
  limits?: Partial<ArchiveLimits>;
  onProgress?: BackupProgress;
}

/** The backup's CA row with its key re-imported (non-extractable) from the PKCS#12 it carries. */
async function reimportAuthority(row: Omit<AuthorityRow, 'privateKey'>, passphrase: string | undefined): Promise<AuthorityRow> {
  if (!passphrase) throw new BackupError('ca-passphrase-missing', '这份备份包含 CA：请输入 CA 备份口令（建立 CA 时设置的口令）。未恢复任何数据。');
  let ca;
  try {
    ca = await (await signing()).readPkcs12(row.backup, passphrase);
  } catch (e) {
    if (e instanceof SignError && e.code === 'passphrase-wrong')
      throw new BackupError('ca-passphrase-wrong', 'CA 备份口令不正确，未恢复任何数据。请输入建立 CA 时设置的口令；如已忘记，可选择“不恢复 CA”恢复其余数据。');
    throw new BackupError('ca-invalid', `备份中的 CA 无法读取（${e instanceof Error ? e.message : String(e)}），未恢复任何数据。`);
  }
  const { certificateDer, certificateInfo } = await signing();
  const der = certificateDer(ca.certificate);
  if (der.length !== row.certificate.length || der.some((b, i) => b !== row.certificate[i]))
    throw new BackupError('ca-invalid', '备份中 CA 的 PKCS#12 与其证书不一致，未恢复任何数据。');
  if (!(await certificateInfo(ca.certificate)).isCa) throw new BackupError('ca-invalid', '备份中的 CA 证书不是 CA 证书（缺少 CA:true），未恢复任何数据。');
  return { ...row, privateKey: ca.privateKey };
}

/**
 * Replace this database's contents with a backup's. Everything is checked before anything is
 * written: the archive (readArchive), then the CA key is re-imported with the passphrase (no
 * WebCrypto may run inside an IndexedDB transaction). Then one transaction clears and fills every
 * table and counts the rows; a count that differs from the backup aborts it. The observer's
 * signing identity here is never touched (it cannot come from a backup); the CA here is replaced
 * only by the backup's CA.
 */
export async function restoreDatabase(db: XuntingDB, bytes: Uint8Array, opts: RestoreOptions): Promise<{ counts: TableCounts }> {
  opts.onProgress?.('正在校验备份文件…');
  const { readArchive } = await archive();
  const read = await readArchive(bytes, { limits: opts.limits });
  if (!read.ok) throw new BackupError('archive-invalid', `备份文件无法恢复，本机数据未作任何改动：\n${describeProblems(read.problems)}`);
  const tables = read.value.tables;
  const caRows = tables.authority as Omit<AuthorityRow, 'privateKey'>[];
  const withAuthority = caRows.length > 0 && !opts.skipAuthority;
  if (withAuthority) {
    opts.onProgress?.('正在用口令导入 CA 私钥…');
    if (caRows.length !== 1 || caRows[0].id !== SELF_AUTHORITY)
      throw new BackupError('ca-invalid', '备份中的 CA 数据不对（应只有一个 id 为 "ca" 的 CA），未恢复任何数据。');
    tables.authority = [await reimportAuthority(caRows[0], opts.caPassphrase)];
  }
  const written = BACKUP_TABLES.filter((t) => t !== 'authority' || withAuthority);
  opts.onProgress?.('正在写入本机数据库…');
  const counts = await db.transaction('rw', tablesOf(db, written), async () => {
    for (const t of written) {
      await db.table(t).clear();
      await db.table(t).bulkPut(tables[t]);
    }
    const out = {} as TableCounts;
    for (const t of written) {
      out[t] = await db.table(t).count();
      if (out[t] !== tables[t].length)
        throw new BackupError(
          'count-mismatch',
          `恢复后「${TABLE_LABELS[t]}」有 ${out[t]} 行，备份中为 ${tables[t].length} 行；已撤销恢复，本机数据未作任何改动。`,
        );
    }
    return out;
  });
  if (!withAuthority) counts.authority = await db.authority.count();
  return { counts };
}
