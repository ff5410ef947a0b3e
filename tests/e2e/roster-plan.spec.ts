import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { tempDir } from '../fixtures/sign/tools';

const EXT = resolve('.output/chrome-mv3');

test('名单与计划: a roster imported on the tab is the one the plan table lists and a plan import is checked against', async () => {
  const rb = await launchChromium({ profileDir: await newProfileDir('roster-plan'), extensionDir: EXT });
  try {
    const dash = await openExtensionPage(rb, 'dashboard.html');
    const errors = collectConsoleErrors(dash);
    await dash.getByRole('button', { name: '名单与计划' }).click();
    const plan = dash.getByRole('table', { name: /年计划$/ });
    await expect(plan.locator('tbody tr')).toHaveCount(69);
    const dir = tempDir('xunting-e2e-roster-');
    writeFileSync(join(dir, 'roster.csv'), '单位名称,类别\n新测试单位,政府\n另一测试单位,事业\n');
    writeFileSync(join(dir, 'plan.csv'), '单位名称,月份,巡听组\n新测试单位,5,第一巡听组\n');
    await dash.getByLabel(/^导入单位名单/).setInputFiles(join(dir, 'roster.csv'));
    await expect(dash.getByRole('status').filter({ hasText: '已导入 2 个单位' })).toBeVisible();
    await expect(plan.locator('tbody tr')).toHaveCount(2);
    await dash.getByLabel(/^导入计划/).setInputFiles(join(dir, 'plan.csv'));
    await expect(dash.getByRole('status').filter({ hasText: '年计划（' })).toContainText('（1 个单位）');
    await expect(dash.getByLabel('新测试单位 计划月份')).toHaveValue('5');
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});
