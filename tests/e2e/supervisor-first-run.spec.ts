import { test, expect, type Locator } from '@playwright/test';
import { resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { seriousA11yViolations } from './support/fill-observation';
import { chooseReports } from './support/supervisor-flow';
import { cachedSeedCorpus } from '../fixtures/collect/seed-corpus';

const EXT = resolve('.output/chrome-mv3');
const SHOTS = process.env.SHOTS_DIR;

/** How many lines the text of a cell takes on screen. */
const lines = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

test('the dashboard’s first run: first steps instead of 0.0%; reports from an untrusted CA are refused naming it, and accepted after trusting it and 重新核验; result and date cells on one line', async () => {
  test.setTimeout(180_000);
  const corpus = await cachedSeedCorpus();
  const rb = await launchChromium({ profileDir: await newProfileDir('first-run'), extensionDir: EXT });
  try {
    const dash = await openExtensionPage(rb, 'dashboard.html');
    const errors = collectConsoleErrors(dash);
    const steps = dash.getByRole('region', { name: '开始使用：还没有收到报告' });
    for (const width of [1280, 360]) {
      await dash.setViewportSize({ width, height: 900 });
      await expect(steps).toBeVisible();
      if (SHOTS) await dash.screenshot({ path: `${SHOTS}/dashboard-first-run-${width}.png`, fullPage: true });
    }
    await dash.getByRole('button', { name: '覆盖统计' }).click();
    await expect(steps).toBeVisible();
    await expect(dash.getByText('0.0%')).toHaveCount(0);
    if (SHOTS) await dash.screenshot({ path: `${SHOTS}/dashboard-first-run-coverage-360.png`, fullPage: true });
    expect(await seriousA11yViolations(dash)).toEqual([]);

    // Five reports before the CA is trusted: refused, and the refusal names the CA.
    await dash.setViewportSize({ width: 1280, height: 900 });
    const good = corpus.files.filter((f) => f.kind === 'good').slice(0, 5);
    await chooseReports(
      dash,
      good.map((f) => f.path),
    );
    const notice = dash.getByRole('group', { name: /^签发者 / });
    await expect(notice).toContainText('5 个文件被拒收：签名人的证书由「');
    await expect(notice).toContainText('该 CA 证书指纹（SHA-256）：');
    if (SHOTS) await dash.screenshot({ path: `${SHOTS}/inbox-untrusted-1280.png`, fullPage: true });
    await notice.getByRole('button', { name: '去信任列表' }).click();
    await dash.getByLabel('导入 CA 证书或个人证书（.pem / .crt / .cer）').setInputFiles(corpus.caPemPath);
    await expect(dash.getByRole('status')).toContainText('已加入信任列表');
    await dash.getByRole('button', { name: '重新核验这 5 个文件' }).click();
    await expect(dash.getByRole('status').filter({ hasText: '接收' })).toHaveText('接收 5，重复 0，被取代 0，拒收 0');

    const table = dash.getByRole('table', { name: '导入结果' });
    for (const width of [1280, 360]) {
      await dash.setViewportSize({ width, height: 900 });
      for (const th of await table.locator('th').all()) expect(await lines(th)).toBe(1);
      for (const row of await table.locator('tbody tr').all()) {
        expect(await lines(row.locator('td').nth(1))).toBe(1);
        expect(await lines(row.locator('td').nth(3))).toBe(1);
      }
      if (SHOTS) await dash.screenshot({ path: `${SHOTS}/inbox-accepted-${width}.png`, fullPage: true });
    }
    await dash.getByRole('button', { name: '覆盖统计' }).click();
    await expect(steps).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});
