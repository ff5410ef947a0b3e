// @vitest-environment happy-dom
/** 生成下一年度计划 for a year that already has a plan: the editor says so and offers 合并 or 替换. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { PlanManager } from '../../../components/collect/PlanManager';
import { AppContext } from '../../../components/db-context';
import type { Platform } from '../../../components/platform';
import { replaceRoster, savePlans, XuntingDB } from '../../../utils/db';
import { seedPlan, type Plan } from '../../../utils/plan';

afterEach(cleanup);
const platform = {
  kind: 'web',
  dbName: 'x',
  loadDefaults: async () => ({ template: null, roster: null }),
  loadAsset: async () => new Uint8Array(),
  saveFile: async () => undefined,
  requestPersistence: async () => null,
  emit: () => undefined,
} as Platform;
const units = ['甲局', '乙局', '丙局'].map((name, i) => ({ id: `u${i + 1}`, name, category: '政府' as const, active: true }));

async function setUp() {
  const db = new XuntingDB(`plan-${crypto.randomUUID()}`);
  await replaceRoster(db, { format: 'xunting.roster/1', units });
  // 2027 already schedules 乙局 in November.
  await savePlans(db, [{ format: 'xunting.plan/1', year: 2027, entries: [{ unitId: 'u2', month: 11, group: '第九组' }] }]);
  // The coverage left 甲局 and 乙局 uncovered.
  const draft: Plan = seedPlan(2027, units.slice(0, 2));
  render(
    <AppContext platform={platform} db={db}>
      <PlanManager seed={draft} />
    </AppContext>,
  );
  await screen.findByLabelText('丙局 计划月份');
  return screen.findByRole('group', { name: '2027 年已有计划' });
}
const month = (name: string) => (screen.getByLabelText(`${name} 计划月份`) as HTMLSelectElement).value;

describe('a draft plan for a year with a plan', () => {
  it('says the plan exists; 合并 keeps the planned units and adds the uncovered ones', async () => {
    const choice = await setUp();
    expect(choice.textContent).toContain('2027 年已有计划（1 个单位）。草稿有 2 个未覆盖单位，其中 1 个不在已有计划中。');
    expect(month('乙局')).toBe('11');
    expect(month('甲局')).toBe('');
    fireEvent.click(within(choice).getByRole('button', { name: '合并：保留已有安排，加入未列入的单位' }));
    expect([month('甲局'), month('乙局'), month('丙局')]).toEqual(['3', '11', '']);
    expect(screen.getByText('计划 2 个单位（有未保存的修改）')).toBeTruthy();
  });

  it('替换 puts the draft in the editor instead', async () => {
    const choice = await setUp();
    fireEvent.click(within(choice).getByRole('button', { name: '替换：只按草稿安排' }));
    expect([month('甲局'), month('乙局'), month('丙局')]).toEqual(['3', '7', '']);
  });
});
