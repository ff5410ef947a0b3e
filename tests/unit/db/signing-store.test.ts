import { describe, expect, it } from 'vitest';
import {
  XuntingDB,
  addTrusted,
  authorityBackup,
  authorityInfo,
  createAuthority,
  createBrowserIdentity,
  identityState,
  importIdentityCertificate,
  importPkcs12Identity,
  issueFromRequest,
  listIssued,
  listTrusted,
  removeTrusted,
  restoreAuthority,
  signingIdentity,
  trustStoreOf,
} from '../../../utils/db';
import { certificateToPem, createCa, parseCertificate, readPkcs12, signPdf, verifyPdf, writePkcs12 } from '../../../utils/sign';
import { demoReport } from '../../fixtures/sign/reports';
import { observer } from '../../fixtures/sign/pki';
import { tracked } from '../../fixtures/db';

function freshDb(): XuntingDB {
  const db = new XuntingDB(`xunting-sign-${crypto.randomUUID()}`);
  tracked(db);
  return db;
}
const PASS = '巡听办备份口令2026';

describe('the supervisor’s CA in IndexedDB', () => {
  it('is created with a passphrase; the backup opens with it; the stored key is non-extractable', async () => {
    const db = freshDb();
    const made = await createAuthority(db, { name: '锡林郭勒盟委巡听办', org: '中共锡林郭勒盟委员会', passphrase: PASS });
    expect(made.info.isCa).toBe(true);
    expect(made.info.subject.cn).toBe('锡林郭勒盟委巡听办');
    expect(made.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const row = await db.authority.get('ca');
    expect(row!.privateKey.extractable).toBe(false);
    expect(await authorityBackup(db)).toEqual(made.backup);
    const back = await readPkcs12(made.backup, PASS);
    expect(certificateToPem(back.certificate)).toBe(made.pem);
    await expect(readPkcs12(made.backup, '不是这个口令啊')).rejects.toThrow('口令不正确');
  });

  it('refuses a short passphrase and a second CA; nothing is stored', async () => {
    const db = freshDb();
    await expect(createAuthority(db, { name: '巡听办', org: '工委', passphrase: '1234' })).rejects.toThrow(/口令/);
    expect(await authorityInfo(db)).toBeNull();
    await createAuthority(db, { name: '巡听办', org: '工委', passphrase: PASS });
    await expect(createAuthority(db, { name: '另一个', org: '工委', passphrase: PASS })).rejects.toThrow('已有 CA');
    expect((await authorityInfo(db))!.info.subject.cn).toBe('巡听办');
  });

  it('puts its own certificate in the trust list', async () => {
    const db = freshDb();
    const made = await createAuthority(db, { name: '巡听办', org: '工委', passphrase: PASS });
    const rows = await listTrusted(db);
    expect(rows.map((r) => [r.kind, r.cn, r.fingerprint])).toEqual([['ca', '巡听办', made.info.fingerprint]]);
  });

  it('restores from its backup on another machine, and issues there', async () => {
    const first = freshDb();
    const made = await createAuthority(first, { name: '巡听办', org: '工委', passphrase: PASS });
    const second = freshDb();
    await expect(restoreAuthority(second, made.backup, '错误的口令错误的口令')).rejects.toThrow('口令不正确');
    expect(await authorityInfo(second)).toBeNull();
    const restored = await restoreAuthority(second, made.backup, PASS);
    expect(restored.info.fingerprint).toBe(made.info.fingerprint);
    const observerDb = freshDb();
    const issued = await issueFromRequest(second, await createBrowserIdentity(observerDb, { name: '王五', org: '宣传部' }));
    expect(issued.info.issuer.cn).toBe('巡听办');
    await importIdentityCertificate(observerDb, issued.pemBundle);
    const id = (await signingIdentity(observerDb))!;
    const signed = await signPdf(demoReport().pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain });
    // Trusted on the first machine too: the restored CA is the same CA.
    expect((await verifyPdf(signed, { trust: await trustStoreOf(first) })).ok).toBe(true);
  });

  it('refuses to restore an observer’s PKCS#12 as a CA', async () => {
    const ca = await createCa({ name: '巡听办', org: '工委' });
    const zhang = await observer(ca, '张三', { extractable: true });
    const p12 = await writePkcs12(zhang, PASS);
    const db = freshDb();
    await expect(restoreAuthority(db, p12, PASS)).rejects.toThrow('不是 CA 证书');
    expect(await authorityInfo(db)).toBeNull();
  });
});

describe('an observer’s identity made in the browser, issued by the CA', () => {
  it('goes none → pending (CSR) → active, and signs a report the supervisor’s trust list accepts', async () => {
    const observerDb = freshDb();
    const supervisorDb = freshDb();
    expect(await identityState(observerDb)).toEqual({ kind: 'none' });
    const csrPem = await createBrowserIdentity(observerDb, { name: ' 张三 ', org: '锡林郭勒盟委组织部' });
    expect(csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(await identityState(observerDb)).toMatchObject({ kind: 'pending', name: '张三', csrPem });
    expect(await signingIdentity(observerDb)).toBeNull();

    await createAuthority(supervisorDb, { name: '巡听办', org: '工委', passphrase: PASS });
    const issued = await issueFromRequest(supervisorDb, csrPem);
    expect(issued.info.subject).toMatchObject({ cn: '张三', o: '锡林郭勒盟委组织部' });
    expect((await listIssued(supervisorDb)).map((r) => r.cn)).toEqual(['张三']);

    const info = await importIdentityCertificate(observerDb, issued.pemBundle);
    expect(info.fingerprint).toBe(issued.info.fingerprint);
    const state = await identityState(observerDb);
    expect(state).toMatchObject({ kind: 'active', name: '张三', expired: false, notYetValid: false });

    const id = (await signingIdentity(observerDb))!;
    expect(id.privateKey.extractable).toBe(false);
    expect(id.chain).toHaveLength(1);
    const signed = await signPdf(demoReport().pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain });
    const verdict = await verifyPdf(signed, { trust: await trustStoreOf(supervisorDb) });
    expect(verdict.ok).toBe(true);
    expect(verdict.signatures[0].signer?.cn).toBe('张三');
    // The observer trusts their own CA without adding it by hand (to check a co-observer's signature).
    expect((await verifyPdf(signed, { trust: await trustStoreOf(observerDb, { includeOwnChain: true }) })).ok).toBe(true);
    expect((await verifyPdf(signed, { trust: await trustStoreOf(observerDb) })).code).toBe('untrusted-signer');
  });

  it('a certificate issued for somebody else’s key is refused and the request stays pending', async () => {
    const db = freshDb();
    const ca = await createCa({ name: '巡听办', org: '工委' });
    const other = await observer(ca, '李四');
    const csrPem = await createBrowserIdentity(db, { name: '张三', org: '组织部' });
    await expect(importIdentityCertificate(db, certificateToPem(other.certificate))).rejects.toThrow('公钥不符');
    expect(await identityState(db)).toMatchObject({ kind: 'pending', csrPem });
  });

  it('importing a certificate with no request made is refused', async () => {
    const db = freshDb();
    const ca = await createCa({ name: '巡听办', org: '工委' });
    await expect(importIdentityCertificate(db, certificateToPem(ca.certificate))).rejects.toThrow('还没有生成签名密钥');
  });
});

describe('an identity from the organisation’s PKCS#12', () => {
  it('imports with its passphrase; the key becomes non-extractable; a wrong passphrase stores nothing', async () => {
    const ca = await createCa({ name: '巡听办', org: '工委' });
    const li = await observer(ca, '李四', { extractable: true });
    const p12 = await writePkcs12(li, PASS);
    const db = freshDb();
    await expect(importPkcs12Identity(db, p12, '完全不对的口令啊')).rejects.toThrow('口令不正确');
    expect(await identityState(db)).toEqual({ kind: 'none' });
    const info = await importPkcs12Identity(db, p12, PASS);
    expect(info.subject.cn).toBe('李四');
    expect(await identityState(db)).toMatchObject({ kind: 'active', source: 'pkcs12', name: '李四' });
    expect((await signingIdentity(db))!.privateKey.extractable).toBe(false);
  });
});

describe('the trust list', () => {
  it('files CA certificates as ca and observer certificates as pinned; removing one stops trusting it', async () => {
    const db = freshDb();
    const ca = await createCa({ name: '外盟巡听办', org: '外盟工委' });
    const zhang = await observer(ca, '张三');
    await addTrusted(db, certificateToPem(ca.certificate) + certificateToPem(zhang.certificate));
    const rows = await listTrusted(db);
    expect(rows.map((r) => `${r.kind}:${r.cn}`).sort()).toEqual(['ca:外盟巡听办', 'pinned:张三']);
    const signed = await signPdf(demoReport().pdf, { key: zhang.privateKey, certificate: zhang.certificate, chain: zhang.chain });
    expect((await verifyPdf(signed, { trust: await trustStoreOf(db) })).ok).toBe(true);
    for (const r of rows) await removeTrusted(db, r.fingerprint);
    expect((await verifyPdf(signed, { trust: await trustStoreOf(db) })).code).toBe('untrusted-signer');
    expect(parseCertificate(rows[0].certificate)).toBeTruthy();
  });

  it('refuses what is not a certificate', async () => {
    const db = freshDb();
    await expect(addTrusted(db, 'hello')).rejects.toThrow('证书');
    expect(await listTrusted(db)).toEqual([]);
  });
});
