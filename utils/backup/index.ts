/**
 * utils/backup: the archive `xunting.backup/1` of a whole Xunting database (a ZIP: manifest,
 * tables as JSON, PDFs as stored entries; private keys never). Pure and isomorphic: no `node:`,
 * no Buffer; fflate for the ZIP, WebCrypto for SHA-256.
 */
export { BACKUP_FORMAT, BACKUP_DB_VERSION, BACKUP_EXTENSION, BACKUP_MIME } from './backup-format';
export type { ArchiveLimits, BackupManifest, TableDump } from './backup-format';
export { BackupError } from './backup-error';
export { BACKUP_TABLES, TABLE_LABELS, TABLE_KEYS, EXCLUDED_TABLES, AUTHORITY_NOTE } from './backup-tables';
export type { BackupTable, TableCounts } from './backup-tables';
export { writeArchive } from './write-archive';
export { readArchive } from './read-archive';
export { readManifest } from './read-manifest';
export { backupFileName } from './backup-file-name';
export { describeProblems } from './describe-problems';
