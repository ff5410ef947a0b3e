/**
 * A Xunting database with something in every table a backup holds, as an observer and a
 * supervisor would fill it; and a plain copy of its contents to compare (PDFs as bytes, CA key
 * left out, as no backup can carry a CryptoKey).
 */
import {
  ACTIVE_TEMPLATE_KEY,
  OBSERVER_NAMES_KEY,
  XuntingDB,
  addTrusted,
  createAuthority,
  createBrowserIdentity,
  finalizeObservation,
  importTemplate,
  ingestInspected,
  issueFromRequest,
  markPublished,
  saveRubricDraft,
  replaceRoster,
  reviseObservation,
  saveRecord,
  savePlans,
  setSetting,
} from '../../../utils/db';
import { BACKUP_TABLES } from '../../../utils/backup';
import { createCa, certificateToPem, toHex, sha256 } from '../../../utils/sign';
import type { Inspection } from '../../../utils/collect';
import { readDefaultRosterText, readDefaultTemplateJson } from '../../fixtures/defaults';
import { readyRecord } from '../../fixtures/record';
import { demo } from '../../fixtures/records/builders';
import { smallTemplate } from '../../fixtures/rubric';

export const CA_PASS = '巡听办备份口令2026';

const opened: XuntingDB[] = [];
export function freshDb(prefix = 'backup'): XuntingDB {
  const db = new XuntingDB(`xunting-${prefix}-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
}

/** A small PDF-like file (the backup does not parse PDFs; it must keep their bytes exactly). */
export function fakePdf(label: string, size = 3000): Uint8Array {
  const head = new TextEncoder().encode(`%PDF-1.3\n% ${label}\n`);
  const out = new Uint8Array(size);
  out.set(head);
  for (let i = head.length; i < size - 6; i++) out[i] = (i * 131 + label.length * 7) & 0xff;
  out.set(new TextEncoder().encode('%%EOF\n'), size - 6);
  return out;
}
export const pdfBlob = (bytes: Uint8Array) => new Blob([bytes.slice().buffer], { type: 'application/pdf' });

/** Everything: observations (draft, final, corrected), snapshots, a report PDF, templates, roster, settings, CA, issued, trust, collected + PDFs, plans, an identity. */
export async function fillDatabase(db: XuntingDB): Promise<void> {
  const tmpl = await importTemplate(db, readDefaultTemplateJson(), new Date('2026-01-05T02:00:00Z'));
  if (!tmpl.ok) throw new Error('default template invalid');
  await importTemplate(db, smallTemplate(), new Date('2026-01-06T02:00:00Z'));
  const roster = await replaceRoster(db, JSON.parse(readDefaultRosterText()));
  if (!roster.ok) throw new Error('default roster invalid');
  await setSetting(db, ACTIVE_TEMPLATE_KEY, tmpl.value.id);
  await setSetting(db, OBSERVER_NAMES_KEY, ['张明', '李华']);
  // A setting whose value looks like the archive's own markers must come back unchanged.
  await setSetting(db, 'odd', { $bytes: 'not really', nested: [{ $blob: 'x', type: 'y' }], raw: new Uint8Array([0, 1, 254, 255]) });

  const t = smallTemplate();
  const draft = readyRecord(t, { now: new Date('2026-03-12T01:30:00Z') });
  await saveRecord(db, draft, '新建');
  await saveRecord(db, { ...structuredClone(draft), place: '五楼会议室', updatedAt: '2026-03-12T02:30:00.000Z' });

  const toFinal = readyRecord(t, { now: new Date('2026-03-15T01:30:00Z') });
  toFinal.unit = { id: 'u002', name: roster.value.units[1].name };
  await saveRecord(db, toFinal, '新建');
  const final = await finalizeObservation(db, toFinal, new Date('2026-03-15T04:00:00Z'));
  await db.reports.put({
    observationId: final.id,
    revision: 1,
    createdAt: '2026-03-15T04:01:00.000Z',
    fileName: '巡听报告-1.pdf',
    pdf: pdfBlob(fakePdf('report 1')),
    signed: true,
  });
  const revised = await reviseObservation(db, final.id, new Date('2026-03-16T02:00:00Z'));
  await saveRecord(db, { ...revised, narrative: { ...revised.narrative, suggestions: '补充整改时限' }, updatedAt: '2026-03-16T02:10:00.000Z' }, '更正');

  const ca = await createAuthority(db, { name: '锡林郭勒盟委巡听办', org: '中共锡林郭勒盟委员会', passphrase: CA_PASS }, new Date('2026-01-02T01:00:00Z'));
  const observerDb = freshDb('observer');
  await issueFromRequest(db, await createBrowserIdentity(observerDb, { name: '张三', org: '宣传部' }), {}, new Date('2026-01-03T01:00:00Z'));
  await issueFromRequest(db, await createBrowserIdentity(observerDb, { name: '李四', org: '组织部' }), {}, new Date('2026-01-04T01:00:00Z'));
  const other = await createCa({ name: '外部机构', org: '某单位' });
  await addTrusted(db, certificateToPem(other.certificate), new Date('2026-01-05T01:00:00Z'));
  void ca;

  for (const [i, unit] of [
    { id: 'u026', name: '锡林郭勒盟教育局' },
    { id: 'u007', name: '锡林郭勒盟委机构编制委员会办公室' },
  ].entries()) {
    const record = demo(unit, `2026-04-1${i}`);
    const bytes = fakePdf(`collected ${i}`, 5000 + i);
    const inspection: Inspection = {
      ok: true,
      fileName: `收到-${i}.pdf`,
      size: bytes.length,
      sha256: toHex(await sha256(bytes)),
      record,
      signers: [{ cn: '张三', o: '宣传部', fingerprint: 'ab'.repeat(32), signingTime: '2026-04-10T02:00:00.000Z' }],
    };
    await ingestInspected(db, inspection, pdfBlob(bytes), new Date(`2026-04-2${i}T01:00:00Z`));
  }

  const plans = await savePlans(db, [
    {
      format: 'xunting.plan/1',
      year: 2026,
      title: '2026 年巡听计划',
      entries: [
        { unitId: roster.value.units[0].id, month: 3, group: '第一巡听组' },
        { unitId: roster.value.units[1].id, month: 5, group: '' },
      ],
    },
    { format: 'xunting.plan/1', year: 2027, entries: [{ unitId: roster.value.units[2].id, month: 9, group: '第二巡听组' }] },
  ]);
  if (!plans.ok) throw new Error(JSON.stringify(plans.problems));
  // The template editor: a published version with its 评分表 and a draft that does not validate yet.
  await markPublished(db, { ...smallTemplate(), version: 2 }, pdfBlob(fakePdf('评分表 v2')), new Date('2026-02-01T01:00:00Z'));
  await saveRubricDraft(db, { ...smallTemplate(), version: 3, title: '' }, new Date('2026-02-02T01:00:00Z'));
  // The supervisor's own signing identity: never in a backup, never removed by a restore.
  await createBrowserIdentity(db, { name: '王监督', org: '巡听办' });
}

/** Another, smaller set of data (what a machine held before a restore replaced it). */
export async function fillOtherData(db: XuntingDB): Promise<void> {
  await importTemplate(db, smallTemplate());
  await replaceRoster(db, { format: 'xunting.roster/1', units: [{ id: 'x1', name: '别的单位', category: '其他', active: true }] });
  const r = readyRecord(smallTemplate(), { now: new Date('2025-11-01T01:00:00Z') });
  r.theme = '旧数据';
  await saveRecord(db, r, '新建');
  await setSetting(db, 'only-here', 42);
  await db.collectedFiles.put({ sha256: 'f'.repeat(64), fileName: 'old.pdf', size: 100, pdf: pdfBlob(fakePdf('old', 100)) });
}

/** Every table's rows, PDFs as bytes and keys (CryptoKey) left out, in key order: for toEqual. */
export async function contents(db: XuntingDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...BACKUP_TABLES, 'identities']) {
    const rows = (await db.table(t).toArray()) as Record<string, unknown>[];
    out[t] = await Promise.all(
      rows.map(async (row) => {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          if (v instanceof Blob) copy[k] = { type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) };
          else if (k !== 'privateKey' && k !== 'publicKey') copy[k] = v;
        }
        return copy;
      }),
    );
  }
  return out;
}
