import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * Screenshots of the whole page, one viewport at a time, for a person to look at: written only
 * when SHOTS_DIR is set (e.g. `SHOTS_DIR=/tmp/shots npx playwright test …`), never asserted on.
 */
export async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const view = page.viewportSize()!.height;
  for (let y = 0, k = 0; y < height; y += view - 100, k++) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.screenshot({ path: `${dir}/${name}-${String(k).padStart(2, '0')}.png` });
  }
}
