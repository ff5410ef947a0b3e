/**
 * Certificate requests (PKCS#10): the observer's browser makes one with its own key and sends
 * it to the supervisor, who issues the certificate (`xunting ca issue`).
 */
import { CertificationRequest } from 'pkijs';
import { toArrayBuffer } from './bytes';
import { SignError } from './errors';
import { importSpkiFromInfo } from './spki';
import { sha256 } from './bytes';
import { colonHex } from './certificate';
import { buildName, nameAttribute, OID_COMMON_NAME, OID_ORGANIZATION, type NameParts } from './name';
import { derBlocks, toPem } from './pem';

/** A CSR for `subject`, signed with `keys.privateKey` (SHA-256): DER. */
export async function createCsr(keys: CryptoKeyPair, subject: NameParts): Promise<Uint8Array> {
  const csr = new CertificationRequest({ version: 0, subject: buildName(subject), attributes: [] });
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey);
  await csr.sign(keys.privateKey, 'SHA-256');
  return new Uint8Array(csr.toSchema(false).toBER(false));
}

export const csrToPem = (der: Uint8Array) => toPem(der, 'CERTIFICATE REQUEST');

export function parseCsr(input: string | Uint8Array): CertificationRequest {
  const [der] = derBlocks(input, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
  if (!der) throw new SignError('csr-invalid', '没有找到证书请求（应为 PEM 的 BEGIN CERTIFICATE REQUEST 块或 DER 文件）');
  try {
    return CertificationRequest.fromBER(toArrayBuffer(der));
  } catch {
    throw new SignError('csr-invalid', '证书请求无法读取（不是有效的 PKCS#10 请求）');
  }
}

/** Whom a request is for and which key it carries (SHA-256 of its SubjectPublicKeyInfo), for a person to confirm before issuing. */
export async function describeCsr(csr: CertificationRequest): Promise<{ cn: string; o: string; keyFingerprint: string }> {
  const spki = new Uint8Array(csr.subjectPublicKeyInfo.toSchema().toBER(false));
  return { cn: nameAttribute(csr.subject, OID_COMMON_NAME), o: nameAttribute(csr.subject, OID_ORGANIZATION), keyFingerprint: colonHex(await sha256(spki)) };
}

/** Does the request's signature verify with the key it carries (proof the requester holds the key)? */
export async function verifyCsr(csr: CertificationRequest): Promise<boolean> {
  try {
    await importSpkiFromInfo(csr.subjectPublicKeyInfo);
    return await csr.verify();
  } catch {
    return false;
  }
}
