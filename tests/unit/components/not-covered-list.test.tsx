// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { NotCoveredList } from '../../../components/coverage/NotCoveredList';
import { computeCoverage, scopeForYear } from '../../../utils/coverage';
import type { Plan } from '../../../utils/plan';
import { roster, unitById } from '../coverage/coverage-fixtures';

afterEach(cleanup);
const units = roster();
const plan: Plan = {
  format: 'xunting.plan/1',
  year: 2026,
  entries: [
    { unitId: 'u001', month: 11, group: '' },
    { unitId: 'u002', month: 12, group: '' },
  ],
};

describe('未覆盖单位 on 3 December', () => {
  it('a unit planned for November is 计划未完成 (in red); one planned for December is 待巡听, not a fault', () => {
    const c = computeCoverage({ units, plans: [plan], records: [], asOf: '2026-12-03' }, scopeForYear(2026));
    render(<NotCoveredList coverage={c} />);
    const late = screen.getByText('计划未完成：11月');
    const pending = screen.getByText('待巡听：12月');
    expect(late.closest('li')!.textContent).toContain(unitById(units, 'u001').name);
    expect(pending.closest('li')!.textContent).toContain(unitById(units, 'u002').name);
    expect(late.className).toBe('cov-unmet');
    expect(pending.className).not.toBe('cov-unmet');
  });
});
