import { describe, expect, it } from 'vitest';
import { mergePlan, seedPlan, type Plan } from '../../../utils/plan';

const unit = (id: string) => ({ id, name: `单位${id}`, category: '政府' as const, active: true });

describe('next year’s plan from the uncovered units', () => {
  it('spreads them over March to November, the groups in turn', () => {
    const p = seedPlan(2027, ['a', 'b', 'c', 'd'].map(unit));
    expect(p).toEqual({
      format: 'xunting.plan/1',
      year: 2027,
      entries: [
        { unitId: 'a', month: 3, group: '第一巡听组' },
        { unitId: 'b', month: 5, group: '第二巡听组' },
        { unitId: 'c', month: 7, group: '第三巡听组' },
        { unitId: 'd', month: 9, group: '第一巡听组' },
      ],
    });
  });

  it('合并 keeps every unit the existing plan schedules as it is, and adds only the others', () => {
    const existing: Plan = {
      format: 'xunting.plan/1',
      year: 2027,
      entries: [
        { unitId: 'b', month: 11, group: '第九组' },
        { unitId: 'x', month: 1, group: '' },
      ],
    };
    const merged = mergePlan(existing, seedPlan(2027, ['a', 'b', 'c'].map(unit)));
    expect(merged.entries).toEqual([
      { unitId: 'b', month: 11, group: '第九组' },
      { unitId: 'x', month: 1, group: '' },
      { unitId: 'a', month: 3, group: '第一巡听组' },
      { unitId: 'c', month: 9, group: '第三巡听组' },
    ]);
  });
});
