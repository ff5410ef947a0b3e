/** What `verifyPdf` says about a file: one verdict, a machine code and one Chinese reason. */
import type { ObservationRecord } from '../record';

export type VerdictCode =
  | 'not-pdf'
  | 'truncated'
  | 'pdf-unsupported'
  /** The structure lies: a startxref or /Prev not pointing at a table, a table that does not add up, too many signatures. */
  | 'pdf-malformed'
  | 'no-signature'
  | 'byterange-invalid'
  | 'cms-invalid'
  | 'not-detached'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'appended-after-signature'
  | 'untrusted-signer'
  | 'cert-expired'
  | 'cert-not-yet-valid'
  | 'cert-usage-invalid'
  /** A key or certificate signature below the floor (RSA < 2048, another curve, a hash weaker than SHA-256). */
  | 'weak-key'
  /** A certificate on the path is unusable: an unknown critical extension, a pathLenConstraint exceeded. */
  | 'cert-invalid'
  /** /M and the CMS signingTime disagree, or the signing time lies in the future. */
  | 'signing-time-invalid'
  | 'record-missing'
  | 'record-invalid'
  | 'record-changed'
  /** A signature after the first was made over an update that holds more than that signature (a page, an annotation, a box outside the signature area). */
  | 'revision-invalid';

/** Which problem wins when a file has several (first = most fundamental). */
export const CODE_ORDER: readonly VerdictCode[] = [
  'not-pdf',
  'truncated',
  'pdf-unsupported',
  'pdf-malformed',
  'no-signature',
  'byterange-invalid',
  'cms-invalid',
  'not-detached',
  'digest-mismatch',
  'signature-invalid',
  'appended-after-signature',
  'untrusted-signer',
  'cert-expired',
  'cert-not-yet-valid',
  'signing-time-invalid',
  'weak-key',
  'cert-invalid',
  'cert-usage-invalid',
  'record-missing',
  'record-invalid',
  'record-changed',
  'revision-invalid',
];

export interface SignatureVerdict {
  /** 0-based, in file order (the first signer first). */
  index: number;
  /** Null when the CMS could not be read far enough to find the signer. */
  signer: { cn: string; o: string; fingerprint: string } | null;
  /** ISO 8601: the /M entry (PAdES), else the CMS signingTime attribute; null if neither. */
  signingTime: string | null;
  /** The signed bytes are unchanged and the signature over them verifies with the signer's key. */
  digestValid: boolean;
  /** The signer is pinned, or its chain reaches a trusted CA. */
  chainTrusted: boolean;
  /** Every certificate on the path is within its validity at the signing time. */
  certValidAtSigningTime: boolean;
  /** The ByteRange reaches the end of the file. */
  coversWholeFile: boolean;
  byteRange: number[];
  /**
   * Only for `untrusted-signer`: who issued the signer's certificate, to name in the refusal and
   * to compare with the trust list. The CA the signature carries (with its fingerprint), else the
   * issuer's name from the signer certificate (fingerprint null: the signature does not carry it).
   */
  issuer?: { cn: string; o: string; fingerprint: string | null };
  /** This signature's own problem, if any. */
  code?: VerdictCode;
  reason?: string;
}

export interface Verdict<T = ObservationRecord> {
  ok: boolean;
  code?: VerdictCode;
  reason?: string;
  signatures: SignatureVerdict[];
  /** Only when ok: the embedded record (or other content) as signed, read from the signed revision only. */
  record?: T;
  /** Only when ok: the exact embedded JSON text. */
  recordJson?: string;
}
