import { describe, expect, it } from 'vitest';
import { checkPlanAgainstRoster, validatePlan, type Plan } from '../../../utils/plan';
import { demoPlan, demoUnits } from '../io/fixtures';

const units = demoUnits();
const plan = (entries: unknown[], extra: Record<string, unknown> = {}) => ({ format: 'xunting.plan/1', year: 2026, entries, ...extra });
function problems(input: unknown) {
  const r = validatePlan(input);
  if (r.ok) throw new Error('expected the plan to be refused');
  return r.problems;
}

describe('the demo plans (public/defaults): 两年一轮全覆盖 of the 69 units', () => {
  it('2026 plans 40 units and 2027 the other 29, all in the roster, together every unit once', () => {
    const plans = ([2026, 2027] as const).map((year) => {
      const r = validatePlan(demoPlan(year));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.value.year).toBe(year);
      expect(checkPlanAgainstRoster(r.value, units)).toEqual([]);
      return r.value;
    });
    expect(plans.map((p) => p.entries.length)).toEqual([40, 29]);
    const planned = plans.flatMap((p) => p.entries.map((e) => e.unitId));
    expect(new Set(planned).size).toBe(69);
    expect(new Set(planned)).toEqual(new Set(units.map((u) => u.id)));
  });
});

describe('validatePlan', () => {
  it('accepts a plan and fills in a missing or null group as ""', () => {
    const r = validatePlan(
      plan([
        { unitId: 'u001', month: 3 },
        { unitId: 'u002', month: 12, group: null },
        { unitId: 'u003', month: 1, group: ' 第一巡听组 ' },
      ]),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        format: 'xunting.plan/1',
        year: 2026,
        entries: [
          { unitId: 'u001', month: 3, group: '' },
          { unitId: 'u002', month: 12, group: '' },
          { unitId: 'u003', month: 1, group: '第一巡听组' },
        ],
      },
    });
  });

  it('reports every problem at once, each at its JSON path', () => {
    const ps = problems({
      format: 'xunting.plan/1',
      year: 2026.5,
      entries: [
        { unitId: '', month: 3 },
        { unitId: 'u002', month: 13 },
        { unitId: 'u003', month: '3' },
        { unitId: 'u004', month: 2.5, group: 7 },
      ],
    });
    expect(ps).toEqual([
      { path: '$.year', message: '年度须为 2000 到 2100 之间的整数' },
      { path: '$.entries[0].unitId', message: '单位编号不能为空' },
      { path: '$.entries[1].month', message: '月份须为 1 到 12 之间的整数' },
      { path: '$.entries[2].month', message: '月份须为 1 到 12 之间的整数' },
      { path: '$.entries[3].month', message: '月份须为 1 到 12 之间的整数' },
      { path: '$.entries[3].group', message: '巡听组须为文字' },
    ]);
  });

  it('refuses years outside 2000–2100 and a year written as text', () => {
    for (const year of [1999, 2101, '2026', null])
      expect(
        problems(plan([], { year })).map((p) => p.path),
        String(year),
      ).toEqual(['$.year']);
    expect(validatePlan(plan([], { year: 2000 })).ok).toBe(true);
    expect(validatePlan(plan([], { year: 2100 })).ok).toBe(true);
  });

  it('a unit planned twice in one year, naming the earlier entry', () => {
    expect(
      problems(
        plan([
          { unitId: 'u001', month: 3 },
          { unitId: 'u002', month: 3 },
          { unitId: 'u001', month: 9 },
        ]),
      ),
    ).toEqual([{ path: '$.entries[2].unitId', message: '单位编号 "u001" 在 2026 年的计划中重复（与第 1 条相同）；每个单位每年只计划一次' }]);
  });

  it('a wrong or newer format, or another Xunting file given as a plan', () => {
    expect(problems(plan([], { format: 'xunting.plan/2' }))).toEqual([
      { path: '$.format', message: '计划格式 "xunting.plan/2" 比本程序支持的 "xunting.plan/1" 新，请升级巡听旁听' },
    ]);
    expect(problems({ format: 'xunting.roster/1', units: [] })[0].message).toContain('不是巡听计划');
    expect(problems(plan([], { format: 'plan' }))).toEqual([{ path: '$.format', message: '计划格式标识须为 "xunting.plan/1"' }]);
    expect(problems([]).length).toBeGreaterThan(0);
  });
});

describe('checkPlanAgainstRoster', () => {
  it('lists entries whose unit id is not in the roster', () => {
    const p: Plan = {
      format: 'xunting.plan/1',
      year: 2027,
      entries: [
        { unitId: 'u001', month: 3, group: '' },
        { unitId: 'u999', month: 4, group: '' },
      ],
    };
    expect(checkPlanAgainstRoster(p, units)).toEqual([{ path: '$.entries[1].unitId', message: '单位编号 "u999" 不在单位名单中（2027 年计划第 2 条）' }]);
    expect(checkPlanAgainstRoster(p, [])).toHaveLength(2);
  });
});
