import { describe, expect, it } from 'vitest';
import {
  ACTIVE_TEMPLATE_KEY,
  SNAPSHOT_INTERVAL_MS,
  SNAPSHOT_LIMIT,
  XuntingDB,
  activeTemplate,
  deleteDraft,
  finalizeObservation,
  getSetting,
  importTemplate,
  listObservations,
  listSnapshots,
  listTemplates,
  listUnits,
  listVersions,
  loadRecord,
  replaceRoster,
  restoreSnapshot,
  reviseObservation,
  saveRecord,
  seedDefaults,
  unsetUntouchedDeductionsOnce,
} from '../../../utils/db';
import type { ObservationRecord } from '../../../utils/record';
import { readDefaultRosterText, readDefaultTemplateJson } from '../../fixtures/defaults';
import { readyRecord } from '../../fixtures/record';
import { smallTemplate } from '../../fixtures/rubric';
import { tracked } from '../../fixtures/db';

async function freshDb(): Promise<XuntingDB> {
  const db = new XuntingDB(`xunting-store-${crypto.randomUUID()}`);
  tracked(db);
  await db.open();
  return db;
}

const T0 = Date.parse('2026-03-12T01:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

/** The same observation edited: `patch` applied to a deep copy with a new updatedAt. */
function edit(r: ObservationRecord, updatedAt: string, patch: Partial<ObservationRecord> = {}): ObservationRecord {
  return { ...structuredClone(r), ...patch, updatedAt };
}

describe('saving and loading observations', () => {
  it('loadRecord gives back what saveRecord stored, and the list shows its summary', async () => {
    const db = await freshDb();
    // Full marks on the small template: 100.0 → 优秀.
    const r = readyRecord(smallTemplate());
    await saveRecord(db, r);
    expect(await loadRecord(db, r.id)).toEqual(r);
    expect(await listObservations(db)).toEqual([
      expect.objectContaining({ id: r.id, status: 'draft', revision: 1, unitName: '锡林郭勒盟教育局', total: 100, grade: '优秀' }),
    ]);
  });

  it('a later save replaces the current state; an unknown id loads nothing', async () => {
    const db = await freshDb();
    const r = readyRecord(smallTemplate());
    await saveRecord(db, r);
    const later = edit(r, at(5_000), { theme: '第二次修改' });
    later.scores.C.value = 15; // 20 + 10 + 15 + 10 + 30 = 85 of 100 → 良好
    await saveRecord(db, later);
    expect(await loadRecord(db, r.id)).toEqual(later);
    expect(await listObservations(db)).toEqual([expect.objectContaining({ theme: '第二次修改', total: 85, grade: '良好' })]);
    expect(await loadRecord(db, 'no-such-id')).toBeUndefined();
  });

  it('lists observations newest change first', async () => {
    const db = await freshDb();
    const a = edit(readyRecord(smallTemplate()), at(0));
    const b = edit(readyRecord(smallTemplate()), at(60_000));
    const c = edit(readyRecord(smallTemplate()), at(30_000));
    for (const r of [a, b, c]) await saveRecord(db, r);
    expect((await listObservations(db)).map((x) => x.id)).toEqual([b.id, c.id, a.id]);
  });
});

describe('snapshots', () => {
  it(`keeps at most SNAPSHOT_LIMIT (${SNAPSHOT_LIMIT}) snapshots, the newest ones`, async () => {
    const db = await freshDb();
    const base = readyRecord(smallTemplate());
    const step = SNAPSHOT_INTERVAL_MS + 1_000; // 31 s apart: every save is due a snapshot
    for (let i = 0; i < 60; i++) await saveRecord(db, edit(base, at(i * step), { place: `第 ${i} 次` }));
    const snaps = await listSnapshots(db, base.id);
    expect(snaps).toHaveLength(SNAPSHOT_LIMIT);
    // Newest first: saves 59 down to 10 survive, 0–9 are dropped.
    expect(snaps.map((s) => s.record.place)).toEqual(Array.from({ length: SNAPSHOT_LIMIT }, (_, k) => `第 ${59 - k} 次`));
  });

  it('takes no new snapshot for saves within the interval (typing), but does once it has passed', async () => {
    const db = await freshDb();
    const base = readyRecord(smallTemplate());
    for (let s = 0; s < 20; s++) await saveRecord(db, edit(base, at(s * 1_000)));
    expect(await listSnapshots(db, base.id)).toHaveLength(1);
    await saveRecord(db, edit(base, at(SNAPSHOT_INTERVAL_MS)));
    expect(await listSnapshots(db, base.id)).toHaveLength(2);
  });

  it('takes a snapshot whenever a reason is given', async () => {
    const db = await freshDb();
    const base = readyRecord(smallTemplate());
    await saveRecord(db, edit(base, at(0)));
    await saveRecord(db, edit(base, at(1_000)), '导入');
    expect((await listSnapshots(db, base.id)).map((s) => s.reason)).toEqual(['导入', '自动保存']);
  });

  it('restoreSnapshot snapshots the current state first, so going back can be undone', async () => {
    const db = await freshDb();
    const base = readyRecord(smallTemplate());
    await saveRecord(db, edit(base, at(0), { theme: '旧主题' }));
    await saveRecord(db, edit(base, at(40_000), { theme: '新主题' }));
    const [newer, older] = await listSnapshots(db, base.id);
    expect([newer.record.theme, older.record.theme]).toEqual(['新主题', '旧主题']);

    const now = new Date(T0 + 100_000);
    const restored = await restoreSnapshot(db, older.seq!, now);
    expect(restored.theme).toBe('旧主题');
    expect(restored.updatedAt).toBe(now.toISOString());
    expect(await loadRecord(db, base.id)).toEqual(restored);
    expect((await listObservations(db))[0].theme).toBe('旧主题');

    const snaps = await listSnapshots(db, base.id);
    expect(snaps).toHaveLength(3);
    expect(snaps[0]).toMatchObject({ reason: '回退前' });
    expect(snaps[0].record.theme).toBe('新主题');

    // Undo the going back.
    const undone = await restoreSnapshot(db, snaps[0].seq!, new Date(T0 + 110_000));
    expect(undone.theme).toBe('新主题');
  });

  it('restoreSnapshot refuses an unknown snapshot and a finalised record', async () => {
    const db = await freshDb();
    await expect(restoreSnapshot(db, 12345)).rejects.toThrow('找不到该历史版本');
    const draft = readyRecord(smallTemplate());
    await saveRecord(db, draft);
    const [snap] = await listSnapshots(db, draft.id);
    await finalizeObservation(db, draft);
    await expect(restoreSnapshot(db, snap.seq!)).rejects.toThrow(/已定稿/);
  });
});

describe('finalising and correcting', () => {
  it('finalizeObservation then reviseObservation keeps the finalised revision in versions', async () => {
    const db = await freshDb();
    const draft = readyRecord(smallTemplate());
    await saveRecord(db, draft);
    const final = await finalizeObservation(db, draft, new Date('2026-03-12T04:00:00Z'));
    expect(final).toMatchObject({ status: 'final', revision: 1, finalizedAt: '2026-03-12T04:00:00.000Z' });
    expect(await loadRecord(db, draft.id)).toEqual(final);

    const revised = await reviseObservation(db, draft.id, new Date('2026-03-13T02:00:00Z'));
    expect(revised).toMatchObject({ status: 'draft', revision: 2, finalizedAt: null });
    expect(await loadRecord(db, draft.id)).toEqual(revised);
    expect((await listObservations(db))[0]).toMatchObject({ revision: 2, status: 'draft' });

    // Correct and finalise again: both finalised revisions are kept, the first one as it was.
    const corrected = edit(revised, '2026-03-13T02:10:00.000Z', { theme: '更正后的主题' });
    await saveRecord(db, corrected);
    await finalizeObservation(db, corrected, new Date('2026-03-13T03:00:00Z'));
    const versions = await listVersions(db, draft.id);
    expect(versions.map((v) => [v.revision, v.finalizedAt, v.record.theme])).toEqual([
      [1, '2026-03-12T04:00:00.000Z', final.theme],
      [2, '2026-03-13T03:00:00.000Z', '更正后的主题'],
    ]);
    expect(versions[0].record).toEqual(final);
  });

  it('reviseObservation refuses a draft that was never finalised', async () => {
    const db = await freshDb();
    const draft = readyRecord(smallTemplate());
    await saveRecord(db, draft);
    await expect(reviseObservation(db, draft.id)).rejects.toThrow('找不到已定稿的版本，不能更正');
    await expect(reviseObservation(db, 'no-such-id')).rejects.toThrow('找不到该记录');
  });

  it('finalizeObservation refuses a draft that is not ready, and stores nothing', async () => {
    const db = await freshDb();
    const draft = readyRecord(smallTemplate());
    draft.chair = '';
    await saveRecord(db, draft);
    await expect(finalizeObservation(db, draft)).rejects.toThrow(/请填写主持人/);
    expect(await listVersions(db, draft.id)).toEqual([]);
    expect((await loadRecord(db, draft.id))?.status).toBe('draft');
  });

  it('going back to a snapshot from before a correction cannot overwrite the finalised revision', async () => {
    const db = await freshDb();
    const draft = edit(readyRecord(smallTemplate()), at(0), { theme: '初稿主题' });
    await saveRecord(db, draft);
    const final = await finalizeObservation(db, edit(draft, at(60_000), { theme: '定稿主题' }), new Date(T0 + 60_000));
    await reviseObservation(db, draft.id, new Date(T0 + 120_000));
    const early = (await listSnapshots(db, draft.id)).find((s) => s.record.theme === '初稿主题')!;

    const restored = await restoreSnapshot(db, early.seq!, new Date(T0 + 180_000));
    // It is content brought back into the current correction, not a return to revision 1.
    expect(restored).toMatchObject({ theme: '初稿主题', revision: 2, status: 'draft', finalizedAt: null });

    await finalizeObservation(db, restored, new Date(T0 + 240_000));
    const versions = await listVersions(db, draft.id);
    expect(versions.map((v) => v.revision)).toEqual([1, 2]);
    expect(versions[0].record).toEqual(final);
  });

  it('going back to the finalised snapshot during a correction gives a draft without the old signatures', async () => {
    const db = await freshDb();
    const draft = readyRecord(smallTemplate());
    draft.observers = draft.observers.map((o) => ({ ...o, signature: { png: 'data:image/png;base64,iVBORw0KGgo=', signedAt: at(0) } }));
    await saveRecord(db, draft);
    await finalizeObservation(db, draft, new Date(T0 + 60_000));
    await reviseObservation(db, draft.id, new Date(T0 + 120_000));
    const finalSnap = (await listSnapshots(db, draft.id)).find((s) => s.record.status === 'final')!;
    const restored = await restoreSnapshot(db, finalSnap.seq!, new Date(T0 + 180_000));
    expect(restored).toMatchObject({ revision: 2, status: 'draft', finalizedAt: null });
    expect(restored.observers.map((o) => o.signature)).toEqual([null, null]);
    expect((await listObservations(db))[0]).toMatchObject({ revision: 2, status: 'draft' });
  });

  it('going back within the same revision keeps the signatures drawn on it', async () => {
    const db = await freshDb();
    const signed = readyRecord(smallTemplate());
    signed.observers = signed.observers.map((o) => ({ ...o, signature: { png: 'data:image/png;base64,iVBORw0KGgo=', signedAt: at(0) } }));
    await saveRecord(db, edit(signed, at(0)));
    await saveRecord(db, edit(signed, at(40_000), { theme: '改过的主题' }));
    const older = (await listSnapshots(db, signed.id))[1];
    const restored = await restoreSnapshot(db, older.seq!, new Date(T0 + 60_000));
    expect(restored.observers.map((o) => o.signature?.signedAt)).toEqual([at(0), at(0)]);
  });

  it('deleteDraft removes a draft and its history, but never an observation with a finalised version', async () => {
    const db = await freshDb();
    const a = readyRecord(smallTemplate());
    const b = readyRecord(smallTemplate());
    await saveRecord(db, a);
    await saveRecord(db, b);
    await finalizeObservation(db, b);
    await deleteDraft(db, a.id);
    expect(await loadRecord(db, a.id)).toBeUndefined();
    expect(await listSnapshots(db, a.id)).toEqual([]);
    await expect(deleteDraft(db, b.id)).rejects.toThrow('该记录已有定稿版本，不能删除');
    expect(await loadRecord(db, b.id)).toBeDefined();
    expect((await listObservations(db)).map((r) => r.id)).toEqual([b.id]);
  });
});

describe('templates, roster and first-run defaults', () => {
  it('importTemplate stores a good template and refuses a bad one, leaving the stored ones unchanged', async () => {
    const db = await freshDb();
    const good = await importTemplate(db, smallTemplate(), new Date('2026-01-02T00:00:00Z'));
    expect(good.ok).toBe(true);
    const before = await listTemplates(db);
    expect(before.map((t) => [t.id, t.version, t.title])).toEqual([['test-rubric', 1, '测试评分表']]);

    // A "new version" of the same template with a step that does not divide the maximum.
    const bad = structuredClone(smallTemplate());
    bad.version = 2;
    bad.sections[0].items[0].step = 3;
    const r = await importTemplate(db, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([expect.objectContaining({ path: '$.sections[0].items[0].step' })]);
    expect(await listTemplates(db)).toEqual(before);
  });

  it('replaceRoster with a duplicate name changes nothing', async () => {
    const db = await freshDb();
    const units = [
      { id: 'u1', name: '锡林郭勒盟教育局', category: '政府' as const, active: true },
      { id: 'u2', name: '锡林郭勒盟民政局', category: '政府' as const, active: true },
    ];
    expect((await replaceRoster(db, { format: 'xunting.roster/1', units })).ok).toBe(true);
    const r = await replaceRoster(db, {
      format: 'xunting.roster/1',
      units: [
        { id: 'n1', name: '阿拉善盟教育局' },
        { id: 'n2', name: '阿拉善盟 教育局' },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0].path).toBe('$.units[1].name');
    expect(await listUnits(db)).toEqual(units);
  });

  it('replaceRoster with a good roster replaces the old one entirely', async () => {
    const db = await freshDb();
    await replaceRoster(db, {
      format: 'xunting.roster/1',
      units: [
        { id: 'u1', name: '甲局' },
        { id: 'u2', name: '乙局' },
      ],
    });
    await replaceRoster(db, { format: 'xunting.roster/1', units: [{ id: 'u9', name: '丙局' }] });
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['丙局']);
  });

  it('seedDefaults stores the built-in template and roster once, and is idempotent', async () => {
    const db = await freshDb();
    const defaults = { template: readDefaultTemplateJson(), roster: JSON.parse(readDefaultRosterText()) };
    await seedDefaults(db, defaults);
    const templates = await listTemplates(db);
    const units = await listUnits(db);
    expect(templates).toHaveLength(1);
    expect(units).toHaveLength(69);
    expect(await getSetting(db, ACTIVE_TEMPLATE_KEY)).toBe(templates[0].id);
    expect((await activeTemplate(db))?.id).toBe(templates[0].id);

    await seedDefaults(db, defaults);
    expect(await listTemplates(db)).toEqual(templates);
    expect(await listUnits(db)).toEqual(units);
  });

  it('seedDefaults leaves a roster and template the user already has', async () => {
    const db = await freshDb();
    await importTemplate(db, smallTemplate());
    await replaceRoster(db, { format: 'xunting.roster/1', units: [{ id: 'x1', name: '阿拉善盟教育局' }] });
    await seedDefaults(db, { template: readDefaultTemplateJson(), roster: JSON.parse(readDefaultRosterText()) });
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['test-rubric']);
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['阿拉善盟教育局']);
  });

  it('seedDefaults refuses broken built-ins with a Chinese message', async () => {
    const db = await freshDb();
    await expect(seedDefaults(db, { template: { format: 'x' }, roster: [] })).rejects.toThrow(/内置评分表无效/);
    expect(await listTemplates(db)).toEqual([]);
  });
});

describe('importing a roster over the stored one', () => {
  it('keeps the ids of units it already has (by name), so plans stay attached; new units get free ids', async () => {
    const { importRoster, savePlans, listPlans, XuntingDB: DB } = await import('../../../utils/db');
    const db = new DB(`xunting-roster-${crypto.randomUUID()}`);
    await replaceRosterOf(db, [
      { id: 'u001', name: '锡林郭勒盟教育局', category: '政府', active: true },
      { id: 'u002', name: '锡林郭勒盟民政局', category: '政府', active: true },
    ]);
    expect((await savePlans(db, [{ format: 'xunting.plan/1', year: 2026, entries: [{ unitId: 'u002', month: 5, group: '第一巡听组' }] }])).ok).toBe(true);
    // The same units from Excel, numbered by row (序号 1, 2, 3), with one new unit and a full-width space.
    const r = await importRoster(db, {
      format: 'xunting.roster/1',
      units: [
        { id: '1', name: '锡林郭勒盟民政局', category: '政府', active: true },
        { id: '2', name: '锡林郭勒盟　教育局', category: '政府', active: false },
        { id: 'u001', name: '锡林郭勒盟财政局', category: '政府', active: true },
      ],
    });
    expect(r.ok).toBe(true);
    const units = (await db.units.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    expect(units.map((u) => [u.name, u.id, u.active])).toEqual(
      [
        ['锡林郭勒盟民政局', 'u002', true],
        ['锡林郭勒盟　教育局', 'u001', false],
        ['锡林郭勒盟财政局', units.find((u) => u.name === '锡林郭勒盟财政局')!.id, true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN')),
    );
    expect(units.find((u) => u.name === '锡林郭勒盟财政局')!.id).not.toMatch(/^u00[12]$/);
    // The plan still names 民政局.
    expect((await listPlans(db))[0].entries[0].unitId).toBe(units.find((u) => u.name === '锡林郭勒盟民政局')!.id);
    db.close();
    await db.delete();
  });

  it('a plan naming a unit that is not in the roster is refused and nothing is stored', async () => {
    const { savePlans, listPlans, XuntingDB: DB } = await import('../../../utils/db');
    const db = new DB(`xunting-plan-${crypto.randomUUID()}`);
    await replaceRosterOf(db, [{ id: 'u001', name: '锡林郭勒盟教育局', category: '政府', active: true }]);
    const r = await savePlans(db, [{ format: 'xunting.plan/1', year: 2026, entries: [{ unitId: 'u404', month: 5, group: '' }] }]);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0].message).toContain('u404');
    expect(await listPlans(db)).toEqual([]);
    db.close();
    await db.delete();
  });
});

async function replaceRosterOf(db: import('../../../utils/db').XuntingDB, units: import('../../../utils/roster').Unit[]) {
  const { replaceRoster } = await import('../../../utils/db');
  const r = await replaceRoster(db, { format: 'xunting.roster/1', units });
  expect(r.ok).toBe(true);
}

describe('drafts from before deduction items started unset', () => {
  it('unsets an untouched 0 in first-revision drafts once, keeps finalised versions, and regrades the list', async () => {
    const db = await freshDb();
    const draft = readyRecord(smallTemplate(), { now: new Date(T0) });
    draft.scores.E = { value: 0, na: false, note: '' };
    await saveRecord(db, draft);
    const kept = readyRecord(smallTemplate(), { now: new Date(T0) });
    kept.scores.E = { value: 0, na: false, note: '' };
    await saveRecord(db, kept);
    const final = await finalizeObservation(db, kept);
    expect(await unsetUntouchedDeductionsOnce(db)).toBe(1);
    expect((await loadRecord(db, draft.id))!.scores.E.value).toBeNull();
    expect((await loadRecord(db, final.id))!.scores.E.value).toBe(0);
    expect((await listVersions(db, final.id))[0].record.scores.E.value).toBe(0);
    const row = (await listObservations(db)).find((o) => o.id === draft.id)!;
    expect(row.grade).toBeNull();
    // Once: a 无扣分 chosen afterwards stays.
    await saveRecord(db, { ...draft, scores: { ...draft.scores, E: { value: 0, na: false, note: '' } }, updatedAt: at(1000) });
    expect(await unsetUntouchedDeductionsOnce(db)).toBe(0);
    expect((await loadRecord(db, draft.id))!.scores.E.value).toBe(0);
  });
});
