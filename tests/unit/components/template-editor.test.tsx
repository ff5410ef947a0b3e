// @vitest-environment happy-dom
/**
 * The 评分表 editor as a supervisor uses it: a template built from nothing, with the `template
 * check` messages at the field as they type and the maxima following the typing; items moved by
 * keyboard, duplicated and removed.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { useState } from 'preact/hooks';
import { render, screen, fireEvent, cleanup, within } from '@testing-library/preact';
import { TemplateEditor } from '../../../components/templates/TemplateEditor';
import { blankTemplate } from '../../../utils/db';
import { validateTemplate, type RubricTemplate } from '../../../utils/rubric';

afterEach(cleanup);

let latest: RubricTemplate;
function Harness({ start }: { start: RubricTemplate }) {
  const [t, setT] = useState(start);
  latest = t;
  return <TemplateEditor draft={t} onChange={setT} />;
}
const type = (label: string | HTMLElement, value: string) =>
  fireEvent.input(typeof label === 'string' ? screen.getByLabelText(label) : label, { target: { value } });
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

describe('building a template from nothing', () => {
  it('two sections, five items (one deduction), bands: valid, with the maxima as typed', () => {
    render(<Harness start={blankTemplate('tpl-test', '')} />);
    // An empty new template says what is missing, at the field.
    expect(screen.getByText('评分表名称').parentElement!.textContent).toContain('模板名称不能为空');
    type('评分表名称', '2027 年中心组学习评分表');
    type('第 1 部分名称', '学习准备');
    for (let i = 0; i < 3; i++) click('在「学习准备」中添加评分项');
    click('添加部分');
    type('第 2 部分名称', '学习纪律');
    for (let i = 0; i < 2; i++) click('在「学习纪律」中添加评分项');
    const titles = screen.getAllByLabelText('评分项名称');
    ['制定学习计划', '提前印发通知', '确定发言人', '无故缺席', '会中接打电话'].forEach((t, i) => type(titles[i], t));
    const maxes = screen.getAllByLabelText('满分');
    ['20', '20', '10', '30', '20'].forEach((m, i) => type(maxes[i], m));
    fireEvent.change(screen.getAllByLabelText('评分方式')[3], { target: { value: 'deduction' } });
    expect(screen.getByText(/满分合计/).textContent).toBe('共 2 个部分、5 个评分项，满分合计 100 分');
    expect(screen.getAllByText(/^本部分满分/).map((e) => e.textContent)).toEqual(['本部分满分 50 分', '本部分满分 50 分']);
    const v = validateTemplate(latest);
    expect(v.ok).toBe(true);
    expect(latest.sections.map((s) => s.items.map((i) => i.title))).toEqual([
      ['制定学习计划', '提前印发通知', '确定发言人'],
      ['无故缺席', '会中接打电话'],
    ]);
    expect(latest.sections[1].items[0].kind).toBe('deduction');
    expect(new Set(latest.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])).size).toBe(7);
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('a maximum of 0, a step that does not divide it, overlapping bands, an empty section: each message at its field', () => {
    render(<Harness start={blankTemplate('tpl-test', '评分表')} />);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(
      expect.arrayContaining(['模板没有任何评分项', '部分「s1」没有评分项', '部分名称不能为空']),
    );
    type('第 1 部分名称', '学习准备');
    click('在「学习准备」中添加评分项');
    type('评分项名称', '制定学习计划');
    type('满分', '0');
    expect(screen.getByLabelText('满分').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('满分须大于 0')).toBeTruthy();
    type('满分', '5');
    type('步长', '2');
    expect(screen.getByText('「制定学习计划」的步长 2 不能整除满分 5')).toBeTruthy();
    type('步长', '0.5');
    type(screen.getAllByLabelText('下限（分）')[1], '95');
    expect(screen.getByText('等次须按下限从高到低排列，且下限各不相同')).toBeTruthy();
    type(screen.getAllByLabelText('下限（分）')[1], '80');
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('items move with Alt+↓ and the buttons, are duplicated with fresh ids and removed', () => {
    const t = blankTemplate('tpl-test', '评分表');
    t.sections[0] = {
      id: 's1',
      title: '甲',
      items: [
        { id: 's1-1', title: '一', max: 5, step: 1, kind: 'score', allowNA: false, required: true },
        { id: 's1-2', title: '二', max: 5, step: 1, kind: 'score', allowNA: false, required: true },
      ],
    };
    render(<Harness start={t} />);
    fireEvent.keyDown(screen.getAllByRole('group')[0], { key: 'ArrowDown', altKey: true });
    expect(latest.sections[0].items.map((i) => i.title)).toEqual(['二', '一']);
    click('上移「一」');
    expect(latest.sections[0].items.map((i) => i.title)).toEqual(['一', '二']);
    click('复制「二」');
    expect(latest.sections[0].items.map((i) => [i.id, i.title])).toEqual([
      ['s1-1', '一'],
      ['s1-2', '二'],
      ['s1-3', '二'],
    ]);
    click('删除「一」');
    expect(latest.sections[0].items.map((i) => i.id)).toEqual(['s1-2', 's1-3']);
    expect(within(screen.getByLabelText('巡听人员看到的评分表（360 像素侧边栏）')).getAllByText(/二/).length).toBeGreaterThan(0);
  });
});
