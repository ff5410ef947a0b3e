import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, textRaw, qpdfCheck, pdffonts, attachments } from '../../unit/pdf/poppler';
import { typed } from './fill-observation';

const observerNames = ['王喆', '刘珺'];

/** Name the observers and sign for each by drawing on the pad with the mouse. */
export async function signByDrawing(page: Page) {
  for (const [i, name] of observerNames.entries()) {
    await page.getByRole('button', { name: '添加巡听人员' }).click();
    await page.getByLabel(`巡听人员姓名 ${i + 1}`, { exact: true }).fill(name);
  }
  for (const name of observerNames) {
    const pad = page.getByRole('img', { name: `${name}的签名板` });
    // Centre the pad: the sticky total bar covers the bottom of the viewport.
    await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let k = 1; k <= 24; k++) await page.mouse.move(box.x + 20 + k * 9, box.y + box.height * (0.6 - 0.3 * Math.sin(k / 3)), { steps: 2 });
    await page.mouse.up();
    await page.getByRole('button', { name: `确认签名（${name}）` }).click();
  }
}

/** Preview, then save: returns the downloaded PDF's path. */
export async function previewAndDownload(page: Page): Promise<string> {
  await page.getByRole('button', { name: '预览报告' }).click();
  const frame = page.getByTitle('报告预览');
  await expect(frame).toBeVisible({ timeout: 30_000 });
  expect(await frame.getAttribute('src')).toMatch(/^blob:/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存 PDF' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^巡听旁听情况记录表-.+\.pdf$/);
  const path = join(tempDir('xunting-e2e-pdf-'), 'report.pdf');
  await d.saveAs(path);
  return path;
}

/** The checks a supervisor's tools would make on the downloaded report. */
export function checkReportPdf(path: string, unitName: string, storedRecord: Record<string, unknown>) {
  expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
  expect(pdffonts(path).every((f) => f.embedded)).toBe(true);
  const flat = textRaw(path).replace(/\s+/g, '');
  for (const s of [unitName, typed.theme, typed.chair, typed.leadReader, typed.highlights, typed.problems, ...observerNames]) {
    expect(flat).toContain(s.replace(/\s+/g, ''));
  }
  const lines = textRaw(path).split('\n');
  expect(lines.filter((l) => /^[，。、；：？！）》」』]/.test(l.trim()))).toEqual([]);
  const files = attachments(path);
  const json = files.get('observation.json');
  expect(json).toBeDefined();
  const embedded = JSON.parse(json!.toString('utf8'));
  expect(embedded).toEqual(storedRecord);
  expect(embedded.observers.every((o: { signature?: { png: string } }) => o.signature?.png.startsWith('data:image/png;base64,'))).toBe(true);
  return readFileSync(path);
}
