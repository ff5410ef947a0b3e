/** exportDatabase / restoreDatabase over IndexedDB (fake-indexeddb): whole or nothing. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { zipSync } from 'fflate';
import { BackupError, readArchive, readManifest, type TableCounts } from '../../../utils/backup';
import {
  XuntingDB,
  authorityInfo,
  createAuthority,
  createBrowserIdentity,
  exportDatabase,
  identityState,
  issueFromRequest,
  restoreDatabase,
  saveRecord,
} from '../../../utils/db';
import { parseCertificate, parseCertificates } from '../../../utils/sign';
import { readyRecord } from '../../fixtures/record';
import { smallTemplate } from '../../fixtures/rubric';
import { bytesOf, editRows, entryDataOffset, rezip, text } from './archive-tools';
import { CA_PASS, closeAll, contents, fillDatabase, fillOtherData, freshDb } from './fill-database';

afterEach(closeAll);

/** A filled database and its backup, made once (creating the CA and identities costs time). */
let source: XuntingDB;
let original: Record<string, unknown[]>;
let archive: Uint8Array;
let exportedCounts: TableCounts;
beforeAll(async () => {
  source = new XuntingDB(`xunting-backup-source-${crypto.randomUUID()}`);
  await fillDatabase(source);
  original = await contents(source);
  const out = await exportDatabase(source, { now: new Date('2026-05-12T03:04:00Z') });
  archive = out.bytes;
  exportedCounts = out.counts;
}, 60_000);

const withoutIdentities = (c: Record<string, unknown[]>) => Object.fromEntries(Object.entries(c).filter(([t]) => t !== 'identities'));

describe('exportDatabase', () => {
  it('writes every table except the signing identity; the CA only as its passphrase-protected PKCS#12; notes say so', async () => {
    expect(Object.values(original).every((rows) => rows.length > 0)).toBe(true);
    expect(exportedCounts).toEqual(Object.fromEntries(Object.entries(withoutIdentities(original)).map(([t, rows]) => [t, rows.length])));
    const manifest = readManifest(archive);
    expect(manifest.ok).toBe(true);
    if (!manifest.ok) return;
    expect(manifest.value.tables).toEqual(exportedCounts);
    expect(manifest.value.dbVersion).toBe(4);
    expect(manifest.value.createdAt).toBe('2026-05-12T03:04:00.000Z');
    expect(manifest.value.notes.join('\n')).toMatch('签名身份（identities）不在备份中');
    expect(manifest.value.notes.join('\n')).toMatch('CA 私钥不以明文写入备份');
    const read = await readArchive(archive);
    if (!read.ok) throw new Error('unreadable');
    const [ca] = read.value.tables.authority as Record<string, unknown>[];
    expect(Object.keys(ca).sort()).toEqual(['backup', 'certificate', 'createdAt', 'id']);
  });

  it('refuses to hand out a backup that could not be restored (a stored record that fails validation)', async () => {
    const db = freshDb();
    const r = readyRecord(smallTemplate());
    await saveRecord(db, r, '新建');
    await db.records.update(r.id, { 'record.revision': 0 });
    await expect(exportDatabase(db)).rejects.toThrow(/这样的备份将无法恢复，因此没有导出：\n· tables\/records\.json\[0\]\.record\.revision/);
  });
});

describe('restoreDatabase', () => {
  it('into an empty database: every table as it was, PDFs byte for byte, and the CA issues certificates that verify', async () => {
    const db = freshDb();
    const { counts } = await restoreDatabase(db, archive, { mode: 'replace', caPassphrase: CA_PASS });
    expect(counts).toEqual(exportedCounts);
    const restored = await contents(db);
    expect(restored).toEqual({ ...original, identities: [] });

    const ca = (await db.authority.get('ca'))!;
    expect(ca.privateKey).toBeInstanceOf(CryptoKey);
    expect(ca.privateKey.extractable).toBe(false);
    const issued = await issueFromRequest(db, await createBrowserIdentity(freshDb('obs'), { name: '赵六', org: '统战部' }));
    const [cert, caCert] = parseCertificates(issued.pemBundle);
    expect(await cert.verify(parseCertificate(ca.certificate))).toBe(true);
    expect(await cert.verify(caCert)).toBe(true);
    // New snapshots still get fresh numbers after the restored ones.
    const draft = readyRecord(smallTemplate());
    await saveRecord(db, draft, '新建');
    const seqs = (await db.snapshots.toArray()).map((s) => s.seq!);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('over a database holding other data: replaces it; the signing identity here is kept (it cannot come from a backup)', async () => {
    const db = freshDb();
    await fillOtherData(db);
    await createBrowserIdentity(db, { name: '本机人员', org: '本机单位' });
    const { counts } = await restoreDatabase(db, archive, { mode: 'replace', caPassphrase: CA_PASS });
    expect(counts).toEqual(exportedCounts);
    const restored = await contents(db);
    expect(withoutIdentities(restored)).toEqual(withoutIdentities(original));
    expect(await identityState(db)).toMatchObject({ kind: 'pending', name: '本机人员' });
  });

  it('without the CA when asked (passphrase forgotten): everything else restored, the CA here kept as it was', async () => {
    const db = freshDb();
    const own = await createAuthority(db, { name: '本机的 CA', org: '本机单位', passphrase: '本机的口令本机的口令' });
    await expect(restoreDatabase(db, archive, { mode: 'replace' })).rejects.toThrow('这份备份包含 CA：请输入 CA 备份口令');
    const { counts } = await restoreDatabase(db, archive, { mode: 'replace', skipAuthority: true });
    expect(counts).toEqual({ ...exportedCounts, authority: 1 });
    const { authority, ...rest } = await contents(db);
    const { authority: _theirs, ...origRest } = original;
    expect(authority).toEqual([{ id: 'ca', createdAt: expect.any(String), certificate: expect.any(Uint8Array), backup: own.backup }]);
    expect((await authorityInfo(db))!.info.fingerprint).toBe(own.info.fingerprint);
    expect(withoutIdentities(rest)).toEqual(withoutIdentities(origRest));
  });

  it('a backup without a CA never deletes the CA here (its key could not be brought back)', async () => {
    const observerSide = freshDb();
    await fillOtherData(observerSide);
    const { bytes } = await exportDatabase(observerSide);
    const db = freshDb();
    const own = await createAuthority(db, { name: '本机的 CA', org: '本机单位', passphrase: '本机的口令本机的口令' });
    const { counts } = await restoreDatabase(db, bytes, { mode: 'replace' });
    expect(counts.authority).toBe(1);
    expect(counts.records).toBe(1);
    expect((await authorityInfo(db))!.info.fingerprint).toBe(own.info.fingerprint);
  });
});

describe('a refused restore leaves the data here untouched', () => {
  let target: XuntingDB;
  let before: Record<string, unknown[]>;
  const refuse = async (bytes: Uint8Array, message: string | RegExp, opts: Partial<Parameters<typeof restoreDatabase>[2]> = {}) => {
    await expect(restoreDatabase(target, bytes, { mode: 'replace', caPassphrase: CA_PASS, ...opts })).rejects.toThrow(message);
    expect(await contents(target)).toEqual(before);
  };
  const setUp = async () => {
    target = freshDb('target');
    await fillOtherData(target);
    await createBrowserIdentity(target, { name: '本机人员', org: '本机单位' });
    before = await contents(target);
    expect(before.records).toHaveLength(1);
  };

  it('a random ZIP, a non-ZIP file, a manifest of another format, a newer format version', async () => {
    await setUp();
    await refuse(
      zipSync({ 'photo.jpg': crypto.getRandomValues(new Uint8Array(2000)) }),
      '备份文件无法恢复，本机数据未作任何改动：\n· 备份文件：这不是巡听备份文件：ZIP 中没有 manifest.json',
    );
    await refuse(bytesOf('姓名,单位\n张三,宣传部\n'), '这不是巡听备份文件（不是 ZIP 格式');
    await refuse(await rezip(archive, (_f, m) => (m.format = 'xunting.coverage/1')), '格式标识是 "xunting.coverage/1"');
    await refuse(await rezip(archive, (_f, m) => (m.format = 'xunting.backup/7')), '比本程序支持的 "xunting.backup/1" 新');
  });

  it('a truncated archive, one byte flipped inside an entry', async () => {
    await setUp();
    await refuse(archive.subarray(0, archive.length - 100), '备份文件已损坏或不完整');
    const flipped = archive.slice();
    flipped[entryDataOffset(archive, 'blobs/collectedFiles/2.pdf') + 77] ^= 0x80;
    await refuse(flipped, 'blobs/collectedFiles/2.pdf 的 SHA-256 校验值与 manifest.json 所记不符');
  });

  it('a record that fails validation, a missing PDF', async () => {
    await setUp();
    const badRecord = await rezip(archive, (f) => editRows(f, 'versions', (rows) => (rows[0].record.scores.A.value = 999)));
    await refuse(badRecord, 'tables/versions.json[0].record.scores["A"].value：「评分项A」的得分须在 0 至 20 之间');
    const noPdf = await rezip(archive, (f) => delete f['blobs/reports/1.pdf']);
    await refuse(noPdf, '备份中缺少所引用的文件 blobs/reports/1.pdf');
  });

  it('a wrong CA passphrase, none, or a CA whose PKCS#12 does not match its certificate', async () => {
    await setUp();
    await refuse(archive, 'CA 备份口令不正确，未恢复任何数据', { caPassphrase: '不是这个口令不是这个' });
    await refuse(archive, '这份备份包含 CA：请输入 CA 备份口令', { caPassphrase: undefined });
    const swapped = await rezip(archive, (f) => {
      const trust = JSON.parse(text(f['tables/trust.json']));
      const other = trust.find((t: { kind: string; cn: string }) => t.cn === '外部机构');
      editRows(f, 'authority', (rows) => (rows[0].certificate = other.certificate));
    });
    await refuse(swapped, '与其证书不一致');
  });

  it('a ZIP bomb (beyond the limit, lowered for the test)', async () => {
    await setUp();
    const bomb = await rezip(archive, (f) => (f['blobs/reports/3.bin'] = new Uint8Array(8 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(archive.length + 100_000);
    await refuse(bomb, '可能是“压缩炸弹”', { limits: { maxTotalBytes: 4 * 1024 * 1024 } });
  });

  it('a failure while writing (the disk full half way): the transaction is undone', async () => {
    await setUp();
    const spy = vi
      .spyOn(target.table('plans'), 'bulkPut')
      .mockImplementation((() => Promise.reject(Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' }))) as never);
    try {
      await refuse(archive, 'QuotaExceededError');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('guard rails', () => {
  it('a BackupError carries a code', async () => {
    const err = await restoreDatabase(freshDb(), bytesOf('x'), { mode: 'replace' }).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.code).toBe('archive-invalid');
  });
});
