// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { StatusBar } from '../../../components/observe/StatusBar';
import type { ObserveStore } from '../../../components/observe/observe-store';
import { createRecord } from '../../../utils/record';
import { scoreTemplate } from '../../../utils/rubric';
import { entries, item, section, smallTemplate, template } from '../../fixtures/rubric';

afterEach(cleanup);

/** The footer over a record whose scores are `scores` (only what StatusBar reads of the store). */
function footer(t = smallTemplate(), scores: ReturnType<typeof entries> = {}) {
  const r = createRecord({ template: t });
  Object.assign(r.scores, scores);
  const store = { current: signal(r), summary: signal(scoreTemplate(t, r.scores)), saveState: signal({ kind: 'idle' }) } as unknown as ObserveStore;
  render(<StatusBar store={store} />);
  return {
    total: screen.getByTestId('total').parentElement!.textContent,
    grade: screen.getByTestId('grade').textContent,
    progress: screen.getByTestId('progress').textContent,
  };
}

describe('the footer (总分 / 等次)', () => {
  it('a new observation: no total, no grade, nothing scored', () => {
    expect(footer()).toEqual({ total: '总分 —', grade: '—', progress: '已评 0/5 项 · 应评满分 90' });
  });

  it('required items left: the running figure is 暂计 and there is no grade', () => {
    const f = footer(smallTemplate(), entries([['A', 19]]));
    expect(f.total).toBe('暂计 95.0');
    expect(f.grade).toBe('—');
    expect(f.progress).toBe('已评 1/5 项 · 应评满分 90（未评完，不评定等次）');
  });

  it('every required item scored: 总分 and the grade, measured against the stated 应评满分', () => {
    const f = footer(
      smallTemplate(),
      entries([
        ['A', 20],
        ['B', 'na'],
        ['C', 30],
        ['E', 0],
      ]),
    );
    expect(f).toEqual({ total: '总分 100.0', grade: '优秀', progress: '已评 4/5 项 · 应评满分 80' });
  });

  it('all N/A: says plainly that nothing is applicable', () => {
    const t = template([section('s', [item('A', 60, { allowNA: true }), item('B', 40, { allowNA: true })])]);
    const f = footer(
      t,
      entries([
        ['A', 'na'],
        ['B', 'na'],
      ]),
    );
    expect(f.progress).toBe('全部评分项均不适用，没有可评分的项目');
    expect(f.grade).toBe('—');
  });
});
