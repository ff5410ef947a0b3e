import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { serveMfe } from './support/mfe-server';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { fillObservation, readStoredRecords } from './support/fill-observation';
import { signByDrawing, previewAndDownload, checkReportPdf } from './support/report-flow';

test('extension: fill, sign by drawing, preview, download; the PDF passes poppler and qpdf and carries the record', async () => {
  const rb = await launchChromium({ profileDir: await newProfileDir('ext-report'), extensionDir: resolve('.output/chrome-mv3') });
  try {
    const page = await openExtensionPage(rb, 'sidepanel.html');
    await page.setViewportSize({ width: 360, height: 900 });
    const errors = collectConsoleErrors(page);
    const filled = await fillObservation(page);
    await signByDrawing(page);
    const pdf = await previewAndDownload(page);
    const [stored] = await readStoredRecords(page, 'xunting');
    const bytes = checkReportPdf(pdf, filled.unitName, stored);
    expect(bytes.length).toBeLessThan(250 * 1024 * 2); // two signatures add images; see the unit test for the 250 KB text report
    // The PDF is kept with the observation.
    const kept = await page.evaluate(
      () =>
        new Promise<number>((ok) => {
          const open = indexedDB.open('xunting');
          open.onsuccess = () => {
            const req = open.result.transaction('reports').objectStore('reports').count();
            req.onsuccess = () => ok(req.result);
          };
        }),
    );
    expect(kept).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});

test.describe('micro-frontend', () => {
  const url = serveMfe();

  test('fill, sign by drawing, preview, download', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.goto(url());
    const filled = await fillObservation(page);
    await signByDrawing(page);
    const pdf = await previewAndDownload(page);
    const [stored] = await readStoredRecords(page, 'xunting-web');
    checkReportPdf(pdf, filled.unitName, stored);
    expect(errors).toEqual([]);
  });
});
