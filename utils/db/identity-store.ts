/**
 * The observer's signing identity in IndexedDB: a key made here (non-extractable, it never
 * leaves the browser) with its certificate request, then the certificate the supervisor
 * issued; or an identity imported from the organisation's PKCS#12.
 */
import type { CertificateInfo, Identity } from '../sign';
import { SignError } from '../sign/errors';
import { SELF_IDENTITY, type IdentityRow, type XuntingDB } from './schema';

/** pkijs and the signing code (~90 KB gzipped) load on first use, not with the page. */
const signing = () => import('../sign');

export type IdentityState =
  | { kind: 'none' }
  | { kind: 'pending'; name: string; org: string; csrPem: string; createdAt: string }
  | { kind: 'active'; name: string; org: string; source: IdentityRow['source']; info: CertificateInfo; expired: boolean; notYetValid: boolean };

export async function identityState(db: XuntingDB, now = new Date()): Promise<IdentityState> {
  const row = await db.identities.get(SELF_IDENTITY);
  if (!row) return { kind: 'none' };
  if (!row.certificate) return { kind: 'pending', name: row.name, org: row.org, csrPem: row.csrPem ?? '', createdAt: row.createdAt };
  const { certificateInfo, parseCertificate } = await signing();
  const info = await certificateInfo(parseCertificate(row.certificate));
  return {
    kind: 'active',
    name: row.name,
    org: row.org,
    source: row.source,
    info,
    expired: now.getTime() > Date.parse(info.notAfter),
    notYetValid: now.getTime() < Date.parse(info.notBefore),
  };
}

/** A new key pair and certificate request; replaces any identity stored before. */
export async function createBrowserIdentity(db: XuntingDB, subject: { name: string; org: string }, now = new Date()): Promise<string> {
  const { createIdentityRequest } = await signing();
  const req = await createIdentityRequest({ name: subject.name.trim(), org: subject.org.trim() });
  await db.identities.put({
    id: SELF_IDENTITY,
    name: subject.name.trim(),
    org: subject.org.trim(),
    createdAt: now.toISOString(),
    source: 'browser',
    privateKey: req.keys.privateKey,
    publicKey: req.keys.publicKey,
    csrPem: req.csrPem,
    certificate: null,
    chain: [],
  });
  return req.csrPem;
}

/**
 * The certificate the supervisor issued for our request (PEM or DER; a PEM bundle may carry
 * the CA certificate, which becomes the chain). Refused unless it is for our key.
 */
export async function importIdentityCertificate(db: XuntingDB, input: string | Uint8Array): Promise<CertificateInfo> {
  const row = await db.identities.get(SELF_IDENTITY);
  if (!row || !row.publicKey) throw new SignError('identity-missing', '还没有生成签名密钥和证书请求，不能导入证书');
  const { importIssuedCertificate, certificateInfo, certificateDer } = await signing();
  const id = await importIssuedCertificate({ privateKey: row.privateKey, publicKey: row.publicKey }, input);
  const info = await certificateInfo(id.certificate);
  await db.identities.put({
    ...row,
    certificate: certificateDer(id.certificate),
    chain: id.chain.map(certificateDer),
    name: info.subject.cn || row.name,
    org: info.subject.o || row.org,
  });
  return info;
}

/** An identity from the organisation's PKCS#12 (.p12/.pfx); the key is imported non-extractable. */
export async function importPkcs12Identity(db: XuntingDB, bytes: Uint8Array, passphrase: string, now = new Date()): Promise<CertificateInfo> {
  const { readPkcs12, certificateInfo, certificateDer } = await signing();
  const id = await readPkcs12(bytes, passphrase);
  const info = await certificateInfo(id.certificate);
  await db.identities.put({
    id: SELF_IDENTITY,
    name: info.subject.cn,
    org: info.subject.o,
    createdAt: now.toISOString(),
    source: 'pkcs12',
    privateKey: id.privateKey,
    publicKey: null,
    csrPem: null,
    certificate: certificateDer(id.certificate),
    chain: id.chain.map(certificateDer),
  });
  return info;
}

/** The identity to sign with, or null when there is none or its certificate is not imported yet. */
export async function signingIdentity(db: XuntingDB): Promise<Identity | null> {
  const row = await db.identities.get(SELF_IDENTITY);
  if (!row?.certificate) return null;
  const { parseCertificate } = await signing();
  return { privateKey: row.privateKey, certificate: parseCertificate(row.certificate), chain: row.chain.map((c) => parseCertificate(c)) };
}

export async function removeIdentity(db: XuntingDB): Promise<void> {
  await db.identities.delete(SELF_IDENTITY);
}
