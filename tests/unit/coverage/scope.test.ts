import { describe, expect, it } from 'vitest';
import { coverageLabel, formatPct, parseScope, percentOf, scopeForCycle, scopeForYear, scopeMonths, scopeProblem } from '../../../utils/coverage';

describe('scopes', () => {
  it('a year and a two-year cycle, with the labels the summary prints', () => {
    expect(scopeForYear(2026)).toEqual({ fromYear: 2026, toYear: 2026 });
    expect(scopeForCycle(2026)).toEqual({ fromYear: 2026, toYear: 2027 });
    expect(scopeForCycle(2026, 2027)).toEqual({ fromYear: 2026, toYear: 2027 });
    expect(coverageLabel(scopeForYear(2026))).toBe('2026 年度');
    expect(coverageLabel(scopeForCycle(2026, 2027))).toBe('2026—2027 年度（两年一轮）');
    expect(coverageLabel(scopeForCycle(2024, 2026))).toBe('2024—2026 年度');
  });

  it('parses what a person types: dashes of every width, 至, 年, full-width digits and spaces', () => {
    for (const text of ['2026-2027', '2026–2027', '2026—2027', '2026 ~ 2027', '2026至2027年', '２０２６－２０２７', '2026年-2027年度']) {
      expect(parseScope(text), text).toEqual({ ok: true, value: { fromYear: 2026, toYear: 2027 } });
    }
    expect(parseScope('2026')).toEqual({ ok: true, value: { fromYear: 2026, toYear: 2026 } });
    expect(parseScope(' 2026年度 ')).toEqual({ ok: true, value: { fromYear: 2026, toYear: 2026 } });
  });

  it('refuses what is not a range of four-digit years, saying why in Chinese', () => {
    const bad = parseScope('2027-2026');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].message).toContain('起始年份 2027 晚于结束年份 2026');
    for (const text of ['', '26', 'next year', '2026-27', '2026,2027']) {
      const r = parseScope(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.problems[0].message).toContain('无法识别');
    }
    expect(scopeProblem({ fromYear: 2026.5, toYear: 2027 })).toContain('四位整数');
    expect(scopeProblem(scopeForCycle(2026))).toBeNull();
  });

  it('lists every month of the scope', () => {
    const months = scopeMonths(scopeForCycle(2026, 2027));
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2026-01');
    expect(months[11]).toBe('2026-12');
    expect(months[23]).toBe('2027-12');
  });
});

describe('percentages', () => {
  it('round half up to one decimal and never divide by zero', () => {
    expect(percentOf(40, 69)).toBe(58);
    expect(formatPct(percentOf(40, 69))).toBe('58.0%');
    expect(formatPct(percentOf(69, 69))).toBe('100.0%');
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 rounds up
    expect(percentOf(0, 0)).toBe(0);
    expect(formatPct(0)).toBe('0.0%');
    expect(formatPct(57.95)).toBe('58.0%');
  });
});
