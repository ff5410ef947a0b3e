import { describe, expect, it } from 'vitest';
import { parsePlanMonth, parsePlanYear } from '../../../utils/plan';

describe('parsePlanMonth: the ways people write a month', () => {
  it.each([
    ['3', 3, undefined],
    ['03', 3, undefined],
    [' 3 ', 3, undefined],
    ['３', 3, undefined], // full-width digit
    ['3月', 3, undefined],
    ['12月份', 12, undefined],
    ['十一月', 11, undefined],
    ['三月', 3, undefined],
    ['2026-03', 3, 2026],
    ['2026-3', 3, 2026],
    ['2026/3', 3, 2026],
    ['2026.10', 10, 2026],
    ['2026年3月', 3, 2026],
    ['2026 年 3 月', 3, 2026],
    ['2027年12月份', 12, 2027],
    ['2026-03-01', 3, 2026], // Excel turns a typed 2026-03 into a date
    ['2026/3/15', 3, 2026],
    ['2026年3月1日', 3, 2026],
    ['2026-03-01 09:30', 3, 2026],
  ])('%s → month %i, year %s', (cell, month, year) => {
    expect(parsePlanMonth(cell)).toEqual({ ok: true, value: year === undefined ? { month } : { month, year } });
  });

  it('refuses what is not a month, saying what it got and what would do', () => {
    expect(parsePlanMonth('')).toEqual({ ok: false, message: '月份为空' });
    expect(parsePlanMonth('13')).toEqual({ ok: false, message: '月份「13」须在 1 到 12 之间' });
    expect(parsePlanMonth('0')).toEqual({ ok: false, message: '月份「0」须在 1 到 12 之间' });
    expect(parsePlanMonth('2026-13')).toEqual({ ok: false, message: '月份「2026-13」须在 1 到 12 之间' });
    expect(parsePlanMonth('1999-03')).toEqual({ ok: false, message: '年度「1999-03」须在 2000 到 2100 之间' });
    for (const bad of ['下半年', '3.5', '2026', '202603', '第一季度', '3-4月']) {
      const r = parsePlanMonth(bad);
      expect(r.ok, bad).toBe(false);
      expect(!r.ok && r.message, bad).toContain(`月份「${bad}」无法识别`);
    }
  });
});

describe('parsePlanYear', () => {
  it('reads 2026, 2026年, 2026年度, and refuses the rest', () => {
    for (const cell of ['2026', '2026年', '2026年度', ' 2026 ']) expect(parsePlanYear(cell), cell).toEqual({ ok: true, value: 2026 });
    expect(parsePlanYear('明年')).toEqual({ ok: false, message: '年度「明年」无法识别（应为四位数的年份，如 2026）' });
    expect(parsePlanYear('1999')).toEqual({ ok: false, message: '年度「1999」须在 2000 到 2100 之间' });
    expect(parsePlanYear('26').ok).toBe(false);
  });
});
