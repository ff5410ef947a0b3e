/**
 * utils/sign: identities, the supervisor's CA, PKCS#12, PAdES signing and verification of
 * report PDFs. WebCrypto + pkijs only (no Buffer, no node:), so the same code runs in the
 * extension, the micro-frontend and the CLI.
 */
export type { Certificate } from 'pkijs';
export type { Identity } from './identity-types';
export { SignError } from './errors';
export { generateSigningKey } from './keys';
export { createCsr, csrToPem, describeCsr, parseCsr, verifyCsr } from './csr';
export type { NameParts } from './name';
export { parseCertificate, parseCertificates, certificateToPem, certificateDer, certificateInfo, fingerprint } from './certificate';
export type { CertificateInfo } from './certificate';
export { createIdentityRequest, importIssuedCertificate } from './identity';
export { createCa, issueCertificate } from './ca';
export type { CreateCaOptions, IssueOptions } from './ca';
export { writePkcs12, readPkcs12 } from './pkcs12';
export type { WritePkcs12Options, ReadPkcs12Options } from './pkcs12';
export { checkPassphrase } from './passphrase';
export { signPdf, DEFAULT_REASON, CONTENTS_MARGIN } from './pdf-sign';
export type { SignPdfOptions } from './pdf-sign';
export { verifyPdf, OBSERVATION_CONTENT } from './verify';
export type { VerifyOptions, EmbeddedContent } from './verify';
export type { TrustStore } from './chain';
export type { SignatureVerdict, Verdict, VerdictCode } from './verdict';
export { sha256, toHex } from './bytes';
