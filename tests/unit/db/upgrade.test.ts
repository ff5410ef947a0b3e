import { describe, expect, it } from 'vitest';
import {
  ACTIVE_TEMPLATE_KEY,
  DB_VERSION,
  XuntingDB,
  getSetting,
  listObservations,
  listSnapshots,
  listTemplates,
  listUnits,
  listVersions,
  loadRecord,
  saveRecord,
  listRubricVersions,
  draftOf,
  saveRubricDraft,
  type TemplateRow,
} from '../../../utils/db';
import { finalizeRecord, type ObservationRecord } from '../../../utils/record';
import { scoreTemplate } from '../../../utils/rubric';
import type { Unit } from '../../../utils/roster';
import { readyRecord } from '../../fixtures/record';
import { smallTemplate } from '../../fixtures/rubric';
import { tracked } from '../../fixtures/db';

const uniqueName = () => `xunting-upgrade-${crypto.randomUUID()}`;

/** What a v1 installation held: whole records in observations, and the reference tables. */
function v1Fixture() {
  const template = smallTemplate();
  // Draft: A 18, B N/A, C 25, D unscored (optional), E 2.5 deducted → 70.5 of 80 = 88.125 → 88.1 → 良好.
  const draft = readyRecord(template, {
    now: new Date('2026-03-10T01:00:00Z'),
    score: (id) => ({ A: 18, B: 'na', C: 25, D: null, E: 2.5 })[id] as number | null | 'na',
  });
  draft.theme = '学习党的二十届四中全会精神';
  draft.updatedAt = '2026-03-10T03:00:00.000Z';
  // Final: full marks except C 15 of 30 and 6 deducted on E → 20 + 10 + 15 + 10 + 24 = 79 of 100 → 79.0 → 一般.
  const final = finalizeRecord(
    readyRecord(template, {
      now: new Date('2026-03-05T01:00:00Z'),
      score: (id, max) => (id === 'C' ? 15 : id === 'E' ? 6 : max),
    }),
    new Date('2026-03-05T04:00:00Z'),
  );
  final.unit = { id: 'u002', name: '锡林郭勒盟民政局' };
  const templateRow: TemplateRow = { id: template.id, version: 1, title: template.title, importedAt: '2026-01-02T00:00:00.000Z', template };
  const units: Unit[] = [
    { id: 'u001', name: '锡林郭勒盟教育局', category: '政府', active: true },
    { id: 'u002', name: '锡林郭勒盟民政局', category: '政府', active: true },
    { id: 'u003', name: '锡林郭勒日报社', category: '事业', active: false },
  ];
  const settings = [
    { key: ACTIVE_TEMPLATE_KEY, value: template.id },
    { key: 'observerNames', value: ['张明', '李华'] },
  ];
  return { draft, final, templateRow, units, settings };
}

const v1Row = (r: ObservationRecord) => ({ id: r.id, status: r.status, updatedAt: r.updatedAt, unitId: r.unit.id, date: r.date, record: r });

async function createV1(name: string, f: ReturnType<typeof v1Fixture>): Promise<void> {
  const v1 = new XuntingDB(name, 1);
  await v1.open();
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name).sort()).toEqual(['observations', 'settings', 'snapshots', 'templates', 'units']);
  await v1.table('observations').bulkPut([v1Row(f.draft), v1Row(f.final)]);
  await v1.table('snapshots').add({ observationId: f.draft.id, savedAt: f.draft.updatedAt, reason: '自动保存', record: f.draft });
  await v1.table('templates').put(f.templateRow);
  await v1.table('units').bulkPut(f.units);
  await v1.table('settings').bulkPut(f.settings);
  v1.close();
}

async function openV2(name: string): Promise<XuntingDB> {
  const db = new XuntingDB(name);
  tracked(db);
  await db.open();
  return db;
}

describe('upgrading a v1 database to v2', () => {
  it('keeps every record readable through loadRecord', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    const db = await openV2(name);
    expect(db.verno).toBe(DB_VERSION);
    expect(await loadRecord(db, f.draft.id)).toEqual(f.draft);
    expect(await loadRecord(db, f.final.id)).toEqual(f.final);
  });

  it('lists the observations as summary rows with the right total and grade', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    const db = await openV2(name);
    const rows = await listObservations(db);
    const expected = (r: ObservationRecord, total: number, grade: string) => {
      const s = scoreTemplate(r.template, r.scores);
      // The hand-computed figures (see v1Fixture) agree with the scorer.
      expect([s.total, s.grade]).toEqual([total, grade]);
      return {
        id: r.id,
        revision: r.revision,
        status: r.status,
        unitId: r.unit.id,
        unitName: r.unit.name,
        date: r.date,
        theme: r.theme,
        total: s.total,
        grade: s.grade,
        updatedAt: r.updatedAt,
        finalizedAt: r.finalizedAt,
      };
    };
    // Newest change first: the draft (10 March) before the final (5 March). No whole record left in the list rows.
    expect(rows).toEqual([expected(f.draft, 88.1, '良好'), expected(f.final, 79, '一般')]);
  });

  it('keeps the finalised record as a version, and only that one', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    const db = await openV2(name);
    expect(await listVersions(db, f.final.id)).toEqual([{ id: f.final.id, revision: 1, finalizedAt: '2026-03-05T04:00:00.000Z', record: f.final }]);
    expect(await listVersions(db, f.draft.id)).toEqual([]);
  });

  it('leaves templates, units and settings unchanged', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    const db = await openV2(name);
    expect(await listTemplates(db)).toEqual([f.templateRow]);
    expect(await listUnits(db)).toEqual(f.units);
    expect(await getSetting(db, ACTIVE_TEMPLATE_KEY)).toBe(f.templateRow.id);
    expect(await getSetting(db, 'observerNames')).toEqual(['张明', '李华']);
    expect(await db.settings.count()).toBe(2);
  });

  it('keeps the old snapshots, and saving after the upgrade goes on as usual', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    const db = await openV2(name);
    expect((await listSnapshots(db, f.draft.id)).map((s) => s.record)).toEqual([f.draft]);
    const edited = { ...structuredClone(f.draft), theme: '更正后的主题', updatedAt: '2026-03-10T03:01:00.000Z' };
    await saveRecord(db, edited);
    expect((await loadRecord(db, f.draft.id))?.theme).toBe('更正后的主题');
    // 60 s after the last snapshot, so a new one is due.
    expect((await listSnapshots(db, f.draft.id)).map((s) => s.record.theme)).toEqual(['更正后的主题', f.draft.theme]);
    expect((await listObservations(db))[0]).toMatchObject({ id: f.draft.id, theme: '更正后的主题' });
  });

  it('opens an empty v1 database (a first install that never saved) without trouble', async () => {
    const name = uniqueName();
    const v1 = new XuntingDB(name, 1);
    await v1.open();
    v1.close();
    const db = await openV2(name);
    expect(await listObservations(db)).toEqual([]);
  });
});

describe('upgrading a v2 database to v3 (signing and the supervisor’s tables)', () => {
  it('keeps observations, records, versions, reports and settings; the new tables start empty and work', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    // Open as v2 (the v1 → v2 upgrade runs), keep a report PDF there, then close.
    const v2 = new XuntingDB(name, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    const pdf = new Blob([new Uint8Array([37, 80, 68, 70])], { type: 'application/pdf' });
    await v2.table('reports').put({ observationId: f.final.id, revision: 1, createdAt: '2026-03-05T05:00:00.000Z', fileName: '报告.pdf', pdf, signed: false });
    const before = {
      observations: await v2.table('observations').toArray(),
      records: await v2.table('records').toArray(),
      versions: await v2.table('versions').toArray(),
      settings: await v2.table('settings').toArray(),
    };
    v2.close();

    const db = await openV2(name);
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.observations.toArray()).toEqual(before.observations);
    expect(await db.records.toArray()).toEqual(before.records);
    expect(await db.versions.toArray()).toEqual(before.versions);
    expect(await db.settings.toArray()).toEqual(before.settings);
    const [report] = await db.reports.toArray();
    expect(report.fileName).toBe('报告.pdf');
    expect(new Uint8Array(await report.pdf.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    for (const t of [db.identities, db.authority, db.issued, db.trust, db.collected, db.collectedFiles, db.plans]) expect(await t.count()).toBe(0);
    await db.plans.put({ format: 'xunting.plan/1', year: 2026, entries: [{ unitId: 'u001', month: 3, group: '第一巡听组' }] });
    expect((await db.plans.get(2026))?.entries).toHaveLength(1);
  });
});

describe('upgrading a v3 database to v4 (the template editor’s versions)', () => {
  it('keeps every table; each stored template becomes its first published version, and editing it makes the next version', async () => {
    const name = uniqueName();
    const f = v1Fixture();
    await createV1(name, f);
    const v3 = new XuntingDB(name, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    const before = {
      observations: await v3.table('observations').toArray(),
      records: await v3.table('records').toArray(),
      templates: await v3.table('templates').toArray(),
      settings: await v3.table('settings').toArray(),
    };
    v3.close();

    const db = await openV2(name);
    expect(db.verno).toBe(4);
    expect(await db.observations.toArray()).toEqual(before.observations);
    expect(await db.records.toArray()).toEqual(before.records);
    expect(await db.templates.toArray()).toEqual(before.templates);
    expect(await db.settings.toArray()).toEqual(before.settings);
    expect(await listRubricVersions(db)).toEqual([
      {
        id: f.templateRow.id,
        version: 1,
        status: 'published',
        template: f.templateRow.template,
        createdAt: f.templateRow.importedAt,
        updatedAt: f.templateRow.importedAt,
        publishedAt: f.templateRow.importedAt,
        pdf: null,
      },
    ]);
    const draft = await draftOf(db, f.templateRow.id, new Date('2026-04-01T00:00:00Z'));
    expect([draft.status, draft.version, draft.template.version]).toEqual(['draft', 2, 2]);
    await expect(saveRubricDraft(db, { ...f.templateRow.template, title: '改动已发布的版本' })).rejects.toThrow('第 1 版已发布，不能再修改');
    expect((await db.rubricVersions.get([f.templateRow.id, 1]))?.template.title).toBe(f.templateRow.template.title);
  });
});
