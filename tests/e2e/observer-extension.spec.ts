import { test, expect } from '@playwright/test';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { fillObservation, expectFilled, expectSaved, readStoredRecords, expectRecordHolds, seriousA11yViolations } from './support/fill-observation';
import { resolve } from 'node:path';

const EXT = resolve('.output/chrome-mv3');

test.describe('extension side panel', () => {
  let rb: RunningBrowser | undefined;
  test.afterEach(async () => {
    await rb?.close();
    rb = undefined;
  });

  test('the toolbar button opens the side panel', async () => {
    rb = await launchChromium({ profileDir: await newProfileDir('ext-panel'), extensionDir: EXT });
    const page = await openExtensionPage(rb, 'sidepanel.html');
    const behavior = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick: boolean }> } } }
      ).chrome.sidePanel.getPanelBehavior(),
    );
    expect(behavior.openPanelOnActionClick).toBe(true);
  });

  test('a draft survives SIGKILL: everything saved (已保存) before it is back, in IndexedDB and on screen', async () => {
    const profileDir = await newProfileDir('ext-kill');
    rb = await launchChromium({ profileDir, extensionDir: EXT });
    let page = await openExtensionPage(rb, 'sidepanel.html');
    await page.setViewportSize({ width: 360, height: 800 });
    const errors = collectConsoleErrors(page);
    const filled = await fillObservation(page);
    await expectSaved(page);
    await rb.kill();

    rb = await launchChromium({ profileDir, extensionDir: EXT });
    page = await openExtensionPage(rb, 'sidepanel.html');
    const errorsAfter = collectConsoleErrors(page);
    // The open draft comes back on its own.
    await expectFilled(page, filled);
    expectRecordHolds(await readStoredRecords(page, 'xunting'), filled.unitName);
    expect(errors).toEqual([]);
    expect(errorsAfter).toEqual([]);
  });

  test('side panel and options page have no serious accessibility violations', async () => {
    rb = await launchChromium({ profileDir: await newProfileDir('ext-axe'), extensionDir: EXT });
    const page = await openExtensionPage(rb, 'sidepanel.html');
    await page.setViewportSize({ width: 360, height: 800 });
    const errors = collectConsoleErrors(page);
    await expect(page.getByRole('button', { name: '新建巡听记录' })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '新建巡听记录' }).click();
    await expect(page.getByLabel('学习主题', { exact: true })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const options = await openExtensionPage(rb, 'options.html');
    const optionErrors = collectConsoleErrors(options);
    await expect(options.getByRole('heading', { name: '评分表模板' })).toBeVisible();
    expect(await seriousA11yViolations(options)).toEqual([]);
    expect(errors).toEqual([]);
    expect(optionErrors).toEqual([]);
  });

  test('a failed write (quota exceeded) shows a clear message, keeps what was typed, and retries until it is stored', async () => {
    rb = await launchChromium({ profileDir: await newProfileDir('ext-quota'), extensionDir: EXT });
    const page = await openExtensionPage(rb, 'sidepanel.html');
    await page.getByRole('button', { name: '新建巡听记录' }).click();
    await page.getByLabel('学习主题', { exact: true }).fill('第一句');
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    // The disk fills up: every write to the records store now fails as a browser does.
    await page.evaluate(() => {
      const w = window as unknown as { __failWrites: boolean };
      w.__failWrites = true;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.__failWrites && this.name === 'records') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      } as IDBObjectStore['put'];
    });
    await page.getByLabel('学习主题', { exact: true }).fill('第一句，写入失败时仍在页面上');
    await expect(page.getByRole('alert')).toContainText('存储空间已满');
    await expect(page.getByLabel('学习主题', { exact: true })).toHaveValue('第一句，写入失败时仍在页面上');
    // Space is freed: the retry stores the text without the observer doing anything.
    await page.evaluate(() => ((window as unknown as { __failWrites: boolean }).__failWrites = false));
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({ timeout: 15_000 });
    const [stored] = await readStoredRecords(page, 'xunting');
    expect((stored as { theme: string }).theme).toBe('第一句，写入失败时仍在页面上');
  });
});
