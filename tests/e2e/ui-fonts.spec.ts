import { test, expect, type Page } from '@playwright/test';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serveDir } from '../../scripts/serve.mjs';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';

const EXT = resolve('.output/chrome-mv3');

/** The shipped Noto Serif SC is in the page's font stack and its file loads for Chinese text. */
async function expectShippedFallback(page: Page, host: string) {
  const family = await page
    .locator(host)
    .first()
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(/"Xunting Noto Serif SC", sans-serif$/);
  const loaded = await page.evaluate(async () => (await document.fonts.load('16px "Xunting Noto Serif SC"', '巡听旁听')).map((f) => f.status));
  expect(loaded).toEqual(['loaded']);
  const bold = await page.evaluate(async () => (await document.fonts.load('bold 16px "Xunting Noto Serif SC"', '评分')).map((f) => f.weight));
  expect(bold).toEqual(['700']);
}

test('extension pages name the shipped Noto Serif SC as the last CJK fallback, and it loads', async () => {
  const rb: RunningBrowser = await launchChromium({ profileDir: await newProfileDir('ext-fonts'), extensionDir: EXT });
  try {
    for (const name of ['sidepanel.html', 'options.html', 'dashboard.html']) {
      const page = await openExtensionPage(rb, name);
      const errors = collectConsoleErrors(page);
      await expect(page.locator('.app').first()).toBeVisible();
      await expectShippedFallback(page, '.app');
      expect(errors).toEqual([]);
    }
  } finally {
    await rb.close();
  }
});

test('the micro-frontend loads the same fallback from beside its module', async ({ page }) => {
  const server: Server = await serveDir('dist/mfe');
  try {
    const errors = collectConsoleErrors(page);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(page.getByRole('button', { name: '新建巡听记录' })).toBeVisible();
    // The styles live in the element's shadow root; the font faces on the document.
    const family = await page.evaluate(() => {
      const el = document.querySelector('xunting-observation')!;
      return getComputedStyle(el).fontFamily;
    });
    expect(family).toMatch(/"Xunting Noto Serif SC", sans-serif$/);
    const loaded = await page.evaluate(async () => (await document.fonts.load('16px "Xunting Noto Serif SC"', '巡听')).map((f) => f.status));
    expect(loaded).toEqual(['loaded']);
    expect(errors).toEqual([]);
  } finally {
    await new Promise<void>((ok) => server.close(() => ok()));
  }
});
