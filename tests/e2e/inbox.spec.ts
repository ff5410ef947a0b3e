import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { qpdfCheck, tempDir, textRaw } from '../unit/pdf/poppler';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { seriousA11yViolations } from './support/fill-observation';
import { chooseReports, setUpSupervisor } from './support/supervisor-flow';
import { cachedSeedCorpus } from '../fixtures/collect/seed-corpus';

const EXT = resolve('.output/chrome-mv3');

test('the supervisor chooses 50 PDFs: progress, a result per file, 45 accepted and 5 rejected with their reasons; choosing them again stores nothing twice; coverage shows 40 of 69 (58.0%) and the PDF, Excel and CSV exports hold what the screen shows', async () => {
  test.setTimeout(180_000);
  const corpus = await cachedSeedCorpus();
  const rb = await launchChromium({ profileDir: await newProfileDir('inbox'), extensionDir: EXT });
  try {
    const dash = await openExtensionPage(rb, 'dashboard.html');
    const errors = collectConsoleErrors(dash);
    await setUpSupervisor(dash, corpus);
    // The files are verified and stored off the page's thread, in the inbox's two workers.
    const workers: string[] = [];
    dash.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    await chooseReports(
      dash,
      corpus.files.map((f) => f.path),
    );
    const good = corpus.files.filter((f) => f.kind === 'good');
    const bad = corpus.files.filter((f) => f.kind !== 'good');
    // The progress bar runs up to the number of files.
    const bar = dash.getByRole('progressbar', { name: /已处理/ });
    await expect(bar).toHaveAttribute('max', String(corpus.files.length));
    await expect(dash.getByRole('status').filter({ hasText: '接收' })).toHaveText(`接收 ${good.length}，重复 0，被取代 0，拒收 ${bad.length}`, {
      timeout: 120_000,
    });
    await expect(bar).toHaveAttribute('value', String(corpus.files.length));
    expect(workers.map((w) => /^\/assets\/(\w+-worker)-[\w-]+\.js$/.exec(w)?.[1] ?? w).sort()).toEqual(['inspect-worker', 'store-worker']);
    const table = dash.getByRole('table', { name: '导入结果' });
    await expect(table.getByRole('row')).toHaveCount(corpus.files.length + 1);
    for (const f of bad) {
      const row = table.getByRole('row').filter({ hasText: f.name });
      await expect(row).toContainText('拒收');
      await expect(row).toContainText(f.kind === 'tampered' ? '摘要不符' : '没有数字签名');
    }
    await dash.getByLabel('只看未接收的文件').check();
    await expect(table.getByRole('row')).toHaveCount(bad.length + 1);
    expect(await seriousA11yViolations(dash)).toEqual([]);

    // The same mail folder once more: every good file is a duplicate, nothing is stored twice.
    await chooseReports(
      dash,
      corpus.files.map((f) => f.path),
    );
    await expect(dash.getByRole('status').filter({ hasText: '接收' })).toHaveText(`接收 0，重复 ${good.length}，被取代 0，拒收 ${bad.length}`, {
      timeout: 120_000,
    });
    const stored = await dash.evaluate(
      () =>
        new Promise<number>((ok) => {
          const open = indexedDB.open('xunting');
          open.onsuccess = () => {
            const req = open.result.transaction('collected').objectStore('collected').count();
            req.onsuccess = () => ok(req.result);
          };
        }),
    );
    expect(stored).toBe(good.length);

    // 覆盖统计: what the screen shows, and the exports hold the same.
    await dash.getByRole('button', { name: '覆盖统计' }).click();
    await dash.getByLabel('统计范围（年度或起止年度）').fill('2026');
    const covered = corpus.coveredUnitIds.length;
    const notCovered = corpus.units.filter((u) => !corpus.coveredUnitIds.includes(u.id));
    await expect(dash.getByText(`已覆盖 ${covered} 个，${((covered / corpus.units.length) * 100).toFixed(1)}%`, { exact: true })).toBeAttached();
    await expect(dash.getByText('已覆盖 40 个，58.0%', { exact: true })).toBeAttached();
    const screenNotCovered = await dash.locator('.cov-notcovered .cov-unit-name').allTextContents();
    expect(screenNotCovered).toEqual(notCovered.map((u) => u.name));
    await expect(dash.getByRole('table', { name: '单位明细' }).locator('tbody tr')).toHaveCount(corpus.units.length);
    expect(await seriousA11yViolations(dash)).toEqual([]);
    const saved = async (label: string) => {
      const download = dash.waitForEvent('download');
      await dash.getByRole('button', { name: label }).click();
      const d = await download;
      const path = join(tempDir('xunting-e2e-cov-'), d.suggestedFilename());
      await d.saveAs(path);
      return { name: d.suggestedFilename(), path };
    };
    const xlsx = await saved('导出 Excel');
    expect(xlsx.name).toBe('巡听旁听覆盖统计-2026年度.xlsx');
    const sheets = await readXlsxFile(xlsx.path);
    const summary = sheets.find((s) => s.sheet === '汇总')!.data;
    expect(summary.find((r) => r[0] === '已覆盖单位')!.slice(1, 4)).toEqual([covered, '个', '58.0%']);
    expect(
      sheets
        .find((s) => s.sheet === '未覆盖单位')!
        .data.slice(1)
        .map((r) => r[1]),
    ).toEqual(screenNotCovered);
    expect(sheets.find((s) => s.sheet === '单位明细')!.data).toHaveLength(corpus.units.length + 1);
    const csv = await saved('导出 CSV');
    const lines = readFileSync(csv.path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(corpus.units.length + 1);
    expect(lines.filter((l) => l.endsWith(',未覆盖') || l.endsWith(',计划未完成') || l.endsWith(',待巡听')).map((l) => l.split(',')[1])).toEqual(
      screenNotCovered,
    );
    const pdf = await saved('导出 PDF');
    const text = textRaw(pdf.path).replace(/\s+/g, '');
    expect(text).toContain('2026年度巡听旁听工作情况汇总');
    expect(text).toContain('58.0%');
    for (const name of screenNotCovered) expect(text).toContain(name);
    expect(qpdfCheck(pdf.path)).toContain('No syntax or stream encoding errors');
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});
