/**
 * utils/sign: identities, the supervisor's CA, PKCS#12, PAdES signing and verification of
 * report PDFs. WebCrypto + pkijs only (no Buffer, no node:), so the same code runs in the
 * extension, the micro-frontend and the CLI.
 */
export type { Certificate } from 'pkijs';
export type { Identity } from './identity-types';
export { SignError } from './errors';
export { generateSigningKey } from './keys';
export { parseCsr, verifyCsr } from './csr';
export {
  parseCertificate,
  parseCertificates,
  certificateToPem,
  certificateDer,
  certificateInfo,
} from './certificate';
export type { CertificateInfo } from './certificate';
export { createIdentityRequest, importIssuedCertificate } from './identity';
export { createCa, issueCertificate } from './ca';
export { writePkcs12, readPkcs12 } from './pkcs12';
export { checkPassphrase } from './passphrase';
export { signPdf } from './pdf-sign';
export { verifyPdf } from './verify';
export type { VerifyOptions } from './verify';
export type { TrustStore } from './chain';
export type { Verdict, VerdictCode } from './verdict';
export { sha256, toHex } from './bytes';
