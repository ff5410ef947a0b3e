/** Errors of backup and restore: a machine code and Chinese sentences a person can act on. */
export type BackupErrorCode =
  'archive-invalid' | 'unsupported-value' | 'export-unrestorable' | 'ca-passphrase-missing' | 'ca-passphrase-wrong' | 'ca-invalid' | 'count-mismatch';

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
  }
}
