import { test, expect } from '@playwright/test';
import { serveMfe } from './support/mfe-server';
import { launchChromium, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { fillObservation, expectFilled, expectSaved, readStoredRecords, expectRecordHolds, seriousA11yViolations } from './support/fill-observation';

const url = serveMfe();

test.describe('micro-frontend <xunting-observation>', () => {
  test('fill, reload: everything typed is back, in IndexedDB and on screen; events reach the host page', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(url());
    const saved = page.evaluate(
      () => new Promise<string>((ok) => document.addEventListener('xunting-saved', (e) => ok((e as CustomEvent).detail.id), { once: true })),
    );
    const filled = await fillObservation(page);
    expect(await saved).toMatch(/^[0-9a-f-]{36}$/);
    await expectSaved(page);
    await page.reload();
    await expectFilled(page, filled);
    expectRecordHolds(await readStoredRecords(page, 'xunting-web'), filled.unitName);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the developers' event log is not on the default page; ?events shows it with the events", async ({ page }) => {
    await page.goto(url());
    await expect(page.getByRole('button', { name: '新建巡听记录' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '组件事件' })).toBeHidden();
    await page.goto(url('/?events'));
    await expect(page.getByRole('heading', { name: '组件事件' })).toBeVisible();
    await page.getByRole('button', { name: '新建巡听记录' }).click();
    await page.getByLabel('学习主题', { exact: true }).fill('学习党的二十届四中全会精神');
    await expect(page.locator('#events li').first()).toContainText('xunting-saved');
  });

  test('a draft survives SIGKILL of the browser', async () => {
    const profileDir = await newProfileDir('mfe-kill');
    let rb: RunningBrowser = await launchChromium({ profileDir });
    try {
      let page = await rb.context.newPage();
      await page.goto(url());
      const filled = await fillObservation(page);
      await expectSaved(page);
      await rb.kill();
      rb = await launchChromium({ profileDir });
      page = await rb.context.newPage();
      const errors = collectConsoleErrors(page);
      await page.goto(url());
      await expectFilled(page, filled);
      expectRecordHolds(await readStoredRecords(page, 'xunting-web'), filled.unitName);
      expect(errors).toEqual([]);
    } finally {
      await rb.close();
    }
  });

  test('styles are isolated in shadow DOM', async ({ page }) => {
    await page.goto(url());
    await expect(page.getByRole('button', { name: '新建巡听记录' })).toBeVisible();
    const inShadow = await page.evaluate(() => {
      const el = document.querySelector('xunting-observation')!;
      return {
        shadow: !!el.shadowRoot,
        hostHasAppClass: document.querySelector('.app') !== null,
        shadowStyles: el.shadowRoot!.querySelectorAll('style').length,
      };
    });
    expect(inShadow).toEqual({ shadow: true, hostHasAppClass: false, shadowStyles: 1 });
    // The host page's own styles are untouched by the component's.
    const headerBg = await page.locator('.portal-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerBg).toBe('rgb(164, 22, 26)');
  });
});
