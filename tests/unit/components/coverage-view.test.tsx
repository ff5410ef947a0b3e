// @vitest-environment happy-dom
/**
 * The supervisor's coverage view, over a real Coverage: the shipped roster of 69 units (plus
 * one whose name is markup), the 2026 and 2027 plans, and demo records for most of the 2026
 * plan, two units observed outside the plan, one unit not in the roster and one session with
 * nothing assessed. Every expected text is derived from the coverage object.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, screen, fireEvent, cleanup, within, waitFor } from '@testing-library/preact';
import { CoverageView, type CoverageViewProps } from '../../../components/coverage/CoverageView';
import { computeCoverage, scopeForCycle, scopeForYear, unitStatus, type Coverage, type CoverageScope, type UnitCoverage } from '../../../utils/coverage';
import { buildUnitIndex, type Unit } from '../../../utils/roster';
import { allNotApplicable, collected, plan, roster, unitById, withTotal } from '../coverage/coverage-fixtures';

afterEach(cleanup);

const pad2 = (n: number) => String(n).padStart(2, '0');
const HOSTILE: Unit = { id: 'u900', name: '<img src=x onerror="alert(1)">测试单位<script>alert(2)</script>', category: '其他', active: true };
const units = [...roster(), HOSTILE];
const plan2026 = plan(2026);
const plan2027 = plan(2027);

/** 30 of the 40 planned units in their month (every eighth twice), two 2027 units early, the markup unit, a stranger. */
function records() {
  const planned = plan2026.entries.slice(0, 30).map((e, i) => {
    const c = collected(unitById(units, e.unitId), `2026-${pad2(e.month)}-${pad2(3 + (i % 20))}`);
    return i === 4 ? withTotal(c, 95.5) : i === 5 ? allNotApplicable(c) : c;
  });
  const repeats = plan2026.entries
    .slice(0, 30)
    .filter((_, i) => i % 8 === 0)
    .map((e) => collected(unitById(units, e.unitId), `2026-${pad2(Math.min(e.month + 1, 12))}-28`));
  const early = plan2027.entries.slice(0, 2).map((e) => collected(unitById(units, e.unitId), '2026-06-15'));
  return [...planned, ...repeats, ...early, collected(HOSTILE, '2026-07-09'), collected({ id: 'x01', name: '不在名单中的单位' }, '2026-08-01', 'stranger.pdf')];
}

const plans = [plan2026, plan2027];
const coverageOf = (scope: CoverageScope): Coverage => computeCoverage({ units, plans, records: records() }, scope);
const year = coverageOf(scopeForYear(2026));

function show(coverage: Coverage, more: Partial<CoverageViewProps> = {}) {
  const props: CoverageViewProps = { coverage, scopeText: scopeTextOf(coverage.scope), onScopeText: vi.fn(), onExport: vi.fn(), currentYear: 2026, ...more };
  render(<CoverageView {...props} />);
  return props;
}
const scopeTextOf = (s: CoverageScope) => (s.fromYear === s.toYear ? String(s.fromYear) : `${s.fromYear}-${s.toYear}`);

const unitTable = () => screen.getByRole('table', { name: '单位明细' });
/** The unit names of the table's body rows, top to bottom. */
const shownNames = () => [...unitTable().querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')!.textContent);
const countText = (shown: number, of: number) => `显示 ${shown} / ${of}`;
/** A share as the screen prints it, worked out here from the counts (one decimal, half up): 40 of 69 → "58.0%". */
const share = (part: number, whole: number) => `${whole ? (Math.round((part * 1000) / whole + 1e-9) / 10).toFixed(1) : '0.0'}%`;
const names = (us: readonly UnitCoverage[]) => us.map((u) => u.unit.name);

describe('the scenario is what the tests need', () => {
  it('has covered, unplanned, unmet and unrated units and a data problem', () => {
    const statuses = new Set(year.units.map(unitStatus));
    expect(statuses).toEqual(new Set(['已覆盖', '计划外覆盖', '计划未完成', '未覆盖']));
    expect(year.units.some((u) => u.covered && u.latestTotal === null)).toBe(true);
    expect(year.problems.length).toBeGreaterThan(0);
    expect(year.top.length).toBeGreaterThan(0);
  });
});

describe('一览', () => {
  it('reads each figure as one phrase, from the totals', () => {
    show(year);
    const t = year.totals;
    for (const text of [
      `在册单位 ${t.units} 个`,
      `已覆盖 ${t.covered} 个，${share(t.covered, t.units)}`,
      `计划单位 ${t.planned} 个`,
      `计划完成 ${t.plannedCovered} 个，${share(t.plannedCovered, t.planned)}`,
      `计划外覆盖 ${t.coveredUnplanned} 个`,
      `巡听场次 ${t.sessions} 场`,
    ])
      expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByRole('heading', { name: `覆盖情况 · ${year.label}` })).toBeTruthy();
  });
});

describe('月度进度', () => {
  it("the chart's aria-label states every month's figures", () => {
    show(year);
    const chart = screen.getByRole('img', { name: /月度进度/ });
    const label = chart.getAttribute('aria-label')!;
    for (const m of year.monthly) {
      expect(label).toContain(
        `${Number(m.month.slice(5))}月：计划 ${m.planned}，新覆盖 ${m.newlyCovered}，累计计划 ${m.cumulativePlanned}，累计覆盖 ${m.cumulativeCovered}`,
      );
    }
    expect(chart.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(chart.querySelectorAll('text')).not.toHaveLength(0);
  });

  it('the hidden table holds the same numbers, month by month', () => {
    show(year);
    const rows = [...screen.getByRole('table', { name: /月度进度数据表/ }).querySelectorAll('tbody tr')];
    expect(rows.map((tr) => [...tr.children].map((td) => td.textContent))).toEqual(
      year.monthly.map((m) => [
        `${m.month.slice(0, 4)}年${Number(m.month.slice(5))}月`,
        ...[m.planned, m.newlyCovered, m.sessions, m.cumulativePlanned, m.cumulativeCovered].map(String),
      ]),
    );
  });

  it('a cycle draws one chart per year on the same scale', () => {
    const cycle = coverageOf(scopeForCycle(2026));
    show(cycle);
    const charts = screen.getAllByRole('img', { name: /月度进度/ });
    expect(charts.map((c) => c.getAttribute('aria-label')!.slice(0, 5))).toEqual(['2026年', '2027年']);
    expect(screen.getByRole('table', { name: /月度进度数据表/ }).querySelectorAll('tbody tr')).toHaveLength(cycle.monthly.length);
  });
});

describe('等次分布 and 各部分得分率', () => {
  it('the grade chart names every grade with its count, and its table holds count and share', () => {
    show(year);
    const label = screen.getByRole('img', { name: /等次分布/ }).getAttribute('aria-label')!;
    const total = year.grades.reduce((s, g) => s + g.count, 0);
    expect(total).toBe(year.totals.sessions);
    expect(label).toBe(`等次分布（共 ${total} 场）：${year.grades.map((g) => `${g.grade} ${g.count} 场`).join('，')}`);
    const rows = [...screen.getByRole('table', { name: '等次分布数据表' }).querySelectorAll('tbody tr')];
    expect(rows.map((tr) => [...tr.children].map((td) => td.textContent))).toEqual(year.grades.map((g) => [g.grade, String(g.count), share(g.count, total)]));
  });

  it('section averages are listed weakest first with their percentages', () => {
    show(year);
    const table = screen.getByRole('columnheader', { name: '评分部分' }).closest('table')!;
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelectorAll('td')[0].textContent]);
    expect(rows).toEqual(year.sections.map((s) => [s.title, `${s.averagePct.toFixed(1)}%`]));
  });
});

describe('单位明细', () => {
  it('lists every unit in roster order with plan, dates, score, grade and status', () => {
    show(year);
    expect(shownNames()).toEqual(names(year.units));
    expect(screen.getByText(countText(year.units.length, year.units.length))).toBeTruthy();
    const planned = year.units.find((u) => u.planned.length && u.covered)!;
    const row = [...unitTable().querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === planned.unit.name)!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[1]).toBe(planned.planned.map((p) => `${p.month}月 ${p.group}`).join('、'));
    expect(cells[1]).toMatch(/^\d+月 第.巡听组/);
    expect(cells[2]).toBe(planned.sessions.map((s) => s.date).join('、'));
    expect(cells[4]).toBe(planned.latestTotal === null ? '' : planned.latestTotal.toFixed(1));
    expect(cells[5]).toBe(planned.latestGrade ?? '');
    expect(cells[6]).toBe('已覆盖');
  });

  it('sorting by 得分 orders the rows by score (empty scores last), then reverses', () => {
    show(year);
    const header = () => within(unitTable()).getByRole('columnheader', { name: /^得分/ });
    const scored = year.units.filter((u) => u.latestTotal !== null);
    const unscored = year.units.filter((u) => u.latestTotal === null);
    fireEvent.click(within(header()).getByRole('button'));
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    expect(shownNames()).toEqual(names([...scored].sort((a, b) => a.latestTotal! - b.latestTotal!)).concat(names(unscored)));
    fireEvent.click(within(header()).getByRole('button'));
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(shownNames()).toEqual(names([...scored].sort((a, b) => b.latestTotal! - a.latestTotal!)).concat(names(unscored)));
    expect(
      within(unitTable())
        .getByRole('columnheader', { name: /单位名称/ })
        .getAttribute('aria-sort'),
    ).toBeNull();
  });

  it('sorting by 单位名称 follows Chinese (pinyin) order', () => {
    show(year);
    fireEvent.click(screen.getByRole('button', { name: /单位名称/ }));
    expect(shownNames()).toEqual(names(year.units).sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('the search box narrows the rows by name, and the count says so', () => {
    show(year);
    fireEvent.input(screen.getByLabelText('查找单位'), { target: { value: '教育' } });
    const expected = year.units.filter((u) => u.unit.name.includes('教育'));
    expect(expected.length).toBeGreaterThan(0);
    expect(shownNames()).toEqual(names(expected));
    expect(screen.getByText(countText(expected.length, year.units.length))).toBeTruthy();
  });

  it('the search box also matches pinyin initials once the dictionary is loaded', async () => {
    show(year);
    const index = await buildUnitIndex(year.units.map((u) => u.unit));
    const expected = index.filter((e) => e.initials.includes('gaj') || e.spelled.includes('gaj')).map((e) => e.unit.name);
    expect(expected.length).toBeGreaterThan(0);
    fireEvent.input(screen.getByLabelText('查找单位'), { target: { value: 'gaj' } });
    await waitFor(() => expect(shownNames()).toEqual(expected));
    expect(screen.getByText(countText(expected.length, year.units.length))).toBeTruthy();
  });

  it('the status and category filters narrow the rows', () => {
    show(year);
    const status = screen.getByLabelText('状态');
    fireEvent.change(status, { target: { value: 'plan-unmet' } });
    expect(shownNames()).toEqual(year.plannedNotObserved.map((u) => u.name));
    expect(screen.getByText(countText(year.plannedNotObserved.length, year.units.length))).toBeTruthy();
    fireEvent.change(status, { target: { value: 'not-covered' } });
    expect(shownNames()).toEqual(year.notCovered.map((u) => u.name));
    fireEvent.change(status, { target: { value: 'unplanned' } });
    expect(shownNames()).toEqual(names(year.units.filter((u) => u.covered && !u.planned.length)));
    fireEvent.change(status, { target: { value: 'covered' } });
    expect(shownNames()).toHaveLength(year.totals.covered);
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: '政府' } });
    const both = year.units.filter((u) => u.covered && u.unit.category === '政府');
    expect(shownNames()).toEqual(names(both));
    expect(screen.getByText(countText(both.length, year.units.length))).toBeTruthy();
  });

  it('a unit name made of markup is shown as text: nothing is injected', () => {
    const { container } = render(<CoverageView coverage={year} scopeText="2026" onScopeText={() => {}} onExport={() => {}} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(shownNames()).toContain(HOSTILE.name);
  });
});

describe('未覆盖单位', () => {
  it('lists the units not covered and seeds next year’s plan with them', () => {
    const onSeedPlan = vi.fn();
    show(year, { onSeedPlan });
    const list = screen.getByRole('heading', { name: `未覆盖单位（${year.notCovered.length}）` }).closest('section')!;
    expect([...list.querySelectorAll('li .cov-unit-name')].map((e) => e.textContent)).toEqual(year.notCovered.map((u) => u.name));
    fireEvent.click(within(list).getByRole('button', { name: /生成下一年度计划/ }));
    expect(onSeedPlan).toHaveBeenCalledWith(year.scope.toYear + 1, year.notCovered);
  });

  it('offers no plan button when the dashboard gives no onSeedPlan', () => {
    show(year);
    expect(screen.queryByRole('button', { name: /生成下一年度计划/ })).toBeNull();
  });
});

describe('优秀案例候选 and 数据问题', () => {
  it('list the top sessions and every problem', () => {
    show(year);
    const top = screen.getByRole('table', { name: '优秀案例候选' });
    expect([...top.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(year.top.map((s) => s.unitName));
    const problems = screen.getByRole('heading', { name: `数据问题（${year.problems.length}）` }).closest('section')!;
    for (const p of year.problems) expect(problems.textContent).toContain(p.message);
  });
});

describe('scope and exports', () => {
  it('typing a scope, and the quick buttons, hand the text to the dashboard', () => {
    const props = show(year, { currentYear: 2027 });
    fireEvent.input(screen.getByLabelText('统计范围（年度或起止年度）'), { target: { value: '2025' } });
    expect(props.onScopeText).toHaveBeenLastCalledWith('2025');
    fireEvent.click(screen.getByRole('button', { name: /本年度/ }));
    expect(props.onScopeText).toHaveBeenLastCalledWith('2027');
    fireEvent.click(screen.getByRole('button', { name: /两年一轮/ }));
    expect(props.onScopeText).toHaveBeenLastCalledWith('2026-2027');
  });

  it('an invalid scope shows its message as an alert on the input', () => {
    show(year, { scopeText: '20xx', scopeError: '统计范围「20xx」无法识别' });
    expect(screen.getByRole('alert').textContent).toBe('统计范围「20xx」无法识别');
    expect(screen.getByLabelText('统计范围（年度或起止年度）').getAttribute('aria-invalid')).toBe('true');
  });

  it('each export button asks for its kind, and all wait while exporting', () => {
    const props = show(year);
    for (const [name, kind] of [
      ['导出 PDF', 'pdf'],
      ['导出 Excel', 'xlsx'],
      ['导出 CSV', 'csv'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name }));
      expect(props.onExport).toHaveBeenLastCalledWith(kind);
    }
    cleanup();
    show(year, { exporting: true });
    for (const name of ['导出 PDF', '导出 Excel', '导出 CSV']) expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('an empty coverage', () => {
  it('renders without errors: zero figures, no rows, empty charts', () => {
    const empty = computeCoverage({ units: [], plans: [], records: [] }, scopeForYear(2026));
    show(empty);
    expect(screen.getByText('在册单位 0 个')).toBeTruthy();
    expect(screen.getByText('已覆盖 0 个，0.0%')).toBeTruthy();
    expect(screen.getByText(countText(0, 0))).toBeTruthy();
    expect(screen.getByRole('img', { name: /月度进度/ })).toBeTruthy();
    expect(screen.queryByRole('img', { name: /等次分布/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /优秀案例候选/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /数据问题/ })).toBeNull();
  });
});

describe('评分一致性', () => {
  it('is not shown when no session was scored by a group', () => {
    show(year);
    expect(screen.queryByRole('heading', { name: '评分一致性' })).toBeNull();
  });
  it('shows each observer and each section as the coverage has them', () => {
    const consistency = {
      groupSessions: 3,
      observers: [
        { name: '王芳', sessions: 2, items: 40, meanDeviation: 0.82, meanSigned: -0.4, flagged: 6 },
        { name: '李华', sessions: 3, items: 60, meanDeviation: 0.31, meanSigned: 0.12, flagged: 2 },
      ],
      sections: [{ title: '学习内容', sessions: 3, meanSpreadPct: 27.5, flagged: 5 }],
    };
    show({ ...year, consistency });
    expect(screen.getByRole('heading', { name: '评分一致性' })).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: '各巡听人员的评分一致性' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['王芳240' + '0.82-0.406', '李华360' + '0.31+0.122']);
    expect(within(screen.getByRole('table', { name: '各部分的组内分歧' })).getByRole('row', { name: /学习内容/ }).textContent).toBe('学习内容327.5%5');
  });
});
