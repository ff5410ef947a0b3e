import { describe, expect, it } from 'vitest';
import { checkItemValue, gradeFor, roundTotal, scoreTemplate } from '../../../utils/rubric';
import { validateTemplate } from '../../../utils/rubric';
import { readDefaultTemplateJson } from '../../fixtures/defaults';
import { entries, item, section, smallTemplate, template } from '../../fixtures/rubric';

/** One item worth the whole 100 points on a 0.05 grid: the total is the value itself. */
const hundred = () => template([section('all', [item('X', 100, { step: 0.05 })])]);
const totalFor = (value: number) => scoreTemplate(hundred(), entries([['X', value]]));

describe('N/A (不适用)', () => {
  // A 20, B 30, C 50 (C may be N/A).
  const t = () => template([section('s', [item('A', 20), item('B', 30), item('C', 50, { allowNA: true })])]);

  it('excludes an N/A item from earned and max and scales the total to 100', () => {
    // A 15 + B 24 = 39 earned of 20 + 30 = 50 assessed → 39 / 50 = 78.0 → 一般.
    const s = scoreTemplate(
      t(),
      entries([
        ['A', 15],
        ['B', 24],
        ['C', 'na'],
      ]),
    );
    expect(s.earned).toBe(39);
    expect(s.max).toBe(50);
    expect(s.total).toBe(78);
    expect(s.grade).toBe('一般');
    expect(s.na).toBe(1);
    expect(s.scored).toBe(2);
    expect(s.missingRequired).toEqual([]);
  });

  it('scores the same session higher than counting the N/A item as zero would', () => {
    // Counting C as 0 of 50 would give 39 / 100 = 39 → 较差; N/A must not pull the total down.
    const na = scoreTemplate(
      t(),
      entries([
        ['A', 15],
        ['B', 24],
        ['C', 'na'],
      ]),
    );
    const zero = scoreTemplate(
      t(),
      entries([
        ['A', 15],
        ['B', 24],
        ['C', 0],
      ]),
    );
    expect(zero.total).toBe(39);
    expect(zero.grade).toBe('较差');
    expect(na.total).toBe(78);
  });

  it('ignores N/A on an item that does not allow it (its value still counts)', () => {
    // A (no N/A allowed) marked N/A but valued 10: still assessed. A 10 + B 30 + C 50 = 90 / 100.
    const tt = t();
    const s = scoreTemplate(tt, { A: { value: 10, na: true }, B: { value: 30, na: false }, C: { value: 50, na: false } });
    expect(s.total).toBe(90);
    expect(s.max).toBe(100);
    expect(s.na).toBe(0);
  });

  it('treats N/A without a value on a non-N/A item as unscored (and still required)', () => {
    // A not assessed: B 30 + C 50 of 80 → 100.0, but A is listed as missing.
    const s = scoreTemplate(t(), { A: { value: null, na: true }, B: { value: 30, na: false }, C: { value: 50, na: false } });
    expect(s.max).toBe(80);
    expect(s.total).toBe(100);
    expect(s.na).toBe(0);
    expect(s.unscored).toBe(1);
    expect(s.missingRequired).toEqual(['A']);
  });
});

describe('deduction items (扣分项)', () => {
  // P score 40; D deduction 10 (value = points deducted).
  const t = () => template([section('s', [item('P', 40), item('D', 10, { kind: 'deduction' })])]);

  it('earns max minus the deduction', () => {
    // P 30 + D (10 − 3 = 7) = 37 of 50 → 74.0.
    const s = scoreTemplate(
      t(),
      entries([
        ['P', 30],
        ['D', 3],
      ]),
    );
    expect(s.earned).toBe(37);
    expect(s.max).toBe(50);
    expect(s.total).toBe(74);
  });

  it('earns full marks with nothing deducted and zero with everything deducted', () => {
    expect(
      scoreTemplate(
        t(),
        entries([
          ['P', 40],
          ['D', 0],
        ]),
      ).total,
    ).toBe(100);
    // 40 + 0 = 40 of 50 → 80.0 → 良好.
    const all = scoreTemplate(
      t(),
      entries([
        ['P', 40],
        ['D', 10],
      ]),
    );
    expect(all.total).toBe(80);
    expect(all.grade).toBe('良好');
  });

  it('refuses a deduction larger than the item maximum, saying 扣分', () => {
    const d = t().sections[0].items[1];
    const msg = checkItemValue(d, 11);
    expect(msg).toContain('扣分');
    expect(msg).toContain(d.title);
    // Ignored when scoring: D counts as unscored, P alone 40 / 40.
    const s = scoreTemplate(
      t(),
      entries([
        ['P', 40],
        ['D', 11],
      ]),
    );
    expect(s.total).toBe(100);
    expect(s.missingRequired).toEqual(['D']);
  });
});

describe('grade bands at the boundaries', () => {
  // Bands: 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, 较差 ≥ 0 (first band whose min ≤ rounded total).
  it.each([
    [100, 100, '优秀'],
    [90, 90, '优秀'],
    [89.95, 90, '优秀'], // rounds half-up to 90.0
    [89.9, 89.9, '良好'],
    [89.5, 89.5, '良好'],
    [80, 80, '良好'],
    [79.95, 80, '良好'], // rounds half-up to 80.0
    [79.9, 79.9, '一般'],
    [60, 60, '一般'],
    [59.9, 59.9, '较差'],
    [0, 0, '较差'],
  ])('value %d of 100 → total %d → %s', (value, total, grade) => {
    const s = totalFor(value);
    expect(s.total).toBe(total);
    expect(s.grade).toBe(grade);
  });

  it('reaches 89.95 by scaling (17.99 of 20) and rounds it up to 90.0 → 优秀', () => {
    // 9.99 + 8 = 17.99 earned of 20 → 17.99 / 20 = 0.8995 → 89.95 → 90.0.
    const t = template([section('s', [item('A', 10, { step: 0.01 }), item('B', 10, { step: 0.01 })])]);
    const s = scoreTemplate(
      t,
      entries([
        ['A', 9.99],
        ['B', 8],
      ]),
    );
    expect(s.earned).toBe(17.99);
    expect(s.total).toBe(90);
    expect(s.grade).toBe('优秀');
  });

  it('shows a repeating fraction rounded to one decimal (2 of 3 → 66.7)', () => {
    const t = template([section('s', [item('A', 3)])]);
    expect(scoreTemplate(t, entries([['A', 2]])).total).toBe(66.7);
    expect(scoreTemplate(t, entries([['A', 1]])).total).toBe(33.3);
  });

  it('roundTotal rounds half up to one decimal despite binary noise', () => {
    expect(roundTotal(89.95)).toBe(90);
    expect(roundTotal(89.94)).toBe(89.9);
    expect(roundTotal(89.949)).toBe(89.9);
    expect(roundTotal(0.05)).toBe(0.1);
    expect(roundTotal(0.15)).toBe(0.2); // 0.15 is 0.1499999… in binary
    expect(roundTotal(1.45)).toBe(1.5);
    expect(roundTotal(100)).toBe(100);
    expect(roundTotal(0)).toBe(0);
  });

  it('gradeFor follows the template bands in order', () => {
    const t = hundred();
    expect(gradeFor(t, 90)).toBe('优秀');
    expect(gradeFor(t, 89.9)).toBe('良好');
    expect(gradeFor(t, 0)).toBe('较差');
  });
});

describe('the step grid and range', () => {
  const half = () => item('H', 5, { step: 0.5, title: '第一议题学习' });
  const tenth = () => item('T', 1, { step: 0.1, title: '学习记录' });

  it('accepts values on the grid, including float steps like 0.1', () => {
    for (const v of [0, 0.5, 2.5, 5]) expect(checkItemValue(half(), v)).toBeNull();
    for (const v of [0, 0.1, 0.2, 0.3, 0.7, 0.9, 1]) expect(checkItemValue(tenth(), v)).toBeNull();
    expect(checkItemValue(tenth(), 0.1 + 0.2)).toBeNull(); // 0.30000000000000004
  });

  it('rejects values off the grid with a Chinese message naming the item', () => {
    const msg = checkItemValue(half(), 1.2);
    expect(msg).toBe('「第一议题学习」的得分须为 0.5 的整数倍');
    expect(checkItemValue(tenth(), 0.25)).toBe('「学习记录」的得分须为 0.1 的整数倍');
  });

  it('rejects values out of range and non-numbers, naming the item', () => {
    expect(checkItemValue(half(), 5.5)).toBe('「第一议题学习」的得分须在 0 至 5 之间');
    expect(checkItemValue(half(), -0.5)).toBe('「第一议题学习」的得分须在 0 至 5 之间');
    expect(checkItemValue(half(), Number.NaN)).toBe('「第一议题学习」的得分须为数字');
    expect(checkItemValue(half(), Number.POSITIVE_INFINITY)).toBe('「第一议题学习」的得分须为数字');
  });

  it('scoreTemplate ignores invalid values (as if unscored)', () => {
    // H 1.2 (off grid) and out-of-range G 12 are ignored; only K 4 of 5 is assessed → 80.0.
    const t = template([section('s', [half(), item('G', 10), item('K', 5)])]);
    const s = scoreTemplate(
      t,
      entries([
        ['H', 1.2],
        ['G', 12],
        ['K', 4],
      ]),
    );
    expect(s.earned).toBe(4);
    expect(s.max).toBe(5);
    expect(s.total).toBe(80);
    expect(s.scored).toBe(1);
    expect(s.missingRequired).toEqual(['H', 'G']);
  });

  it('sums tenths exactly (0.1 + 0.2 shows as 0.3, 0.1 + 0.2 + 0.7 as 1)', () => {
    const t = template([section('a', [item('a1', 1, { step: 0.1 }), item('a2', 1, { step: 0.1 })]), section('b', [item('b1', 1, { step: 0.1 })])]);
    const s = scoreTemplate(
      t,
      entries([
        ['a1', 0.1],
        ['a2', 0.2],
        ['b1', 0.7],
      ]),
    );
    expect(s.sections[0].earned).toBe(0.3);
    expect(s.earned).toBe(1);
    expect(s.max).toBe(3);
    // 1 of 3 → 33.3.
    expect(s.total).toBe(33.3);
  });
});

describe('sections, unscored and empty', () => {
  it('gives section subtotals: earned, assessed max and printed max', () => {
    // prep: A 18 of 20, B N/A → 18 / 20 (printed 30). talk: C 25 of 30, D unscored (optional) → 25 / 30 (printed 40).
    // disc: E deduction 30, 2.5 deducted → 27.5 / 30. Total 70.5 of 80 → 88.125 → 88.1 → 良好.
    const s = scoreTemplate(
      smallTemplate(),
      entries([
        ['A', 18],
        ['B', 'na'],
        ['C', 25],
        ['D', null],
        ['E', 2.5],
      ]),
    );
    expect(s.sections.map((x) => [x.id, x.earned, x.max, x.fullMax, x.scored, x.na, x.empty])).toEqual([
      ['prep', 18, 20, 30, 1, 1, false],
      ['talk', 25, 30, 40, 1, 0, false],
      ['disc', 27.5, 30, 30, 1, 0, false],
    ]);
    expect(s.earned).toBe(70.5);
    expect(s.max).toBe(80);
    expect(s.total).toBe(88.1);
    expect(s.grade).toBe('良好');
    expect(s.itemCount).toBe(5);
    expect(s.unscored).toBe(1);
    expect(s.missingRequired).toEqual([]); // D is optional
  });

  it('lists unscored required items in template order', () => {
    const s = scoreTemplate(smallTemplate(), entries([['C', 30]]));
    expect(s.missingRequired).toEqual(['A', 'B', 'E']);
    expect(s.unscored).toBe(4);
    // C alone 30 / 30.
    expect(s.total).toBe(100);
  });

  it('marks a section whose items are all N/A as empty and leaves it out of the total', () => {
    const t = template([section('one', [item('A', 40), item('B', 10)]), section('two', [item('C', 25, { allowNA: true }), item('D', 25, { allowNA: true })])]);
    // A 30 + B 6 = 36 of 50 → 72.0; section two is excluded altogether.
    const s = scoreTemplate(
      t,
      entries([
        ['A', 30],
        ['B', 6],
        ['C', 'na'],
        ['D', 'na'],
      ]),
    );
    expect(s.sections[1]).toMatchObject({ earned: 0, max: 0, fullMax: 50, na: 2, scored: 0, empty: true });
    expect(s.sections[0].empty).toBe(false);
    expect(s.total).toBe(72);
    expect(s.grade).toBe('一般');
  });

  it('gives no total and no grade when every item is N/A', () => {
    const t = template([section('s', [item('A', 50, { allowNA: true }), item('B', 50, { allowNA: true })])]);
    const s = scoreTemplate(
      t,
      entries([
        ['A', 'na'],
        ['B', 'na'],
      ]),
    );
    expect(s.total).toBeNull();
    expect(s.grade).toBeNull();
    expect(s.na).toBe(2);
    expect(s.missingRequired).toEqual([]);
    expect(s.sections[0].empty).toBe(true);
  });

  it('gives no total for a blank form, and lists every required item', () => {
    const s = scoreTemplate(smallTemplate(), {});
    expect(s.total).toBeNull();
    expect(s.grade).toBeNull();
    expect(s.missingRequired).toEqual(['A', 'B', 'C', 'E']);
    expect(s.sections.every((x) => x.empty)).toBe(true);
  });
});

describe('the built-in template', () => {
  it('scores a realistic session: full marks but one N/A item and a 2-point deduction', () => {
    const v = validateTemplate(readDefaultTemplateJson());
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const t = v.value;
    const all = t.sections.flatMap((s) => s.items);
    // s2-2 (内蒙古 instructions, 4 points) may be N/A; s5-1 is a 4-point deduction item.
    const na = all.find((i) => i.id === 's2-2')!;
    const ded = all.find((i) => i.id === 's5-1')!;
    expect([na.max, na.allowNA, ded.max, ded.kind]).toEqual([4, true, 4, 'deduction']);
    const e: Record<string, { value: number | null; na: boolean }> = {};
    for (const i of all) e[i.id] = { value: i.kind === 'deduction' ? 0 : i.max, na: false };
    e[na.id] = { value: null, na: true };
    e[ded.id] = { value: 2, na: false };
    // Maxima sum to 100; without s2-2 the maximum is 96, earned 96 − 2 = 94 → 94 / 96 = 97.916… → 97.9.
    const s = scoreTemplate(t, e);
    expect(s.max).toBe(96);
    expect(s.earned).toBe(94);
    expect(s.total).toBe(97.9);
    expect(s.grade).toBe('优秀');
    expect(s.missingRequired).toEqual([]);
  });
});
