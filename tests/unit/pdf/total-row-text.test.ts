import { describe, expect, it } from 'vitest';
import { totalRowText } from '../../../utils/pdf/total-row-text';
import { scoreTemplate } from '../../../utils/rubric';
import { entries, item, section, smallTemplate, template } from '../../fixtures/rubric';

describe('the report total row (合计 / 等次)', () => {
  it('a new form: no figure, no grade', () => {
    const t = totalRowText(scoreTemplate(smallTemplate(), {}));
    expect(t).toEqual({ max: '90', score: '—', note: '尚未评分（应评满分 90 分）', grade: '未评定' });
  });

  it('an incomplete form: the figure is 暂计 and there is no grade', () => {
    // A 18 of 20 only: 90.0 running; B, C, E pending.
    const t = totalRowText(scoreTemplate(smallTemplate(), entries([['A', 18]])));
    expect(t.score).toBe('暂计 90.0');
    expect(t.note).toContain('尚有 3 项待评');
    expect(t.grade).toBe('未评定（评分未完成）');
    expect(t.grade).not.toContain('优秀');
  });

  it('one item N/A: the 满分 column and the note name the same 应评满分', () => {
    // B (10) N/A, D optional scored 10: A 20 + C 30 + D 10 + E 30 = 90 applicable.
    const t = totalRowText(
      scoreTemplate(
        smallTemplate(),
        entries([
          ['A', 20],
          ['B', 'na'],
          ['C', 30],
          ['D', 10],
          ['E', 0],
        ]),
      ),
    );
    expect(t).toEqual({ max: '90', score: '100.0', note: '实得 90 分 / 应评满分 90 分，折合百分制 100.0 分', grade: '优秀' });
  });

  it('all N/A: says plainly that nothing is applicable', () => {
    const tt = template([section('s', [item('A', 60, { allowNA: true }), item('B', 40, { allowNA: true })])]);
    const t = totalRowText(
      scoreTemplate(
        tt,
        entries([
          ['A', 'na'],
          ['B', 'na'],
        ]),
      ),
    );
    expect(t.max).toBe('0');
    expect(t.note).toBe('全部评分项均不适用，没有可评分的项目，不计总分');
    expect(t.grade).toBe('不评定（全部不适用）');
  });
});
