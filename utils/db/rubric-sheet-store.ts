/**
 * Published 评分表 PDFs in a profile: the dashboard's publishing identity (issued by its own CA on
 * first use), and the observer's import of a 评分表, verified against the CA their own
 * certificate chains to (or the trust list), the template read from the signed revision only.
 */
import type { Identity } from '../sign';
import { SignError } from '../sign/errors';
import type { RubricTemplate } from '../rubric';
import { authorityInfo, issueFromRequest } from './authority-store';
import { ACTIVE_TEMPLATE_KEY } from './reference-store';
import { PUBLISHER_IDENTITY, type XuntingDB } from './schema';
import { trustStoreOf } from './trust-store';

// Signing and the verifier load on first use: the side panel's first paint does not need them.
const signing = () => import('../sign');
const sheets = () => import('../template-publish/read-sheet');

/**
 * The identity the dashboard signs 评分表 with: a key made here (non-extractable) and a
 * certificate from this profile's CA in the CA's own name, registered like any it issues.
 * Made again when missing or expired.
 */
export async function publisherIdentity(db: XuntingDB, now = new Date()): Promise<Identity> {
  const { certificateDer, createIdentityRequest, importIssuedCertificate, parseCertificate } = await signing();
  const row = await db.identities.get(PUBLISHER_IDENTITY);
  if (row?.certificate) {
    const certificate = parseCertificate(row.certificate);
    if (certificate.notBefore.value <= now && now < certificate.notAfter.value)
      return { privateKey: row.privateKey, certificate, chain: row.chain.map((c) => parseCertificate(c)) };
  }
  const ca = await authorityInfo(db);
  if (!ca) throw new SignError('ca-missing', '发布评分表须由本机 CA 签发的身份签名：请先在「证书颁发」中建立 CA 或从备份恢复');
  const subject = { name: ca.info.subject.cn, org: ca.info.subject.o };
  const req = await createIdentityRequest(subject);
  const issued = await issueFromRequest(db, req.csrPem, {}, now);
  const identity = await importIssuedCertificate(req.keys, issued.pemBundle);
  await db.identities.put({
    id: PUBLISHER_IDENTITY,
    ...subject,
    createdAt: now.toISOString(),
    source: 'browser',
    privateKey: req.keys.privateKey,
    publicKey: req.keys.publicKey,
    csrPem: req.csrPem,
    certificate: certificateDer(identity.certificate),
    chain: identity.chain.map(certificateDer),
  });
  return identity;
}

export type SheetImport = { ok: true; template: RubricTemplate; signer: string; replaced: number | null } | { ok: false; reason: string };

/**
 * Import a signed 评分表: refused by name when unsigned, changed, appended to, or signed outside
 * the trust (nothing changes). A good one becomes the template new observations start with; a
 * newer version of the same template replaces the older for new observations (drafts keep the
 * snapshot they carry); an older version than the one stored, or the same version with other
 * content, is refused.
 */
export async function importRubricSheet(db: XuntingDB, bytes: Uint8Array, now = new Date()): Promise<SheetImport> {
  const { verifyRubricSheet } = await sheets();
  const v = await verifyRubricSheet(bytes, await trustStoreOf(db, { includeOwnChain: true }), now);
  if (!v.ok) return { ok: false, reason: v.reason };
  const t = v.template;
  return db.transaction('rw', db.templates, db.settings, async (): Promise<SheetImport> => {
    const current = await db.templates.get(t.id);
    if (current && current.version > t.version)
      return { ok: false, reason: `本机已有评分表「${current.title}」的第 ${current.version} 版，比这份（第 ${t.version} 版）新，未导入` };
    if (current && current.version === t.version && JSON.stringify(current.template) !== JSON.stringify(t)) {
      return { ok: false, reason: `本机已有评分表「${current.title}」的第 ${t.version} 版，内容与这份不同（同一版本号不应有两种内容），未导入` };
    }
    await db.templates.put({
      id: t.id,
      version: t.version,
      title: t.title,
      importedAt: now.toISOString(),
      template: t,
      publishedBy: { ...v.signer, publishedAt: v.publishedAt },
    });
    await db.settings.put({ key: ACTIVE_TEMPLATE_KEY, value: t.id });
    return { ok: true, template: t, signer: v.signer.cn, replaced: current && current.version !== t.version ? current.version : null };
  });
}
