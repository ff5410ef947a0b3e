import { test, expect } from '@playwright/test';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { items, readStoredRecords } from './support/fill-observation';
import { shot } from './support/shots';
import { resolve } from 'node:path';

const EXT = resolve('.output/chrome-mv3');
const label = (item: (typeof items)[number]) => `${item.title}${item.kind === 'deduction' ? ' 扣分' : ' 得分'}`;

test.describe('what was typed is what the record holds', () => {
  let rb: RunningBrowser | undefined;
  test.afterEach(async () => {
    await rb?.close();
    rb = undefined;
  });

  test('a new observation shows no total and no grade; 3.3 in a step-1 item is still 3.3 after a reload, with its message, and is not counted', async () => {
    rb = await launchChromium({ profileDir: await newProfileDir('ext-typed'), extensionDir: EXT });
    const page = await openExtensionPage(rb, 'sidepanel.html');
    await page.setViewportSize({ width: 360, height: 800 });
    const errors = collectConsoleErrors(page);
    await page.getByRole('button', { name: '新建巡听记录' }).click();
    await expect(page.getByTestId('total')).toHaveText('—');
    await expect(page.getByTestId('grade')).toHaveText('—');
    await expect(page.getByTestId('progress')).toContainText('已评 0/23 项');
    await shot(page, '00-new-observation');

    const stepOne = items.find((i) => i.step === 1 && i.kind === 'score')!;
    const field = page.getByLabel(label(stepOne), { exact: true });
    await field.pressSequentially('3.3');
    const message = `「${stepOne.title}」的得分须为 1 的整数倍`;
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await page.getByLabel('应到人数', { exact: true }).fill('三十');
    await expect(page.getByRole('alert').filter({ hasText: '应到人数“三十”须为不小于 0 的整数' })).toBeVisible();
    // A deduction left alone is not scored; 无扣分 is.
    const deduction = items.find((i) => i.kind === 'deduction')!;
    await page
      .getByRole('button', { name: /^无扣分/ })
      .filter({ hasText: deduction.title })
      .click();
    await expect(page.getByTestId('progress')).toContainText('已评 1/23 项');
    await expect(page.locator('.totalbar')).toContainText('暂计 100.0');
    await expect(page.getByTestId('grade')).toHaveText('—');
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

    const [stored] = (await readStoredRecords(page, 'xunting')) as {
      scores: Record<string, { value: unknown; entered?: string }>;
      entered?: Record<string, string>;
    }[];
    expect(stored.scores[stepOne.id]).toMatchObject({ value: null, entered: '3.3' });
    expect(stored.entered).toEqual({ 'attendance.expected': '三十' });

    await shot(page, '00-refused-entries');
    await page.reload();
    await expect(page.getByLabel(label(stepOne), { exact: true })).toHaveValue('3.3');
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(page.getByLabel('应到人数', { exact: true })).toHaveValue('三十');
    await expect(page.getByTestId('progress')).toContainText('已评 1/23 项');
    await expect(page.getByTestId('grade')).toHaveText('—');

    // 定稿 lists the refused entry, and its link leads to the field.
    await page.getByRole('button', { name: /^定稿/ }).click();
    const problem = page.getByRole('button', { name: `填写的“3.3”未被接受：${message}` });
    await expect(problem).toBeVisible();
    await problem.click();
    await expect(page.getByLabel(label(stepOne), { exact: true })).toBeFocused();
    await shot(page, '00-finalize-problems');
    expect(errors).toEqual([]);
  });
});
