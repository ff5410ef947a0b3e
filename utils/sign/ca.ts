/**
 * The supervisor's certification authority: a self-signed ECDSA P-256 CA certificate, and
 * observer certificates issued from their requests (CSRs).
 */
import * as asn1js from 'asn1js';
import { AuthorityKeyIdentifier, BasicConstraints, Certificate, type CertificationRequest, ExtKeyUsage, Extension } from 'pkijs';
import { randomBytes, toArrayBuffer } from './bytes';
import {
  certTime,
  extension,
  isCaCertificate,
  OID_AUTHORITY_KEY_ID,
  OID_BASIC_CONSTRAINTS,
  OID_EXT_KEY_USAGE,
  OID_KEY_USAGE,
  OID_SUBJECT_KEY_ID,
} from './certificate';
import { verifyCsr } from './csr';
import { SignError } from './errors';
import type { Identity } from './identity-types';
import { generateSigningKey } from './keys';
import { keyWeakness } from './key-strength';
import { buildName, nameAttribute, OID_COMMON_NAME, type NameParts } from './name';

const DAY = 86_400_000;
/** Certificates start an hour in the past, so a clock that runs a little behind the CA's still accepts them. */
const CLOCK_SKEW = 3_600_000;
const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

/** 16 random bytes, a positive INTEGER in minimal DER (first byte 0x01–0x7F). */
function randomSerial(): asn1js.Integer {
  const b = randomBytes(16);
  b[0] = b[0] & 0x7f || 0x01;
  return new asn1js.Integer({ valueHex: toArrayBuffer(b) });
}

/** keyUsage as a DER BIT STRING from bit numbers (0 = digitalSignature … 6 = cRLSign). */
function keyUsage(bits: number[]): Extension {
  const last = Math.max(...bits);
  const bytes = new Uint8Array((last >> 3) + 1);
  for (const b of bits) bytes[b >> 3] |= 0x80 >> (b & 7);
  const unusedBits = 7 - (last & 7);
  const value = new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits });
  return new Extension({ extnID: OID_KEY_USAGE, critical: true, extnValue: value.toBER(false) });
}

/** subjectKeyIdentifier: SHA-1 of the subjectPublicKey bits (RFC 5280 method 1). */
async function keyId(cert: Certificate): Promise<Uint8Array> {
  const bits = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(new Uint8Array(bits))));
}

function octets(b: Uint8Array): ArrayBuffer {
  return new asn1js.OctetString({ valueHex: toArrayBuffer(b) }).toBER(false);
}

export interface CreateCaOptions extends NameParts {
  /** Validity in years (default 10). */
  validityYears?: number;
  /** Start of validity (default an hour ago, for clock skew). */
  notBefore?: Date;
  /** The CLI needs an extractable key to back the CA up as PKCS#12 (default true). */
  extractable?: boolean;
}

/** A new CA: ECDSA P-256 key and self-signed certificate (CA:true, keyCertSign + cRLSign). */
export async function createCa(opts: CreateCaOptions): Promise<Identity> {
  const keys = await generateSigningKey({ extractable: opts.extractable ?? true });
  const name = buildName(opts);
  const notBefore = opts.notBefore ?? new Date(Date.now() - CLOCK_SKEW);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.validityYears ?? 10));
  const cert = new Certificate({
    version: 2,
    serialNumber: randomSerial(),
    issuer: name,
    subject: name,
    notBefore: certTime(notBefore),
    notAfter: certTime(notAfter),
  });
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const ski = await keyId(cert);
  cert.extensions = [
    new Extension({ extnID: OID_BASIC_CONSTRAINTS, critical: true, extnValue: new BasicConstraints({ cA: true }).toSchema().toBER(false) }),
    keyUsage([5, 6]),
    new Extension({ extnID: OID_SUBJECT_KEY_ID, critical: false, extnValue: octets(ski) }),
  ];
  await cert.sign(keys.privateKey, 'SHA-256');
  return { privateKey: keys.privateKey, certificate: cert, chain: [] };
}

export interface IssueOptions {
  /** Validity in days (default 730, two years); never beyond the CA's own notAfter. */
  validityDays?: number;
  /** Start of validity (default an hour ago, for clock skew). Tests use it, with `notAfter`, to make expired certificates. */
  notBefore?: Date;
  notAfter?: Date;
}

/** Issue an observer's certificate from a CSR, after checking the CSR's own signature. */
export async function issueCertificate(ca: Identity, csr: CertificationRequest, opts: IssueOptions = {}): Promise<Certificate> {
  if (!isCaCertificate(ca.certificate)) throw new SignError('ca-invalid', '这不是 CA 证书（缺少 CA:true），不能签发证书');
  if (!(await verifyCsr(csr))) throw new SignError('csr-invalid', '证书请求的签名无效（请求可能被改动，或不是用其中的密钥生成的）');
  const weak = keyWeakness(csr.subjectPublicKeyInfo);
  if (weak) throw new SignError('key-weak', `证书请求中的密钥强度不够，不能签发：${weak}`);
  if (!nameAttribute(csr.subject, OID_COMMON_NAME)) throw new SignError('csr-invalid', '证书请求中没有姓名（CN）');
  const caNotAfter = ca.certificate.notAfter.value;
  const now = new Date();
  if (!opts.notBefore && caNotAfter.getTime() <= now.getTime())
    throw new SignError('ca-invalid', `CA 证书已于 ${caNotAfter.toISOString().slice(0, 10)} 过期，不能再签发证书`);
  const notBefore = opts.notBefore ?? new Date(Math.max(now.getTime() - CLOCK_SKEW, ca.certificate.notBefore.value.getTime()));
  let notAfter = opts.notAfter ?? new Date(now.getTime() + (opts.validityDays ?? 730) * DAY);
  if (notAfter.getTime() > caNotAfter.getTime()) notAfter = caNotAfter;

  const caSki = extension(ca.certificate, OID_SUBJECT_KEY_ID);
  const cert = new Certificate({
    version: 2,
    serialNumber: randomSerial(),
    issuer: ca.certificate.subject,
    subject: csr.subject,
    subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
    notBefore: certTime(notBefore),
    notAfter: certTime(notAfter),
  });
  const extensions = [
    new Extension({ extnID: OID_BASIC_CONSTRAINTS, critical: true, extnValue: new BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    keyUsage([0, 1]),
    new Extension({ extnID: OID_EXT_KEY_USAGE, critical: false, extnValue: new ExtKeyUsage({ keyPurposes: [OID_EMAIL_PROTECTION] }).toSchema().toBER(false) }),
    new Extension({ extnID: OID_SUBJECT_KEY_ID, critical: false, extnValue: octets(await keyId(cert)) }),
  ];
  if (caSki) {
    const id = asn1js.fromBER(caSki.extnValue.valueBlock.valueHexView).result as asn1js.OctetString;
    const aki = new AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(id.valueBlock.valueHexView)) }) });
    extensions.push(new Extension({ extnID: OID_AUTHORITY_KEY_ID, critical: false, extnValue: aki.toSchema().toBER(false) }));
  }
  cert.extensions = extensions;
  await cert.sign(ca.privateKey, 'SHA-256');
  return cert;
}
