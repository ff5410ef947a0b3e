import { describe, expect, it } from 'vitest';
import { computeCoverage, scopeForCycle, scopeForYear, unitMatcher, unitStatus, type CollectedRecord, type CoverageInput } from '../../../utils/coverage';
import type { Plan } from '../../../utils/plan/types';
import { reviseRecord } from '../../../utils/record';
import { item, section, STANDARD_BANDS, template } from '../../fixtures/rubric';
import { allNotApplicable, collected, edited, plan, roster, unitById, withTotal } from './coverage-fixtures';

const units = roster();
const u = (id: string) => unitById(units, id);
const y2026 = scopeForYear(2026);
const input = (records: CollectedRecord[], more: Partial<CoverageInput> = {}): CoverageInput => ({ units, plans: [], records, ...more });
const unitOf = (c: ReturnType<typeof computeCoverage>, id: string) => c.units.find((x) => x.unit.id === id)!;

describe('which records count', () => {
  it('a correction supersedes: only the highest final revision of a record id counts, in any order', () => {
    const first = withTotal(collected(u('u026'), '2026-05-12'), 72);
    const corrected = edited(withTotal(first, 91), { revision: 2 });
    for (const records of [
      [first, corrected],
      [corrected, first],
    ]) {
      const c = computeCoverage(input(records), y2026);
      expect(c.totals.sessions).toBe(1);
      expect(unitOf(c, 'u026').sessions).toMatchObject([{ recordId: first.record.id, revision: 2, total: 91, grade: '优秀' }]);
      expect(c.problems).toEqual([]);
    }
  });

  it('a revision supersedes only for the same unit and date, signed by one of its signers or observers; otherwise both count and the conflict is a data problem', () => {
    const first = collected(u('u026'), '2026-05-12');
    const corrected = withTotal(edited(first, { revision: 2 }), 70);
    let c = computeCoverage(input([first, corrected]), y2026);
    expect(unitOf(c, 'u026').sessions).toMatchObject([{ revision: 2, total: 70 }]);
    expect(c.problems.filter((p) => p.kind === 'revision-conflict')).toEqual([]);

    // "Revision 2" of the same id for another unit (the attack: the first unit used to drop out), or in another year.
    const otherUnit = edited(first, { revision: 2, unit: { id: u('u032').id, name: u('u032').name } });
    c = computeCoverage(input([first, otherUnit]), y2026);
    expect(unitOf(c, 'u026').covered).toBe(true);
    expect(unitOf(c, 'u032').covered).toBe(true);
    const conflict = c.problems.find((p) => p.kind === 'revision-conflict')?.message;
    expect(conflict).toContain(`记录 ${first.record.id} 有 2 个互不取代的版本：`);
    expect(conflict).toContain(`第 1 版「${u('u026').name}」2026-05-12`);
    expect(conflict).toContain(`第 2 版「${u('u032').name}」2026-05-12`);
    const otherYear = edited(first, { revision: 2, date: '2025-12-30' });
    expect(computeCoverage(input([first, otherYear]), y2026).totals.covered).toBe(1);
    expect(computeCoverage(input([first, otherYear]), scopeForYear(2025)).totals.covered).toBe(1);

    // Same unit and date, but signed by someone who neither signed nor observed the first: both count.
    const stranger = { ...edited(first, { revision: 2 }), signers: ['王五'] };
    c = computeCoverage(input([first, stranger]), y2026);
    expect(unitOf(c, 'u026').sessions).toHaveLength(2);
    expect(c.problems.map((p) => p.kind)).toContain('revision-conflict');
  });

  it('drafts never count, and a correction still in draft leaves the signed revision standing', () => {
    const draft = edited(collected(u('u001'), '2026-04-08'), { status: 'draft', finalizedAt: null });
    const signed = withTotal(collected(u('u026'), '2026-05-12'), 85);
    const inCorrection = { ...signed, record: { ...reviseRecord(signed.record), scores: { x: { value: 40, na: false, note: '' } } } };
    expect(inCorrection.record).toMatchObject({ status: 'draft', revision: 2 });
    const c = computeCoverage(input([draft, signed, inCorrection]), y2026);
    expect(unitOf(c, 'u001').covered).toBe(false);
    expect(unitOf(c, 'u026').sessions).toMatchObject([{ revision: 1, total: 85 }]);
    expect(c.totals.sessions).toBe(1);
  });

  it('a record dated 2025 is outside the 2026 scope and raises no problem there', () => {
    const old = collected(u('u003'), '2025-11-20');
    const unknownOld = collected({ id: 'x-1', name: '已撤销的某某局' }, '2025-06-01');
    const c = computeCoverage(input([old, unknownOld, collected(u('u004'), '2026-01-15')]), y2026);
    expect(unitOf(c, 'u003').covered).toBe(false);
    expect(c.totals).toMatchObject({ covered: 1, sessions: 1 });
    expect(c.problems).toEqual([]);
    expect(computeCoverage(input([old]), scopeForCycle(2025, 2026)).totals.covered).toBe(1);
  });
});

describe('matching a record to a roster unit', () => {
  it('by name, ignoring spaces and full-width forms, whatever the record id', () => {
    const typed = edited(collected(u('u026'), '2026-05-12'), { unit: { id: 'observer-7', name: ' 锡林郭勒盟\u3000教育局 ' } });
    const c = computeCoverage(input([typed]), y2026);
    expect(unitOf(c, 'u026').sessions).toMatchObject([{ unitId: 'u026', unitName: ' 锡林郭勒盟\u3000教育局 ' }]);
    expect(c.problems).toEqual([]);
  });

  it('a roster imported from CSV numbers its units its own way: the name still finds the unit', () => {
    // The same 69 names, numbered u001… in the opposite order: u026 is another unit here.
    const csvUnits = units.map((x, i) => ({ ...x, id: `u${String(units.length - i).padStart(3, '0')}` }));
    const record = collected(u('u026'), '2026-05-12');
    const c = computeCoverage({ units: csvUnits, plans: [], records: [record] }, y2026);
    const found = c.units.filter((x) => x.covered).map((x) => x.unit);
    expect(found).toEqual([csvUnits.find((x) => x.name === u('u026').name)]);
    expect(found[0].id).not.toBe('u026');
  });

  it('when the name finds one unit and the id another, the name wins', () => {
    const record = collected({ id: 'u001', name: u('u026').name }, '2026-05-12');
    const c = computeCoverage(input([record]), y2026);
    expect(unitOf(c, 'u026').covered).toBe(true);
    expect(unitOf(c, 'u001').covered).toBe(false);
    expect(unitMatcher(units)(record.record.unit)).toEqual({ unit: u('u026'), by: 'name' });
  });

  it('a unit renamed since: the name misses, the id finds it; the session keeps the name as written', () => {
    const record = collected({ id: 'u026', name: '锡林郭勒盟教育体育局' }, '2026-05-12');
    const c = computeCoverage(input([record]), y2026);
    expect(unitOf(c, 'u026').sessions).toMatchObject([{ unitId: 'u026', unitName: '锡林郭勒盟教育体育局' }]);
    expect(unitMatcher(units)(record.record.unit)).toEqual({ unit: u('u026'), by: 'id' });
    expect(c.problems).toEqual([]);
  });

  it('name and id both unknown: an unknown-unit problem naming unit, date and file; counted nowhere', () => {
    const stranger = collected({ id: 'x-99', name: '锡林郭勒盟某某服务中心' }, '2026-07-08', 'mmfwzx-0708.pdf');
    const c = computeCoverage(input([stranger, collected(u('u001'), '2026-07-09')]), y2026);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ kind: 'unknown-unit', recordIds: [stranger.record.id] });
    for (const part of ['锡林郭勒盟某某服务中心', 'x-99', '2026-07-08', 'mmfwzx-0708.pdf']) expect(c.problems[0].message).toContain(part);
    expect(c.totals).toMatchObject({ covered: 1, sessions: 1 });
    expect(c.monthly[6].sessions).toBe(2 - 1);
    expect(c.units.flatMap((x) => x.sessions).map((s) => s.unitId)).toEqual(['u001']);
    expect(unitMatcher(units)(stranger.record.unit)).toBeNull();
  });
});

describe('inactive units', () => {
  const withInactive = units.map((x) => (x.id === 'u026' ? { ...x, active: false } : x));
  const record = collected(u('u026'), '2026-05-12', 'jyj.pdf');
  const c = computeCoverage({ units: withInactive, plans: [plan(2026)], records: [record, collected(u('u001'), '2026-03-05')] }, y2026);

  it('are outside the denominators and every list', () => {
    const activeIds = withInactive.filter((x) => x.active).map((x) => x.id);
    expect(c.totals.units).toBe(activeIds.length);
    expect(c.units.map((x) => x.unit.id)).toEqual(activeIds);
    expect(c.notCovered.some((x) => x.id === 'u026')).toBe(false);
    expect(c.totals.planned).toBe(
      new Set(
        plan(2026)
          .entries.map((e) => e.unitId)
          .filter((id) => id !== 'u026'),
      ).size,
    );
  });

  it('their records are an inactive-unit problem, counted in no figure', () => {
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ kind: 'inactive-unit', recordIds: [record.record.id] });
    for (const part of ['锡林郭勒盟教育局', '2026-05-12', 'jyj.pdf', '停用']) expect(c.problems[0].message).toContain(part);
    expect(c.totals).toMatchObject({ covered: 1, sessions: 1 });
    expect(c.grades.reduce((n, g) => n + g.count, 0)).toBe(1);
  });
});

describe('same-day duplicates', () => {
  it('two record ids for one unit on one day: both sessions count, the unit once, and a problem names both', () => {
    const a = collected(u('u032'), '2026-06-18', 'czj-a.pdf');
    const b = edited({ ...collected(u('u032'), '2026-06-18'), fileName: 'czj-b.pdf' }, { id: 'another-id' });
    const c = computeCoverage(input([a, b, collected(u('u032'), '2026-09-01')]), y2026);
    expect(c.totals).toMatchObject({ covered: 1, sessions: 3 });
    expect(unitOf(c, 'u032').sessions).toHaveLength(3);
    expect(c.monthly[5]).toMatchObject({ sessions: 2, newlyCovered: 1 });
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0].kind).toBe('same-day-duplicate');
    expect(new Set(c.problems[0].recordIds)).toEqual(new Set([a.record.id, 'another-id']));
    for (const part of ['锡林郭勒盟财政局', '2026-06-18', 'czj-a.pdf', 'czj-b.pdf']) expect(c.problems[0].message).toContain(part);
  });

  it('two revisions of one record are a correction, not a duplicate', () => {
    const a = collected(u('u032'), '2026-06-18');
    const c = computeCoverage(input([a, edited(a, { revision: 2 })]), y2026);
    expect(c.problems).toEqual([]);
    expect(c.totals.sessions).toBe(1);
  });
});

describe('plans', () => {
  it('a plan entry for a unit not in the roster is a plan-unknown-unit problem, not planned', () => {
    const p2026 = plan(2026);
    const withStranger: Plan = { ...p2026, entries: [...p2026.entries, { unitId: 'u999', month: 5, group: '第二巡听组' }] };
    const c = computeCoverage(input([], { plans: [withStranger] }), y2026);
    expect(c.totals.planned).toBe(new Set(p2026.entries.map((e) => e.unitId)).size);
    expect(c.monthly[4].planned).toBe(p2026.entries.filter((e) => e.month === 5).length);
    expect(c.problems).toEqual([{ kind: 'plan-unknown-unit', message: expect.stringContaining('u999'), recordIds: [] }]);
    for (const part of ['2026 年', '5 月', '第二巡听组']) expect(c.problems[0].message).toContain(part);
  });

  it('only the scope’s plans count; a unit planned in both years lists both visits in order', () => {
    const p2026 = plan(2026);
    const p2027 = plan(2027);
    const again: Plan = { ...p2027, entries: [{ unitId: p2026.entries[0].unitId, month: 2, group: '第三巡听组' }, ...p2027.entries] };
    const old: Plan = {
      format: 'xunting.plan/1',
      year: 2025,
      entries: [
        { unitId: 'u999', month: 1, group: '' },
        { unitId: p2027.entries[0].unitId, month: 3, group: '' },
      ],
    };
    const year = computeCoverage(input([], { plans: [again, old, p2026] }), y2026);
    expect(year.totals.planned).toBe(p2026.entries.length);
    expect(year.problems).toEqual([]);
    const cycle = computeCoverage(input([], { plans: [again, old, p2026] }), scopeForCycle(2026, 2027));
    expect(cycle.totals.planned).toBe(p2026.entries.length + p2027.entries.length);
    expect(unitOf(cycle, p2026.entries[0].unitId).planned).toEqual([
      { year: 2026, month: p2026.entries[0].month, group: p2026.entries[0].group },
      { year: 2027, month: 2, group: '第三巡听组' },
    ]);
  });

  it('planned, covered, covered outside the plan, planned but not observed', () => {
    const p2026 = plan(2026);
    const plannedIds = p2026.entries.map((e) => e.unitId);
    const unplanned = units.filter((x) => !plannedIds.includes(x.id));
    const chosen = [...plannedIds.slice(0, 30), unplanned[0].id, unplanned[1].id];
    const c = computeCoverage(
      input(
        chosen.map((id, i) => collected(u(id), `2026-${String(3 + (i % 9)).padStart(2, '0')}-10`)),
        { plans: [p2026] },
      ),
      y2026,
    );
    expect(c.totals).toMatchObject({ covered: 32, planned: 40, plannedCovered: 30, plannedPct: Math.round((30 / 40) * 1000) / 10, coveredUnplanned: 2 });
    expect(c.plannedNotObserved.map((x) => x.id)).toEqual(units.filter((x) => plannedIds.slice(30).includes(x.id)).map((x) => x.id));
    expect(c.notInAnyPlan).toEqual(unplanned);
    expect(c.notCovered.map((x) => x.id)).toEqual(units.filter((x) => !chosen.includes(x.id)).map((x) => x.id));
  });
});

describe('monthly progress', () => {
  it('every month, plan entries and first visits, with running sums', () => {
    const p2026 = plan(2026);
    const visits: [string, string][] = [
      ['u001', '2026-03-10'],
      ['u002', '2026-04-02'], // planned for March, observed late
      ['u001', '2026-06-20'], // a repeat: a session, not a newly covered unit
      ['u040', '2026-06-21'], // not in the plan
      ['u026', '2026-11-30'],
    ];
    const c = computeCoverage(
      input(
        visits.map(([id, d]) => collected(u(id), d)),
        { plans: [p2026] },
      ),
      y2026,
    );
    expect(c.monthly.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const first = new Map<string, string>();
    for (const [id, d] of visits) if (!first.has(id)) first.set(id, d.slice(0, 7));
    let planned = 0;
    let covered = 0;
    c.monthly.forEach((m, i) => {
      const month = i + 1;
      const key = `2026-${String(month).padStart(2, '0')}`;
      const expected = {
        planned: p2026.entries.filter((e) => e.month === month).length,
        newlyCovered: [...first.values()].filter((f) => f === key).length,
        sessions: visits.filter(([, d]) => d.startsWith(key)).length,
      };
      planned += expected.planned;
      covered += expected.newlyCovered;
      expect(m, key).toEqual({ month: key, ...expected, cumulativePlanned: planned, cumulativeCovered: covered });
    });
    expect(c.monthly.at(-1)!.cumulativeCovered).toBe(c.totals.covered);
    expect(c.monthly.at(-1)!.cumulativePlanned).toBe(p2026.entries.length);
  });
});

describe('grades', () => {
  it('counted by grade in band order, zero counts shown, 未评定 for a session with no total', () => {
    const totals = [95, 85, 85.5, 70, 64];
    const records = totals.map((t, i) => withTotal(collected(units[i], `2026-05-${10 + i}`), t));
    const na = allNotApplicable(collected(units[9], '2026-05-20'));
    const c = computeCoverage(input([...records, na]), y2026);
    const count = (lo: number, hi: number) => totals.filter((t) => t >= lo && t < hi).length;
    expect(c.grades).toEqual([
      { grade: '优秀', count: count(90, 101) },
      { grade: '良好', count: count(80, 90) },
      { grade: '一般', count: count(60, 80) },
      { grade: '较差', count: 0 },
      { grade: '未评定', count: 1 },
    ]);
  });

  it('templates with other bands: ordered by each band’s min, best first, a grade once', () => {
    const other = [
      { grade: '优秀', min: 92 },
      { grade: '合格', min: 70 },
      { grade: '较差', min: 0 },
    ];
    const c = computeCoverage(
      input([
        withTotal(collected(units[0], '2026-05-10'), 91),
        withTotal(collected(units[1], '2026-05-11'), 91, other),
        withTotal(collected(units[2], '2026-05-12'), 93, other),
        withTotal(collected(units[3], '2026-05-13'), 50),
      ]),
      y2026,
    );
    expect(c.grades).toEqual([
      { grade: '优秀', count: 2 },
      { grade: '良好', count: 0 },
      { grade: '合格', count: 1 },
      { grade: '一般', count: 0 },
      { grade: '较差', count: 1 },
    ]);
  });

  it('a session with everything 不适用: no total, no grade, 未评定, and not among the top sessions', () => {
    const na = allNotApplicable(collected(u('u026'), '2026-05-12'));
    const c = computeCoverage(input([na]), y2026);
    expect(unitOf(c, 'u026')).toMatchObject({ covered: true, latestTotal: null, latestGrade: null });
    expect(unitOf(c, 'u026').sessions[0]).toMatchObject({ total: null, grade: null });
    expect(c.grades).toEqual([...STANDARD_BANDS.map((b) => ({ grade: b.grade, count: 0 })), { grade: '未评定', count: 1 }]);
    expect(c.top).toEqual([]);
    expect(c.sections).toEqual([]);
    expect(c.totals).toMatchObject({ covered: 1, sessions: 1 });
  });
});

describe('section averages', () => {
  const threeSections = template([
    section('a', [item('a1', 10, { title: '第一议题' }), item('a2', 10, { title: '联系实际' })], '学习内容'),
    section('b', [item('b1', 10, { allowNA: true })], '成果转化'),
    section('c', [item('c1', 10, { kind: 'deduction' })], '学习纪律'),
  ]);
  const s = (value: number | null, na = false) => ({ value, na, note: '' });
  const one = edited(collected(units[0], '2026-05-10'), { template: threeSections, scores: { a1: s(9), a2: s(6), b1: s(10), c1: s(2) } });
  const two = edited(collected(units[1], '2026-06-10'), { template: threeSections, scores: { a1: s(6), a2: s(4), b1: s(null, true), c1: s(4) } });

  it('the mean of each session’s earned / max, where the section was assessed, weakest first', () => {
    const c = computeCoverage(input([one, two]), y2026);
    const mean = (...pcts: number[]) => Math.round((pcts.reduce((a, b) => a + b, 0) / pcts.length) * 10) / 10;
    expect(c.sections).toEqual([
      { title: '学习内容', averagePct: mean((15 / 20) * 100, (10 / 20) * 100), sessions: 2, versions: [1] },
      { title: '学习纪律', averagePct: mean(((10 - 2) / 10) * 100, ((10 - 4) / 10) * 100), sessions: 2, versions: [1] },
      { title: '成果转化', averagePct: mean(100), sessions: 1, versions: [1] },
    ]);
  });

  it('across versions of a template, sections meet by id: a renamed section is one section under its newest title, and the figures say which versions', () => {
    const v2 = structuredClone(threeSections);
    v2.version = 2;
    v2.sections[0].title = '学习内容与形式';
    const three = edited(collected(units[2], '2026-07-10'), { template: v2, scores: { a1: s(10), a2: s(10), b1: s(5), c1: s(0) } });
    const c = computeCoverage(input([one, three]), y2026);
    expect(c.sections.find((x) => x.title === '学习内容与形式')).toEqual({
      title: '学习内容与形式',
      averagePct: Math.round(((75 + 100) / 2) * 10) / 10,
      sessions: 2,
      versions: [1, 2],
    });
    expect(c.sections.find((x) => x.title === '学习内容')).toBeUndefined();
    expect(c.templates).toEqual([
      {
        id: threeSections.id,
        title: threeSections.title,
        versions: [
          { version: 1, sessions: 1 },
          { version: 2, sessions: 1 },
        ],
      },
    ]);
  });

  it('a section whose id changed is another section, even under the same title', () => {
    const other = structuredClone(threeSections);
    other.version = 2;
    other.sections[0].id = 'content';
    other.sections[0].items.forEach((i) => (i.id = `content-${i.id}`));
    const three = edited(collected(units[2], '2026-07-10'), { template: other, scores: { 'content-a1': s(10), 'content-a2': s(10), b1: s(5), c1: s(0) } });
    const c = computeCoverage(input([one, three]), y2026);
    expect(c.sections.filter((x) => x.title === '学习内容').map((x) => [x.averagePct, x.versions])).toEqual([
      [75, [1]],
      [100, [2]],
    ]);
  });
});

describe('top sessions', () => {
  it('the ten best with a total, highest first, ties by earlier date then unit name', () => {
    const chosen: [string, string, number][] = [
      ['u001', '2026-03-10', 88],
      ['u002', '2026-03-11', 97.5],
      ['u026', '2026-04-01', 93], // 教育局 (jiào) …
      ['u032', '2026-04-01', 93], // … after 财政局 (cái) on the same day
      ['u003', '2026-03-01', 93], // the same total, earlier: before both
      ['u004', '2026-05-01', 61],
      ['u005', '2026-05-02', 79],
      ['u006', '2026-05-03', 90],
      ['u007', '2026-05-04', 84],
      ['u008', '2026-05-05', 86],
      ['u009', '2026-05-06', 59],
      ['u010', '2026-05-07', 99],
    ];
    const records = chosen.map(([id, d, t]) => withTotal(collected(u(id), d), t));
    const c = computeCoverage(input([...records, allNotApplicable(collected(u('u011'), '2026-05-08'))]), y2026);
    // 优秀 (≥ 90) only: the 良好 and 一般 sessions are no excellent cases, though the list has room.
    expect(c.top.map((s) => s.unitId)).toEqual(['u010', 'u002', 'u003', 'u032', 'u026', 'u006']);
    expect(c.top.map((s) => s.grade)).toEqual(Array(6).fill('优秀'));
  });

  it('at most ten, the highest first', () => {
    const records = Array.from({ length: 12 }, (_, i) => withTotal(collected(u(`u0${String(i + 10)}`), `2026-05-${String(i + 10)}`), 90 + i * 0.5));
    const c = computeCoverage(input(records), y2026);
    expect(c.top.map((s) => s.total)).toEqual([95.5, 95, 94.5, 94, 93.5, 93, 92.5, 92, 91.5, 91]);
  });
});

describe('planned visits whose month has not passed', () => {
  const yearPlan: Plan = {
    format: 'xunting.plan/1',
    year: 2026,
    entries: [
      { unitId: 'u001', month: 11, group: '第一巡听组' },
      { unitId: 'u002', month: 12, group: '第二巡听组' },
      { unitId: 'u003', month: 12, group: '第三巡听组' },
    ],
  };

  it('are 待巡听 until the month is over, then 计划未完成', () => {
    const c = computeCoverage(input([collected(u('u003'), '2026-12-02')], { plans: [yearPlan], asOf: '2026-12-03' }), y2026);
    expect(unitStatus(unitOf(c, 'u001'))).toBe('计划未完成');
    expect(unitStatus(unitOf(c, 'u002'))).toBe('待巡听');
    expect(unitStatus(unitOf(c, 'u003'))).toBe('已覆盖');
    expect(c.plannedNotObserved.map((x) => x.id)).toEqual(['u001']);
    expect(c.plannedPending.map((x) => x.id)).toEqual(['u002']);

    const nextMonth = computeCoverage(input([], { plans: [yearPlan], asOf: '2027-01-01' }), y2026);
    expect(nextMonth.plannedNotObserved.map((x) => x.id)).toEqual(['u001', 'u002', 'u003']);
    expect(nextMonth.plannedPending).toEqual([]);
  });
});

describe('what each session and unit says', () => {
  it('observers lead first, signers, theme, latest total from the latest session', () => {
    const early = withTotal(collected(u('u026'), '2026-03-12', 'a.pdf'), 70);
    const late = withTotal(collected(u('u026'), '2026-10-20', 'b.pdf'), 88);
    late.record.observers = [
      { id: 'o1', name: '刘珺', lead: false },
      { id: 'o2', name: '王喆', lead: true },
    ];
    late.signers = ['王喆', '刘珺'];
    const c = computeCoverage(input([late, early]), y2026);
    const unit = unitOf(c, 'u026');
    expect(unit.sessions.map((s) => s.date)).toEqual(['2026-03-12', '2026-10-20']);
    expect(unit).toMatchObject({ firstDate: '2026-03-12', latestTotal: 88, latestGrade: '良好' });
    expect(unit.sessions[1]).toMatchObject({ recordId: late.record.id, observers: ['王喆', '刘珺'], signers: ['王喆', '刘珺'], theme: late.record.theme });
  });
});

describe('edge cases', () => {
  it('nothing at all: zeros, 0.0%, no division by zero', () => {
    const c = computeCoverage({ units: [], plans: [], records: [] }, y2026);
    expect(c.totals).toEqual({ units: 0, covered: 0, coveredPct: 0, planned: 0, plannedCovered: 0, plannedPct: 0, coveredUnplanned: 0, sessions: 0 });
    expect(c.monthly).toHaveLength(12);
    expect(c.monthly.every((m) => m.planned === 0 && m.sessions === 0 && m.cumulativeCovered === 0)).toBe(true);
    expect([c.units, c.notCovered, c.grades, c.sections, c.top, c.problems]).toEqual([[], [], [], [], [], []]);
  });

  it('a roster but no records and no plan: every unit not covered and in no plan', () => {
    const c = computeCoverage(input([]), scopeForCycle(2026, 2027));
    expect(c.totals).toMatchObject({ units: units.length, covered: 0, coveredPct: 0, planned: 0, plannedPct: 0 });
    expect(c.notCovered).toEqual(units);
    expect(c.notInAnyPlan).toEqual(units);
    expect(c.plannedNotObserved).toEqual([]);
    expect(c.monthly).toHaveLength(24);
  });

  it('does not modify its input', () => {
    const records = [collected(u('u032'), '2026-09-01'), collected(u('u001'), '2026-03-01')];
    const plans = [plan(2027), plan(2026)];
    const data: CoverageInput = { units, plans, records };
    const before = structuredClone(data);
    deepFreeze(data);
    computeCoverage(data, scopeForCycle(2026, 2027));
    expect(data).toEqual(before);
  });

  it('refuses a scope that is not a range of years', () => {
    expect(() => computeCoverage(input([]), { fromYear: 2027, toYear: 2026 })).toThrow('起始年份 2027 晚于结束年份 2026');
    expect(() => computeCoverage(input([]), { fromYear: Number.NaN, toYear: 2026 })).toThrow('四位整数');
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
