/**
 * utils/sign: identities, the supervisor's CA, PKCS#12, PAdES signing and verification of
 * report PDFs. WebCrypto + pkijs only (no Buffer, no node:), so the same code runs in the
 * extension, the micro-frontend and the CLI.
 */
export type { Certificate } from 'pkijs';
export type { Identity } from './identity-types';
export { SignError } from './errors';
export type { SignErrorCode } from './errors';
export { generateSigningKey } from './keys';
export { createCsr, csrToPem, describeCsr, parseCsr, verifyCsr } from './csr';
export type { NameParts } from './name';
export {
  parseCertificate,
  parseCertificates,
  certificateToPem,
  certificateDer,
  certificateInfo,
  fingerprint,
  sameCertificate,
  isCaCertificate,
} from './certificate';
export type { CertificateInfo, PartyInfo } from './certificate';
export { createIdentityRequest, importIssuedCertificate, identityInfo } from './identity';
export type { IdentityRequest } from './identity';
export { createCa, issueCertificate } from './ca';
export type { CreateCaOptions, IssueOptions } from './ca';
export { writePkcs12, readPkcs12, PKCS12_ITERATIONS } from './pkcs12';
export type { WritePkcs12Options, ReadPkcs12Options } from './pkcs12';
export { checkPassphrase, MIN_PASSPHRASE_LENGTH } from './passphrase';
export { signPdf, DEFAULT_REASON, CONTENTS_MARGIN } from './pdf-sign';
export type { SignPdfOptions } from './pdf-sign';
export { verifyPdf, OBSERVATION_CONTENT } from './verify';
export type { VerifyOptions, EmbeddedContent } from './verify';
export type { TrustStore } from './chain';
export type { Verdict, VerdictCode, SignatureVerdict } from './verdict';
export { RECORD_ATTACHMENT, MAX_RECORD_BYTES } from './embedded-record';
export { sha256, toHex } from './bytes';
