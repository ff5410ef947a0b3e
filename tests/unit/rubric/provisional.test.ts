import { describe, expect, it } from 'vitest';
import { parseItemText, scoreTemplate } from '../../../utils/rubric';
import { entries, item, section, smallTemplate, template } from '../../fixtures/rubric';

describe('an entry the form refused (entered text)', () => {
  const t = () => template([section('s', [item('A', 10), item('B', 10)])]);

  it('is not scored, not counted, and keeps the total provisional', () => {
    // A refused "3.3" (step 1), B 8: only B counts → 8 / 10 = 80.0, but A is pending.
    const s = scoreTemplate(t(), { A: { value: null, na: false, entered: '3.3' }, B: { value: 8, na: false } });
    expect(s.scored).toBe(1);
    expect(s.unaccepted).toEqual(['A']);
    expect(s.missingRequired).toEqual(['A']);
    expect(s.earned).toBe(8);
    expect(s.complete).toBe(false);
    expect(s.grade).toBeNull();
  });

  it('is not scored even when a value sits beside it (a hand-made record)', () => {
    const s = scoreTemplate(t(), { A: { value: 3, na: false, entered: '3.3' }, B: { value: 8, na: false } });
    expect(s.earned).toBe(8);
    expect(s.unaccepted).toEqual(['A']);
  });

  it('parseItemText keeps refused text exactly and accepts values on the grid', () => {
    const a = t().sections[0].items[0];
    expect(parseItemText(a, '3.3')).toEqual({ value: null, entered: '3.3', message: '「评分项A」的得分须为 1 的整数倍' });
    expect(parseItemText(a, '11')).toEqual({ value: null, entered: '11', message: '「评分项A」的得分须在 0 至 10 之间' });
    expect(parseItemText(a, '三')).toEqual({ value: null, entered: '三', message: '「评分项A」的得分须为数字' });
    expect(parseItemText(a, '1e1').entered).toBe('1e1');
    expect(parseItemText(a, ' 7 ')).toEqual({ value: 7, message: null });
    expect(parseItemText(a, '7。0')).toEqual({ value: 7, message: null });
    expect(parseItemText(a, '')).toEqual({ value: null, message: null });
  });
});

describe('deduction items (扣分项) count only when set', () => {
  // P 40 score; D 10 deduction.
  const t = () => template([section('s', [item('P', 40), item('D', 10, { kind: 'deduction' })])]);

  it('an unset deduction is unscored and missing, not full marks', () => {
    const s = scoreTemplate(
      t(),
      entries([
        ['P', 40],
        ['D', null],
      ]),
    );
    expect(s.scored).toBe(1);
    expect(s.missingRequired).toEqual(['D']);
    expect(s.complete).toBe(false);
    expect(s.grade).toBeNull();
  });

  it('无扣分 (0 deducted) counts as scored with full marks', () => {
    const s = scoreTemplate(
      t(),
      entries([
        ['P', 40],
        ['D', 0],
      ]),
    );
    expect(s.scored).toBe(2);
    expect(s.complete).toBe(true);
    expect(s.total).toBe(100);
    expect(s.grade).toBe('优秀');
  });
});

describe('provisional totals (暂计)', () => {
  it('a new, untouched form has no total, no grade, nothing scored', () => {
    const s = scoreTemplate(smallTemplate(), {});
    expect(s.total).toBeNull();
    expect(s.grade).toBeNull();
    expect(s.scored).toBe(0);
    expect(s.complete).toBe(false);
  });

  it('a running figure while required items remain, with no grade', () => {
    // smallTemplate: A 20 scored 18; B, C, E (required) unscored → 18 / 20 = 90.0 running, no 优秀.
    const s = scoreTemplate(smallTemplate(), entries([['A', 18]]));
    expect(s.total).toBe(90);
    expect(s.complete).toBe(false);
    expect(s.grade).toBeNull();
    expect(s.missingRequired).toEqual(['B', 'C', 'E']);
  });

  it('graded once every required item is scored; an optional blank item is left out', () => {
    // A 18 + B 10 + C 27 + E (30 − 1.5) = 83.5 of 90 (D optional, blank) → 92.8 → 优秀.
    const s = scoreTemplate(
      smallTemplate(),
      entries([
        ['A', 18],
        ['B', 10],
        ['C', 27],
        ['E', 1.5],
      ]),
    );
    expect(s.complete).toBe(true);
    expect(s.total).toBe(92.8);
    expect(s.grade).toBe('优秀');
    expect(s.applicableMax).toBe(90);
    expect(s.max).toBe(90);
  });
});

describe('the applicable maximum (应评满分)', () => {
  it('excludes N/A items, and counts required items not yet scored', () => {
    // B (10) N/A; A, C, E required; D optional blank → 20 + 30 + 30 = 80, though only A is scored.
    const s = scoreTemplate(
      smallTemplate(),
      entries([
        ['A', 18],
        ['B', 'na'],
      ]),
    );
    expect(s.applicableMax).toBe(80);
    expect(s.max).toBe(20);
  });

  it('counts an optional item once it is scored', () => {
    const s = scoreTemplate(
      smallTemplate(),
      entries([
        ['A', 18],
        ['B', 'na'],
        ['C', 30],
        ['D', 6],
        ['E', 0],
      ]),
    );
    expect(s.applicableMax).toBe(90);
    expect(s.max).toBe(90);
  });

  it('all N/A: nothing applicable, no total, no grade, a maximum of 0', () => {
    const t = template([section('s', [item('A', 60, { allowNA: true }), item('B', 40, { allowNA: true })])]);
    const s = scoreTemplate(
      t,
      entries([
        ['A', 'na'],
        ['B', 'na'],
      ]),
    );
    expect(s.allNA).toBe(true);
    expect(s.applicableMax).toBe(0);
    expect(s.total).toBeNull();
    expect(s.grade).toBeNull();
  });
});
