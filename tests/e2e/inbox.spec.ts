import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { seriousA11yViolations } from './support/fill-observation';
import { chooseReports, setUpSupervisor } from './support/supervisor-flow';
import { cachedSeedCorpus } from '../fixtures/collect/seed-corpus';

const EXT = resolve('.output/chrome-mv3');

test('the supervisor chooses 50 PDFs: progress, a result per file, 45 accepted and 5 rejected with their reasons; choosing them again stores nothing twice', async () => {
  test.setTimeout(180_000);
  const corpus = await cachedSeedCorpus();
  const rb = await launchChromium({ profileDir: await newProfileDir('inbox'), extensionDir: EXT });
  try {
    const dash = await openExtensionPage(rb, 'dashboard.html');
    const errors = collectConsoleErrors(dash);
    await setUpSupervisor(dash, corpus);
    await chooseReports(dash, corpus.files.map((f) => f.path));
    const good = corpus.files.filter((f) => f.kind === 'good');
    const bad = corpus.files.filter((f) => f.kind !== 'good');
    // The progress bar runs up to the number of files.
    const bar = dash.getByRole('progressbar', { name: /已处理/ });
    await expect(bar).toHaveAttribute('max', String(corpus.files.length));
    await expect(dash.getByRole('status').filter({ hasText: '接收' })).toHaveText(`接收 ${good.length}，重复 0，被取代 0，拒收 ${bad.length}`, { timeout: 120_000 });
    await expect(bar).toHaveAttribute('value', String(corpus.files.length));
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
    await chooseReports(dash, corpus.files.map((f) => f.path));
    await expect(dash.getByRole('status').filter({ hasText: '接收' })).toHaveText(`接收 0，重复 ${good.length}，被取代 0，拒收 ${bad.length}`, { timeout: 120_000 });
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
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});
