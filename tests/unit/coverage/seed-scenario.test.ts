/**
 * The seed article's figures: 69 盟直单位, the 2026 plan of 40 units and 2027 of the other 29,
 * "两年一轮全覆盖". 45 final 2026 records observe the 40 planned units (five of them twice).
 */
import { describe, expect, it } from 'vitest';
import { computeCoverage, formatPct, scopeForCycle, scopeForYear, type CollectedRecord } from '../../../utils/coverage';
import { collected, plan, roster, unitById } from './coverage-fixtures';

const pad2 = (n: number) => String(n).padStart(2, '0');
const units = roster();
const plan2026 = plan(2026);
const plan2027 = plan(2027);

/** Each planned unit once in its planned month, and five of them again (a 回头看) on the 28th. */
function yearOfRecords(year: number, entries: { unitId: string; month: number }[], repeatEvery: number): CollectedRecord[] {
  const records = entries.map((e, i) => collected(unitById(units, e.unitId), `${year}-${pad2(e.month)}-${pad2(2 + (i % 25))}`, `${e.unitId}-${year}.pdf`));
  entries.forEach((e, i) => {
    if (repeatEvery && i % repeatEvery === 0)
      records.push(collected(unitById(units, e.unitId), `${year}-${pad2(Math.min(e.month + 1, 12))}-28`, `${e.unitId}-${year}-回头看.pdf`));
  });
  return records;
}

const records2026 = yearOfRecords(2026, plan2026.entries, 8);
const records2027 = yearOfRecords(2027, plan2027.entries, 0);

describe('the seed scenario: 2026', () => {
  const coverage = computeCoverage({ units, plans: [plan2026, plan2027], records: records2026 }, scopeForYear(2026));
  const observed = new Set(records2026.map((c) => c.record.unit.id));

  it('is what the brief says it is: 69 units, 45 records, 40 distinct units', () => {
    expect(units.filter((u) => u.active)).toHaveLength(69);
    expect(records2026).toHaveLength(45);
    expect(observed.size).toBe(40);
  });

  it('40 of 69 covered: 58.0%', () => {
    expect(coverage.label).toBe('2026 年度');
    expect(coverage.totals.units).toBe(69);
    expect(coverage.totals.covered).toBe(observed.size);
    expect(coverage.totals.coveredPct).toBe(Math.round((observed.size / 69) * 1000) / 10);
    expect(formatPct(coverage.totals.coveredPct)).toBe('58.0%');
    expect(coverage.totals.sessions).toBe(records2026.length);
  });

  it('the plan of 2026 is met; the 2027 plan is not in this scope', () => {
    const planned = new Set(plan2026.entries.map((e) => e.unitId));
    expect(coverage.totals.planned).toBe(planned.size);
    expect(coverage.totals.plannedCovered).toBe(planned.size);
    expect(coverage.totals.plannedPct).toBe(100);
    expect(coverage.totals.coveredUnplanned).toBe(0);
    expect(coverage.plannedNotObserved).toEqual([]);
    expect(coverage.notInAnyPlan.map((u) => u.id)).toEqual(units.filter((u) => !planned.has(u.id)).map((u) => u.id));
  });

  it('lists the 29 units not covered, in roster order: exactly the 2027 plan', () => {
    const expected = units.filter((u) => !observed.has(u.id));
    expect(expected).toHaveLength(29);
    expect(coverage.notCovered).toEqual(expected);
    expect(new Set(coverage.notCovered.map((u) => u.id))).toEqual(new Set(plan2027.entries.map((e) => e.unitId)));
  });

  it('every unit in roster order, repeat visits as two sessions by date', () => {
    expect(coverage.units.map((u) => u.unit.id)).toEqual(units.map((u) => u.id));
    const visits = new Map<string, string[]>();
    for (const c of records2026) visits.set(c.record.unit.id, [...(visits.get(c.record.unit.id) ?? []), c.record.date]);
    for (const u of coverage.units) {
      const dates = (visits.get(u.unit.id) ?? []).sort();
      expect(
        u.sessions.map((s) => s.date),
        u.unit.name,
      ).toEqual(dates);
      expect(u.covered).toBe(dates.length > 0);
      expect(u.firstDate).toBe(dates[0] ?? null);
      expect(u.latestTotal).toBe(u.sessions.at(-1)?.total ?? null);
    }
    expect(coverage.units.filter((u) => u.sessions.length === 2)).toHaveLength(records2026.length - observed.size);
  });

  it('the figures add up: sessions by unit, by month and by grade', () => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(coverage.units.map((u) => u.sessions.length))).toBe(records2026.length);
    expect(sum(coverage.monthly.map((m) => m.sessions))).toBe(records2026.length);
    expect(sum(coverage.grades.map((g) => g.count))).toBe(records2026.length);
    expect(coverage.monthly.at(-1)).toMatchObject({ cumulativePlanned: plan2026.entries.length, cumulativeCovered: observed.size });
    const excellent = coverage.grades.find((g) => g.grade === '优秀')!.count;
    expect(coverage.top).toHaveLength(Math.min(10, excellent));
    expect(coverage.top.every((s) => s.grade === '优秀')).toBe(true);
    expect(coverage.problems).toEqual([]);
  });
});

describe('the seed scenario: the 2026–2027 cycle', () => {
  it('with 2027 records for the other 29 units, every unit is covered: 69 / 69 = 100.0%', () => {
    const coverage = computeCoverage({ units, plans: [plan2026, plan2027], records: [...records2026, ...records2027] }, scopeForCycle(2026, 2027));
    const observed = new Set([...records2026, ...records2027].map((c) => c.record.unit.id));
    expect(observed.size).toBe(69);
    expect(coverage.label).toBe('2026—2027 年度（两年一轮）');
    expect(coverage.totals).toMatchObject({ units: 69, covered: observed.size, planned: 69, plannedCovered: 69, coveredUnplanned: 0 });
    expect(formatPct(coverage.totals.coveredPct)).toBe('100.0%');
    expect(coverage.totals.sessions).toBe(records2026.length + records2027.length);
    expect(coverage.notCovered).toEqual([]);
    expect(coverage.monthly).toHaveLength(24);
    expect(coverage.monthly.at(-1)).toMatchObject({ cumulativePlanned: plan2026.entries.length + plan2027.entries.length, cumulativeCovered: 69 });
  });

  it('2027 alone: the 29 units of its plan', () => {
    const coverage = computeCoverage({ units, plans: [plan2026, plan2027], records: [...records2026, ...records2027] }, scopeForYear(2027));
    expect(coverage.totals.covered).toBe(new Set(records2027.map((c) => c.record.unit.id)).size);
    expect(coverage.totals.planned).toBe(plan2027.entries.length);
    expect(coverage.notCovered.map((u) => u.id).sort()).toEqual([...new Set(records2026.map((c) => c.record.unit.id))].sort());
  });
});
