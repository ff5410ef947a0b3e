import { beforeAll, describe, expect, it } from 'vitest';
import { inspectReport, MemoryCollection, MAX_REPORT_BYTES, type Inspection } from '../../../utils/collect';
import { XuntingDB, addTrusted, collectedRecords, collectionCounts, ingestInspected, removeCollected } from '../../../utils/db';
import { renderReport } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import { finalizeRecord, reviseRecord, type ObservationRecord } from '../../../utils/record';
import { certificateToPem, signPdf, type Identity, type TrustStore } from '../../../utils/sign';
import { createInboxStore } from '../../../components/collect/inbox-store';
import { demo } from '../../fixtures/records/builders';
import { makePki, observer, type Pki } from '../../fixtures/sign/pki';
import { tracked } from '../../fixtures/db';

let pki: Pki;
let trust: TrustStore;
const fonts = loadReportFonts({ ext: false });
const sign = (pdf: Uint8Array, who: Identity, at = new Date()) =>
  signPdf(pdf, { key: who.privateKey, certificate: who.certificate, chain: who.chain, signingTime: at });

/** Revision 1 of the demo record for one unit, and a corrected revision 2. */
let rev1: ObservationRecord;
let rev2: ObservationRecord;
let pdf1: Uint8Array;
let pdf2: Uint8Array;
beforeAll(async () => {
  pki = await makePki();
  trust = { cas: [pki.ca.certificate] };
  rev1 = demo({ id: 'u007', name: '锡林郭勒盟委机构编制委员会办公室' }, '2026-04-16');
  expect(rev1.status).toBe('final');
  const draft2 = reviseRecord(rev1, new Date('2026-04-20T02:00:00Z'));
  draft2.narrative.suggestions += '（更正：补充整改时限）';
  draft2.observers = rev1.observers;
  rev2 = finalizeRecord(draft2, new Date('2026-04-20T03:00:00Z'));
  pdf1 = renderReport(rev1, fonts);
  pdf2 = renderReport(rev2, fonts);
}, 60_000);

function freshDb() {
  const db = new XuntingDB(`xunting-collect-${crypto.randomUUID()}`);
  tracked(db);
  return db;
}
const blob = (b: Uint8Array) => new Blob([b.slice().buffer], { type: 'application/pdf' });

describe('inspectReport: what the supervisor accepts', () => {
  it('a finalised report signed by a trusted observer: its record as signed, the signers, the file hash', async () => {
    const signed = await sign(pdf1, pki.zhang);
    const i = await inspectReport('教育局.pdf', signed, trust);
    expect(i.ok).toBe(true);
    if (!i.ok) return;
    expect(i.record).toEqual(rev1);
    expect(i.signers.map((s) => s.cn)).toEqual(['张三']);
    expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(i.size).toBe(signed.length);
  });

  it('refuses, each with its reason: empty, too large, a ZIP, unsigned, a signed draft, tampered, an unknown signer', async () => {
    const reason = async (name: string, bytes: Uint8Array) => {
      const i = await inspectReport(name, bytes, trust);
      expect(i.ok).toBe(false);
      return i.ok ? '' : `${i.code}: ${i.reason}`;
    };
    expect(await reason('空.pdf', new Uint8Array())).toMatch(/^empty: 文件是空的/);
    expect(await reason('大.pdf', new Uint8Array(MAX_REPORT_BYTES + 1))).toMatch(/^too-large: 文件有 30\.0 MB/);
    expect(await reason('报告.zip', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]))).toMatch(/^zip: 这是 ZIP 压缩包/);
    expect(await reason('未签名.pdf', pdf1)).toMatch(/^no-signature: /);
    const draft = { ...structuredClone(rev1), status: 'draft' as const, finalizedAt: null };
    expect(await reason('草稿.pdf', await sign(renderReport(draft, fonts), pki.zhang))).toMatch(/^draft: 报告中的记录是草稿/);
    const tampered = await sign(pdf1, pki.zhang);
    tampered[2000] ^= 1;
    expect(await reason('篡改.pdf', tampered)).toMatch(/^digest-mismatch: /);
    expect(await reason('外来.pdf', await sign(pdf1, pki.stranger))).toMatch(/^untrusted-signer: .*王五/);
  });
});

describe('the collection: each record revision once, newer revisions supersede', () => {
  async function scenario() {
    // Signing times a minute apart, so the re-signed file differs from the first.
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const a = await sign(pdf1, pki.zhang, at(1));
    const aCountersigned = await sign(a, pki.li, at(2));
    const aResigned = await sign(pdf1, pki.zhang, at(3));
    const b = await sign(pdf2, pki.zhang, at(4));
    const files: [string, Uint8Array][] = [
      ['第1版.pdf', a],
      ['第1版-再次发送.pdf', a],
      ['第1版-重新签名.pdf', aResigned],
      ['第1版-已会签.pdf', aCountersigned],
      ['第2版.pdf', b],
      ['第1版-迟到.pdf', aResigned],
    ];
    const inspections: [Inspection, Uint8Array][] = [];
    for (const [name, bytes] of files) inspections.push([await inspectReport(name, bytes, trust), bytes]);
    return inspections;
  }
  const expected = [
    ['accepted', ''],
    ['duplicate', '与已导入的文件「第1版.pdf」完全相同'],
    ['duplicate', '第 1 版已导入（「第1版.pdf」）'],
    ['duplicate', '第 1 版已导入（「第1版.pdf」）；本文件签名更多（2 个），已替换保存'],
    ['accepted', '取代第 1 版'],
    ['duplicate', '第 1 版已导入（「第1版-已会签.pdf」），已被第 2 版取代'],
  ];

  it('in IndexedDB: the outcomes in order, and only revision 2 counts', async () => {
    const db = freshDb();
    const outcomes = [];
    for (const [i, bytes] of await scenario()) {
      const r = await ingestInspected(db, i, blob(bytes));
      outcomes.push([r.outcome, 'note' in r ? r.note : r.reason]);
    }
    expect(outcomes).toEqual(expected);
    const current = await collectedRecords(db);
    expect(current.map((c) => [c.record.id, c.record.revision])).toEqual([[rev2.id, 2]]);
    expect(current[0].record).toEqual(rev2);
    // Revision 1 is kept, superseded, with the countersigned file (two signers).
    const kept = await db.collected.get([rev1.id, 1]);
    expect(kept).toMatchObject({ superseded: 1, fileName: '第1版-已会签.pdf' });
    expect(kept!.signers.map((s) => s.cn)).toEqual(['张三', '李四']);
    // Files: the countersigned revision 1 and revision 2; the replaced first file is gone.
    expect(await collectionCounts(db)).toEqual({ current: 1, superseded: 1, files: 2 });
  });

  it('in the inbox (all six picked at once, verified ahead, transactions queued): the same outcomes in the same order', async () => {
    const db = freshDb();
    await addTrusted(db, certificateToPem(pki.ca.certificate));
    const inbox = createInboxStore(db);
    const picked = (await scenario()).map(([i, bytes]) => ({ name: i.fileName, file: new File([bytes.slice()], i.fileName, { type: 'application/pdf' }) }));
    await inbox.importFiles(picked);
    expect(inbox.error.value).toBe('');
    expect(inbox.results.value.map((r) => [r.outcome, 'note' in r ? r.note : r.reason])).toEqual(expected);
    expect(inbox.progress.value).toMatchObject({ done: 6, total: 6, counts: { accepted: 2, duplicate: 4, superseded: 0, rejected: 0 } });
    expect(await collectionCounts(db)).toEqual({ current: 1, superseded: 1, files: 2 });
  });

  it('in memory (the command line): the same outcomes and the same records', async () => {
    const m = new MemoryCollection();
    const outcomes = (await scenario()).map(([i]) => {
      const r = m.add(i);
      return [r.outcome, 'note' in r ? r.note : r.reason];
    });
    expect(outcomes).toEqual(expected);
    expect(m.records().map((c) => [c.record.id, c.record.revision, c.signers])).toEqual([[rev2.id, 2, ['张三']]]);
  });

  it('revision 1 arriving after revision 2 is kept as superseded and never counted', async () => {
    const db = freshDb();
    const m = new MemoryCollection();
    const later = await inspectReport('第2版.pdf', await sign(pdf2, pki.zhang), trust);
    const earlier = await inspectReport('第1版.pdf', await sign(pdf1, pki.zhang), trust);
    for (const [i, name] of [
      [later, 'b'],
      [earlier, 'a'],
    ] as const) {
      const bytes = new Uint8Array([name.charCodeAt(0)]);
      const r = await ingestInspected(db, i, blob(bytes));
      expect(r.outcome).toBe(m.add(i).outcome);
    }
    const r = m.add(earlier);
    expect(r).toMatchObject({ outcome: 'duplicate' });
    expect((await db.collected.get([rev1.id, 1]))?.superseded).toBe(1);
    expect((await collectedRecords(db)).map((c) => c.record.revision)).toEqual([2]);
    expect(m.records().map((c) => c.record.revision)).toEqual([2]);
    const fresh = new MemoryCollection();
    fresh.add(later);
    expect(fresh.add(earlier)).toMatchObject({ outcome: 'superseded', note: '已有更新的第 2 版，本文件（第 1 版）不计入统计' });
  });

  it('another observer\'s "revision 2" of the same record id for another unit supersedes nothing: both stay current, in IndexedDB and in memory', async () => {
    const hijack = finalizeRecord(
      { ...reviseRecord(rev1, new Date('2026-04-21T02:00:00Z')), unit: { id: 'u032', name: '锡林郭勒盟财政局' }, observers: rev1.observers },
      new Date('2026-04-21T03:00:00Z'),
    );
    const original = await inspectReport('第1版.pdf', await sign(pdf1, pki.zhang), trust);
    const forged = await inspectReport('冒用.pdf', await sign(renderReport(hijack, fonts), pki.li), trust);
    const db = freshDb();
    const m = new MemoryCollection();
    for (const [i, bytes] of [
      [original, 'a'],
      [forged, 'b'],
    ] as const)
      await ingestInspected(db, i, blob(new Uint8Array([bytes.charCodeAt(0)])));
    m.add(original);
    const r = m.add(forged);
    expect(r).toMatchObject({
      outcome: 'accepted',
      supersedes: [],
      note: '与已导入的第 1 版（「第1版.pdf」）单位、日期或签名人不同，互不取代，均计入统计（见“数据问题”）',
    });
    const units = (list: { record: ObservationRecord }[]) => list.map((c) => c.record.unit.id).sort();
    expect(units(await collectedRecords(db))).toEqual(['u007', 'u032']);
    expect(units(m.records())).toEqual(['u007', 'u032']);
    // The same revision number from that signer is not stored over the original.
    const sameRevision = await inspectReport(
      '冒用第1版.pdf',
      await sign(renderReport({ ...rev1, unit: { id: 'u032', name: '锡林郭勒盟财政局' } }, fonts), pki.li),
      trust,
    );
    expect(m.add(sameRevision)).toMatchObject({ outcome: 'duplicate', replaceFile: false });
    const stored = await ingestInspected(db, sameRevision, blob(new Uint8Array([0x63])));
    expect(stored.outcome === 'duplicate' && stored.note).toContain('疑似冒用记录编号，本文件未保存');
    expect((await db.collected.get([rev1.id, 1]))?.unitId).toBe('u007');
  });

  it("a signer who is not among the record's observers: accepted with a warning (a 工委 may sign on their behalf); an observer signing: no warning", async () => {
    const outsider = await inspectReport('代签.pdf', await sign(pdf1, pki.zhang), trust);
    expect(outsider).toMatchObject({
      ok: true,
      warning: `签名人「张三」不在本记录的旁听人员（${rev1.observers.map((o) => o.name).join('、')}）中，可能是代签，请核对`,
    });
    const db = freshDb();
    expect(await ingestInspected(db, outsider, blob(pdf1))).toMatchObject({
      outcome: 'accepted',
      warning: expect.stringContaining('签名人「张三」不在本记录的旁听人员'),
    });
    expect(new MemoryCollection().add(outsider)).toMatchObject({ outcome: 'accepted', warning: expect.stringContaining('可能是代签') });
    const lead = rev1.observers.find((o) => o.lead)!.name;
    const own = await observer(pki.ca, lead);
    const signedByLead = await inspectReport('组长签名.pdf', await sign(pdf1, own), trust);
    expect(signedByLead.ok && signedByLead.warning).toBeFalsy();
  });

  it('a rejected file stores nothing', async () => {
    const db = freshDb();
    const r = await ingestInspected(db, await inspectReport('未签名.pdf', pdf1, trust), blob(pdf1));
    expect(r).toMatchObject({ outcome: 'rejected', code: 'no-signature' });
    expect(await collectionCounts(db)).toEqual({ current: 0, superseded: 0, files: 0 });
  });

  it('a write that fails half-way leaves nothing half-imported', async () => {
    const db = freshDb();
    const i = await inspectReport('第1版.pdf', await sign(pdf1, pki.zhang), trust);
    // The PDF cannot be stored (not cloneable): the record row written before it must roll back.
    await expect(ingestInspected(db, i, (() => 0) as unknown as Blob)).rejects.toThrow();
    expect(await collectionCounts(db)).toEqual({ current: 0, superseded: 0, files: 0 });
  });

  it('removing a report removes its revisions and their files', async () => {
    const db = freshDb();
    for (const [i, bytes] of await scenario()) await ingestInspected(db, i, blob(bytes));
    await removeCollected(db, rev1.id);
    expect(await collectionCounts(db)).toEqual({ current: 0, superseded: 0, files: 0 });
  });
});
