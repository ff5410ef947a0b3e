// The demo report rendered in the extension's side panel page (built extension, Debian's
// headless Chromium): the CLI's demo record stored in IndexedDB, opened, and 预览报告 clicked.
//  - cold: the first preview after a fresh page load (jsPDF chunk, font fetch + parse, render);
//  - warm: further clicks on the same page (fonts and jsPDF already loaded).
// Timed in the page: from the click to the preview frame getting its new blob URL (the PDF
// bytes are ready; Chrome's PDF viewer then draws them, not timed).
import type { Page } from 'playwright-core';
import { openExtension } from './extension';
import { median, ms, type BenchRow } from './stats';
import { demoKit } from './demo';
import { rowOf } from '../../utils/db/schema';

const RELOADS = 5;
const WARM_PER_LOAD = 3;

/** Click 预览报告 and time (in the page) until the preview frame shows a new PDF. */
const timePreview = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const prev = document.querySelector('iframe.preview')?.getAttribute('src') ?? null;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '预览报告');
        if (!button) return fail(new Error('no 预览报告 button'));
        const t0 = performance.now();
        const check = () => {
          const frame = document.querySelector('iframe.preview');
          if (frame && frame.getAttribute('src') !== prev) return ok(performance.now() - t0);
          const alert = document.querySelector('[role="alert"]');
          if (alert?.textContent) return fail(new Error(alert.textContent));
          requestAnimationFrame(check);
        };
        button.click();
        requestAnimationFrame(check);
      }),
  );

export async function run(): Promise<BenchRow[]> {
  const { demo } = await demoKit();
  const record = demo();
  const { ctx, id, close } = await openExtension();
  try {
    const page = await ctx.newPage();
    // tsx compiles with esbuild's keepNames: a named function inside a page.evaluate callback
    // (timePreview's `check`) is wrapped in __name(…), which the page must then define.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    await page.getByRole('button', { name: '新建巡听记录' }).waitFor();
    await page.evaluate(
      ({ row, record }) =>
        new Promise((ok, fail) => {
          const open = indexedDB.open('xunting');
          open.onsuccess = () => {
            const tx = open.result.transaction(['observations', 'records'], 'readwrite');
            tx.objectStore('observations').put(row);
            tx.objectStore('records').put({ id: record.id, record });
            tx.oncomplete = () => (open.result.close(), ok(null));
            tx.onerror = () => fail(tx.error);
          };
          open.onerror = () => fail(open.error);
        }),
      { row: rowOf(record), record },
    );
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RELOADS; i++) {
      await page.reload();
      // The panel reopens the record that was open before the reload; the first time, open it from the list.
      const preview = page.getByRole('button', { name: '预览报告' });
      await preview.or(page.locator('.list-item').first()).waitFor();
      if (!(await preview.isVisible())) await page.locator('.list-item').first().click();
      await preview.waitFor();
      cold.push(await timePreview(page));
      for (let k = 0; k < WARM_PER_LOAD; k++) warm.push(await timePreview(page));
    }
    return [
      {
        area: 'report',
        measure: `side panel (Chromium): demo report, cold, median of ${cold.length}`,
        value: ms(median(cold)),
        note: 'fresh page load → 预览报告: jsPDF chunk + fetch and parse both fonts + render; click → PDF in the preview frame',
      },
      {
        area: 'report',
        measure: `side panel (Chromium): demo report, warm, median of ${warm.length}`,
        value: ms(median(warm)),
        note: 'further clicks on the same page (fonts parsed once per page); pure-JS deflate',
      },
    ];
  } finally {
    await close();
  }
}
