/**
 * The supervisor's certification authority in IndexedDB. The CA key is made extractable only
 * for the moment it takes to write the passphrase-protected PKCS#12 backup; what is stored is
 * that backup and the key re-imported non-extractable. Issued certificates are registered.
 */
import type { CertificateInfo, Identity } from '../sign';
import { SignError } from '../sign/errors';
import { checkPassphrase } from '../sign/passphrase';
import { SELF_AUTHORITY, type IssuedRow, type XuntingDB } from './schema';
import { trustRows } from './trust-store';

/** pkijs and the signing code (~90 KB gzipped) load on first use, not with the page. */
const signing = () => import('../sign');

export interface AuthorityInfo {
  info: CertificateInfo;
  createdAt: string;
  /** The CA certificate as PEM, for trust lists and other tools. */
  pem: string;
}

export async function authorityInfo(db: XuntingDB): Promise<AuthorityInfo | null> {
  const row = await db.authority.get(SELF_AUTHORITY);
  if (!row) return null;
  const { parseCertificate, certificateInfo, certificateToPem } = await signing();
  const cert = parseCertificate(row.certificate);
  return { info: await certificateInfo(cert), createdAt: row.createdAt, pem: certificateToPem(cert) };
}

async function storeAuthority(db: XuntingDB, backup: Uint8Array, passphrase: string, now: Date): Promise<AuthorityInfo> {
  const { readPkcs12, certificateInfo, certificateDer, certificateToPem } = await signing();
  const ca = await readPkcs12(backup, passphrase);
  const info = await certificateInfo(ca.certificate);
  if (!info.isCa) throw new SignError('ca-invalid', '这个 PKCS#12 中的证书不是 CA 证书（缺少 CA:true）');
  const der = certificateDer(ca.certificate);
  const trusted = await trustRows(der, now);
  await db.transaction('rw', db.authority, db.trust, async () => {
    await db.authority.put({ id: SELF_AUTHORITY, createdAt: now.toISOString(), privateKey: ca.privateKey, certificate: der, backup });
    await db.trust.bulkPut(trusted);
  });
  return { info, createdAt: now.toISOString(), pem: certificateToPem(ca.certificate) };
}

/**
 * A new CA (ECDSA P-256, ten years). Returns its certificate and the PKCS#12 backup, which the
 * page hands to the supervisor at once. The CA's own certificate goes into the trust list.
 */
export async function createAuthority(
  db: XuntingDB,
  opts: { name: string; org: string; passphrase: string },
  now = new Date(),
): Promise<AuthorityInfo & { backup: Uint8Array }> {
  checkPassphrase(opts.passphrase);
  if (await db.authority.get(SELF_AUTHORITY)) throw new SignError('ca-invalid', '本机已有 CA；如要更换，请先删除现有 CA（已签发的证书将不再能由新 CA 续签）');
  const { createCa, writePkcs12 } = await signing();
  const ca = await createCa({ name: opts.name.trim(), org: opts.org.trim(), extractable: true });
  const backup = await writePkcs12(ca, opts.passphrase, { friendlyName: `${opts.name.trim()} CA` });
  return { ...(await storeAuthority(db, backup, opts.passphrase, now)), backup };
}

/** Restore the CA from its PKCS#12 backup (on a new machine, or after the profile was lost). */
export async function restoreAuthority(db: XuntingDB, backup: Uint8Array, passphrase: string, now = new Date()): Promise<AuthorityInfo> {
  return storeAuthority(db, backup, passphrase, now);
}

/** The stored PKCS#12 backup (already encrypted with the CA's passphrase). */
export async function authorityBackup(db: XuntingDB): Promise<Uint8Array | null> {
  return (await db.authority.get(SELF_AUTHORITY))?.backup ?? null;
}

async function authorityIdentity(db: XuntingDB): Promise<Identity> {
  const row = await db.authority.get(SELF_AUTHORITY);
  if (!row) throw new SignError('ca-missing', '本机还没有 CA：请先建立 CA，或从备份恢复');
  const { parseCertificate } = await signing();
  return { privateKey: row.privateKey, certificate: parseCertificate(row.certificate), chain: [] };
}

export interface IssuedCertificate {
  info: CertificateInfo;
  /** The observer's certificate followed by the CA's: what the observer imports. */
  pemBundle: string;
}

/** Issue an observer's certificate from a CSR (PEM or DER), after checking its signature; registered in `issued`. */
export async function issueFromRequest(
  db: XuntingDB,
  csr: string | Uint8Array,
  opts: { validityDays?: number } = {},
  now = new Date(),
): Promise<IssuedCertificate> {
  const ca = await authorityIdentity(db);
  const { issueCertificate, parseCsr, certificateInfo, certificateDer, certificateToPem } = await signing();
  const cert = await issueCertificate(ca, parseCsr(csr), { validityDays: opts.validityDays });
  const info = await certificateInfo(cert);
  const row: IssuedRow = {
    serial: info.serial,
    cn: info.subject.cn,
    o: info.subject.o,
    fingerprint: info.fingerprint,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    issuedAt: now.toISOString(),
    certificate: certificateDer(cert),
  };
  await db.issued.put(row);
  return { info, pemBundle: certificateToPem(cert) + certificateToPem(ca.certificate) };
}

/** What a request would be issued as, for the supervisor to confirm: whom for, which key, how long. */
export interface RequestPreview {
  cn: string;
  o: string;
  /** SHA-256 of the requester's public key (SubjectPublicKeyInfo), to compare with the observer's. */
  keyFingerprint: string;
  notBefore: string;
  /** Capped at the CA's own expiry, as issueCertificate does. */
  notAfter: string;
}

/** Read and check a request without issuing anything (a bad request is refused here, before the confirmation). */
export async function previewRequest(db: XuntingDB, csr: string | Uint8Array, opts: { validityDays?: number } = {}, now = new Date()): Promise<RequestPreview> {
  const ca = await authorityInfo(db);
  if (!ca) throw new Error('还没有 CA：请先建立或恢复 CA');
  const { parseCsr, verifyCsr, describeCsr } = await signing();
  const req = parseCsr(csr);
  if (!(await verifyCsr(req))) throw new SignError('csr-invalid', '证书请求的签名无效（请求可能被改动，或不是用其中的密钥生成的）');
  const who = await describeCsr(req);
  if (!who.cn) throw new SignError('csr-invalid', '证书请求中没有姓名（CN）');
  const end = Math.min(now.getTime() + (opts.validityDays ?? 730) * 86_400_000, Date.parse(ca.info.notAfter));
  return { ...who, notBefore: now.toISOString(), notAfter: new Date(end).toISOString() };
}

export async function listIssued(db: XuntingDB): Promise<IssuedRow[]> {
  return (await db.issued.orderBy('issuedAt').toArray()).reverse();
}
