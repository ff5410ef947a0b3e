/**
 * Errors of the signing layer: a machine code and one Chinese sentence a person can act on.
 * Messages never carry key material or passphrases.
 */
export type SignErrorCode =
  | 'passphrase-weak'
  | 'passphrase-wrong'
  | 'pkcs12-invalid'
  | 'pkcs12-unsupported'
  | 'key-unsupported'
  /** Below the floor of key-strength.ts (RSA < 2048 bits, a curve other than P-256/384/521). */
  | 'key-weak'
  | 'certificate-invalid'
  | 'certificate-mismatch'
  | 'certificate-not-valid'
  | 'csr-invalid'
  | 'ca-invalid'
  | 'pdf-invalid'
  | 'pdf-unsupported'
  | 'signature-too-large'
  | 'name-invalid'
  | 'identity-missing'
  | 'ca-missing';

export class SignError extends Error {
  readonly code: SignErrorCode;
  constructor(code: SignErrorCode, message: string) {
    super(message);
    this.name = 'SignError';
    this.code = code;
  }
}
