/**
 * The archive format `xunting.backup/1`: one ZIP holding a manifest, every table as JSON and
 * the PDFs as separate stored entries. What is in the archive and what is not (private keys).
 */

export const BACKUP_FORMAT = 'xunting.backup/1' as const;
export const BACKUP_FORMAT_PREFIX = 'xunting.backup/';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_APP = 'xunting' as const;
/** The database schema version whose tables this format describes (utils/db DB_VERSION; a test keeps them equal). */
export const BACKUP_DB_VERSION = 4;
export const MANIFEST_ENTRY = 'manifest.json';
/** The file name extension of a backup. */
export const BACKUP_EXTENSION = '.xtbak';
export const BACKUP_MIME = 'application/zip';

/** What a reader accepts before inflating anything (the sizes the ZIP declares are checked first). */
export interface ArchiveLimits {
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Entries in the ZIP. */
  maxEntries: number;
}

/**
 * A restore holds every entry in memory at once; 256 MB is some 2,000 signed reports, and keeps a
 * refused archive (whose entries are inflated before their checksums fail) under half a gigabyte.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 256 * 1024 ** 2,
  maxEntries: 200_000,
};

/** `manifest.json`. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  dbVersion: number;
  app: typeof BACKUP_APP;
  /** Rows of each table in the archive. */
  tables: Record<string, number>;
  /** SHA-256 (hex) of every other entry, by its path. */
  entries: Record<string, string>;
  notes: string[];
}

/**
 * The contents of a database as the archive holds them: each table's rows exactly as Dexie
 * stores them. Binary fields are Uint8Array, PDFs are Blob (in the archive: `{ "$bytes" }` and
 * separate `blobs/…` entries). CryptoKeys cannot be in a dump: writing one is refused.
 */
export interface TableDump {
  tables: Record<string, unknown[]>;
  /** The database schema version the rows are in. */
  dbVersion: number;
  /** ISO time the dump was taken. */
  createdAt: string;
  /** Sentences for a person reading the manifest (what is not in the backup, and why). */
  notes: string[];
}

/** `tables/<name>.json` */
export const tableEntry = (table: string) => `tables/${table}.json`;
