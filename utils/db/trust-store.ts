/**
 * The trust list: CA certificates (every certificate they issued is trusted) and observer
 * certificates pinned one by one. The verifier's TrustStore is read from here.
 */
import type { TrustStore } from '../sign';
import { SignError } from '../sign/errors';
import type { TrustRow, XuntingDB } from './schema';

/** pkijs and the signing code (~90 KB gzipped) load on first use, not with the page. */
const signing = () => import('../sign');

/** Trust-list rows for certificates (PEM, PEM bundle or DER): a CA certificate as `ca`, anything else `pinned`. */
export async function trustRows(input: string | Uint8Array, now = new Date()): Promise<TrustRow[]> {
  const { parseCertificates, certificateInfo, certificateDer } = await signing();
  let certs;
  try {
    certs = parseCertificates(input);
  } catch {
    throw new SignError('certificate-invalid', '不是有效的证书文件（应为 PEM 或 DER 格式的 X.509 证书）');
  }
  if (!certs.length) throw new SignError('certificate-invalid', '文件中没有证书');
  const rows: TrustRow[] = [];
  for (const cert of certs) {
    const info = await certificateInfo(cert);
    rows.push({
      fingerprint: info.fingerprint,
      kind: info.isCa ? 'ca' : 'pinned',
      cn: info.subject.cn,
      o: info.subject.o,
      notAfter: info.notAfter,
      addedAt: now.toISOString(),
      certificate: certificateDer(cert),
    });
  }
  return rows;
}

/** Add certificates to the trust list (see trustRows). Returns the rows added or updated. */
export async function addTrusted(db: XuntingDB, input: string | Uint8Array, now = new Date()): Promise<TrustRow[]> {
  const rows = await trustRows(input, now);
  await db.trust.bulkPut(rows);
  return rows;
}

export async function removeTrusted(db: XuntingDB, fingerprint: string): Promise<void> {
  await db.trust.delete(fingerprint);
}

export async function listTrusted(db: XuntingDB): Promise<TrustRow[]> {
  return db.trust.orderBy('fingerprint').toArray();
}

/** The TrustStore for verifyPdf: the trust list, plus (for an observer) the CA chain of their own identity. */
export async function trustStoreOf(db: XuntingDB, opts: { includeOwnChain?: boolean } = {}): Promise<TrustStore> {
  const { parseCertificate } = await signing();
  const rows = await db.trust.toArray();
  const cas = rows.filter((r) => r.kind === 'ca').map((r) => parseCertificate(r.certificate));
  const pinned = rows.filter((r) => r.kind === 'pinned').map((r) => parseCertificate(r.certificate));
  if (opts.includeOwnChain) {
    const self = await db.identities.toArray();
    for (const row of self) for (const der of row.chain) cas.push(parseCertificate(der));
  }
  return { cas, pinned };
}
