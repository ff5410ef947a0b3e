import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { fillObservation, items } from './support/fill-observation';
import { signByDrawing } from './support/report-flow';
import { narrowLayoutFaults } from './support/layout-360';
import { shot } from './support/shots';

const EXT = resolve('.output/chrome-mv3');

test.describe('the observer at 360 px, through a whole observation', () => {
  let rb: RunningBrowser | undefined;
  test.afterEach(async () => {
    await rb?.close();
    rb = undefined;
  });

  test('nothing overflows or wraps one character per line; identity status before 定稿; outcomes beside their buttons; the preview follows 定稿', async () => {
    test.setTimeout(120_000);
    rb = await launchChromium({ profileDir: await newProfileDir('ext-360'), extensionDir: EXT });
    const page = await openExtensionPage(rb, 'sidepanel.html');
    await page.setViewportSize({ width: 360, height: 760 });
    const errors = collectConsoleErrors(page);
    await shot(page, '01-list');
    await fillObservation(page);

    // 学习主题 is a text area that grows with the theme.
    const theme = page.getByLabel('学习主题', { exact: true });
    expect(await theme.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    const oneLine = (await page.getByLabel('地点', { exact: true }).boundingBox())!.height;
    await theme.fill('深入学习贯彻习近平新时代中国特色社会主义思想，学习贯彻党的二十届四中全会精神，铸牢中华民族共同体意识');
    await expect.poll(async () => (await theme.boundingBox())!.height).toBeGreaterThan(oneLine * 2);

    // 记为开始 twice: the second stamp says what it replaced and can be undone.
    await page.getByLabel('开始时间', { exact: true }).fill('07:05');
    await page.getByRole('button', { name: '记为开始' }).click();
    await expect(page.getByRole('status').filter({ hasText: '开始时间已由 07:05 改为' })).toBeVisible();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByLabel('开始时间', { exact: true })).toHaveValue('07:05');
    await page.getByLabel('结束时间', { exact: true }).fill('09:30');

    for (const item of items) {
      const label = `${item.title}${item.kind === 'deduction' ? ' 扣分' : ' 得分'}`;
      const field = page.getByLabel(label, { exact: true });
      if ((await field.inputValue()) === '') await field.fill(String(item.kind === 'deduction' ? 0 : item.max));
    }
    await expect(page.getByTestId('grade')).toHaveText('优秀');
    await signByDrawing(page);

    // 组长 radio beside its label.
    const lead = page.locator('.observers .check').first();
    const gap = await lead.evaluate((label) => {
      const radio = label.querySelector('input')!.getBoundingClientRect();
      const text = label.querySelector('span')!.getBoundingClientRect();
      return text.left - radio.right;
    });
    expect(gap).toBeLessThan(12);

    // Before 定稿 the report card says there is no signing identity and where to make one.
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: '签名与报告' }) });
    await expect(card.getByTestId('identity-status')).toContainText('还没有签名身份，定稿后报告不能加数字签名');
    await expect(card.getByRole('button', { name: '去设置签名身份' })).toBeVisible();

    await card.getByRole('button', { name: '预览报告' }).click();
    await expect(card.getByTestId('preview-of')).toHaveText('预览：草稿（未定稿）', { timeout: 30_000 });
    expect(await narrowLayoutFaults(page)).toEqual([]);
    await shot(page, '02-form-filled');

    // 定稿: the outcome beside the button; the preview is rendered again from the final record.
    const finalize = page.locator('section.finalize');
    await finalize.getByRole('button', { name: '定稿' }).click();
    await expect(finalize.getByRole('status')).toHaveText('已定稿（第 1 版）');
    await expect(card.getByTestId('preview-of')).toHaveText('预览：定稿（第 1 版）', { timeout: 30_000 });

    // 保存 PDF: the outcome beside the button pressed (and the page-level notice stays).
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: '保存 PDF（不签名）' }).click();
    await download;
    await expect(card.getByRole('status').filter({ hasText: '已保存报告 巡听旁听情况记录表-' })).toBeVisible();
    expect(await narrowLayoutFaults(page)).toEqual([]);
    await shot(page, '03-finalized');
    expect(errors).toEqual([]);
  });
});
