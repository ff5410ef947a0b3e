/**
 * X.509 certificates: read (PEM or DER), write PEM, and describe for people (subject, issuer,
 * serial, SHA-256 fingerprint, validity).
 */
import * as asn1js from 'asn1js';
import { BasicConstraints, Certificate, Time } from 'pkijs';
import { bytesEqual, latin1, sha256, toArrayBuffer, toHex } from './bytes';
import { SignError } from './errors';
import { formatName, nameAttribute, OID_COMMON_NAME, OID_ORGANIZATION } from './name';
import { derBlocks, toPem } from './pem';
import { perObject } from './memo';

export const OID_BASIC_CONSTRAINTS = '2.5.29.19';
export const OID_KEY_USAGE = '2.5.29.15';
export const OID_EXT_KEY_USAGE = '2.5.29.37';
export const OID_SUBJECT_KEY_ID = '2.5.29.14';
export const OID_AUTHORITY_KEY_ID = '2.5.29.35';

const derCache = new WeakMap<Certificate, Uint8Array>();

/** The certificate's DER (cached: certificates are not changed once made or read). */
export function certificateDer(cert: Certificate): Uint8Array {
  let der = derCache.get(cert);
  if (!der) {
    der = new Uint8Array(cert.toSchema().toBER(false));
    derCache.set(cert, der);
  }
  return der;
}

export function certificateToPem(cert: Certificate): string {
  return toPem(certificateDer(cert), 'CERTIFICATE');
}

/**
 * Certificates read from DER, by their bytes. A supervisor's inbox verifies hundreds of reports
 * signed by the same few observers under the same CA: pkijs's schema matcher and the re-encoding
 * for the DER cost more than the rest of a verification, and the chain checks below are cached
 * per certificate object, so the same bytes must give the same object. Bounded: a batch of
 * reports from strangers cannot grow it without limit.
 */
const readCache = new Map<string, Certificate>();
const READ_CACHE_SIZE = 256;

/** The certificate in these DER bytes (the same object for the same bytes); throws on anything else. */
export function certificateFromDer(der: Uint8Array): Certificate {
  const key = latin1(der);
  let cert = readCache.get(key);
  if (!cert) {
    cert = Certificate.fromBER(toArrayBuffer(der));
    if (readCache.size >= READ_CACHE_SIZE) readCache.delete(readCache.keys().next().value!);
    readCache.set(key, cert);
    derCache.set(cert, der.slice());
  }
  return cert;
}

function parseOne(der: Uint8Array): Certificate {
  try {
    return certificateFromDer(der);
  } catch {
    throw new SignError('certificate-invalid', '证书无法读取（不是有效的 X.509 证书）');
  }
}

/** Every certificate in PEM text (any number of blocks) or one DER certificate. */
export function parseCertificates(input: string | Uint8Array): Certificate[] {
  const blocks = derBlocks(input, ['CERTIFICATE', 'TRUSTED CERTIFICATE']);
  if (!blocks.length) throw new SignError('certificate-invalid', '没有找到证书（应为 PEM 的 BEGIN CERTIFICATE 块或 DER 文件）');
  return blocks.map(parseOne);
}

/** Exactly one certificate (the first, if PEM holds several). */
export function parseCertificate(input: string | Uint8Array): Certificate {
  return parseCertificates(input)[0];
}

/** A certificate's SubjectPublicKeyInfo as DER (what "the same key" means). */
export function spkiDer(cert: Certificate): Uint8Array {
  return new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
}

export function sameCertificate(a: Certificate, b: Certificate): boolean {
  return a === b || bytesEqual(certificateDer(a), certificateDer(b));
}

/** `AB:CD:…` (upper-case, colon-separated). */
export const colonHex = (b: Uint8Array) => toHex(b, ':').toUpperCase();

export async function fingerprint(cert: Certificate): Promise<string> {
  return colonHex(await sha256(certificateDer(cert)));
}

function serialHex(cert: Certificate): string {
  return toHex(cert.serialNumber.valueBlock.valueHexView).toUpperCase();
}

export function extension(cert: Certificate, oid: string) {
  return cert.extensions?.find((e) => e.extnID === oid);
}

export const isCaCertificate = perObject((cert: Certificate): boolean => {
  const ext = extension(cert, OID_BASIC_CONSTRAINTS);
  if (!ext) return false;
  const bc =
    ext.parsedValue instanceof BasicConstraints
      ? ext.parsedValue
      : BasicConstraints.fromBER(toArrayBuffer(new Uint8Array(ext.extnValue.valueBlock.valueHexView)));
  return bc.cA === true;
});

/** keyUsage bits (digitalSignature = 0 … cRLSign = 6); null when the extension is absent. */
export const keyUsageBits = perObject((cert: Certificate): ReadonlySet<number> | null => {
  const ext = extension(cert, OID_KEY_USAGE);
  if (!ext) return null;
  const asn = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  const bits = asn.result as asn1js.BitString;
  const bytes = bits.valueBlock.valueHexView;
  const set = new Set<number>();
  for (let i = 0; i < bytes.length * 8; i++) if (bytes[i >> 3] & (0x80 >> (i & 7))) set.add(i);
  return set;
});

/** A Time for a certificate: UTCTime through 2049, GeneralizedTime after (RFC 5280), whole seconds. */
export function certTime(d: Date): Time {
  const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
  return new Time({ type: whole.getUTCFullYear() < 2050 ? 0 : 1, value: whole });
}

export interface PartyInfo {
  cn: string;
  o: string;
  /** The whole name, e.g. `CN=张三, O=某单位, C=CN`. */
  text: string;
}

export interface CertificateInfo {
  subject: PartyInfo;
  issuer: PartyInfo;
  /** Serial number in hex (upper-case). */
  serial: string;
  /** SHA-256 of the certificate, colon hex. */
  fingerprint: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  isCa: boolean;
}

export async function certificateInfo(cert: Certificate): Promise<CertificateInfo> {
  const party = (n: Certificate['subject']): PartyInfo => ({
    cn: nameAttribute(n, OID_COMMON_NAME),
    o: nameAttribute(n, OID_ORGANIZATION),
    text: formatName(n),
  });
  return {
    subject: party(cert.subject),
    issuer: party(cert.issuer),
    serial: serialHex(cert),
    fingerprint: await fingerprint(cert),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    isCa: isCaCertificate(cert),
  };
}
