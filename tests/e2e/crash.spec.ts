/**
 * SIGKILL in the middle of the work that matters: signing a report, and importing a mail
 * folder of reports. After a restart on the same profile nothing is lost and nothing is
 * half-stored: every stored row is whole, every stored PDF verifies, and the work can go on.
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, newProfileDir, type RunningBrowser } from './support/browser';
import { expectSaved, fillObservation, readStoredRecords } from './support/fill-observation';
import { signByDrawing } from './support/report-flow';
import { completeForFinalize } from './support/signing-flow';
import { chooseReports, setUpSupervisor } from './support/supervisor-flow';
import { readIdbTable } from './support/idb';
import { cachedSeedCorpus } from '../fixtures/collect/seed-corpus';
import { observer } from '../fixtures/sign/pki';
import { tempDir } from '../fixtures/sign/tools';
import { verifyPdf, writePkcs12 } from '../../utils/sign';

const EXT = resolve('.output/chrome-mv3');
const PASS = '身份文件口令2026';

test.describe('SIGKILL while signing', () => {
  for (const delay of [0, 120, 400]) {
    test(`killed ${delay} ms after 定稿并签名: the record is a whole draft or a whole final, and any stored PDF verifies`, async () => {
      test.setTimeout(120_000);
      const corpus = await cachedSeedCorpus();
      const me = await observer(corpus.ca, '王喆', { extractable: true });
      const p12 = join(tempDir('xunting-e2e-p12-'), 'wangzhe.p12');
      writeFileSync(p12, await writePkcs12(me, PASS));
      const profileDir = await newProfileDir(`crash-sign-${delay}`);
      let rb: RunningBrowser = await launchChromium({ profileDir, extensionDir: EXT });
      try {
        const options = await openExtensionPage(rb, 'options.html');
        await options.getByText('或：导入巡听办 CA 颁发的 PKCS#12 文件').click();
        await options.getByLabel('PKCS#12 文件').setInputFiles(p12);
        await options.getByLabel('文件口令').fill(PASS);
        await options.getByRole('button', { name: '导入 PKCS#12' }).click();
        await expect(options.getByRole('status')).toContainText('已导入签名身份：王喆');
        const panel = await openExtensionPage(rb, 'sidepanel.html');
        await panel.setViewportSize({ width: 360, height: 900 });
        await fillObservation(panel);
        await signByDrawing(panel);
        await completeForFinalize(panel);
        await expectSaved(panel);
        const [before] = await readStoredRecords(panel, 'xunting');
        await panel.getByRole('button', { name: '定稿并签名' }).click();
        // The kill lands at a chosen moment of the finalising transaction: the delay is the test's subject, not a wait for a state.
        if (delay) await panel.waitForTimeout(delay);
        await rb.kill();

        rb = await launchChromium({ profileDir, extensionDir: EXT });
        const again = await openExtensionPage(rb, 'sidepanel.html');
        const [after] = (await readStoredRecords(again, 'xunting')) as { status: string; revision: number }[];
        const versions = await readIdbTable(again, 'xunting', 'versions');
        const reports = await readIdbTable(again, 'xunting', 'reports');
        if (after.status === 'draft') {
          // Killed before the finalising transaction committed: the draft as it was, no version, no report.
          expect(after).toEqual(before);
          expect(versions).toEqual([]);
          expect(reports).toEqual([]);
          await expect(again.getByRole('button', { name: '定稿并签名' })).toBeVisible();
        } else {
          expect(after.status).toBe('final');
          expect(versions).toHaveLength(1);
          expect((versions[0] as { record: unknown }).record).toEqual(after);
          // A report is either not stored yet (sign again from the panel) or stored whole and valid.
          for (const r of reports as { pdf: number[]; signed: boolean }[]) {
            const v = await verifyPdf(new Uint8Array(r.pdf), { trust: { cas: [corpus.ca.certificate] } });
            expect(v.ok).toBe(true);
            expect(v.record).toEqual(after);
          }
          await expect(again.getByRole('button', { name: '签名并保存 PDF' })).toBeVisible();
        }
      } finally {
        await rb.close();
      }
    });
  }
});

test('SIGKILL during an inbox import of 50 reports: what was stored is whole, and importing again completes it without duplicates', async () => {
  test.setTimeout(180_000);
  const corpus = await cachedSeedCorpus();
  const profileDir = await newProfileDir('crash-inbox');
  let rb: RunningBrowser = await launchChromium({ profileDir, extensionDir: EXT });
  try {
    const dash = await openExtensionPage(rb, 'dashboard.html');
    await setUpSupervisor(dash, corpus);
    await chooseReports(
      dash,
      corpus.files.map((f) => f.path),
    );
    const bar = dash.getByRole('progressbar', { name: /已处理/ });
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
    await rb.kill();

    rb = await launchChromium({ profileDir, extensionDir: EXT });
    const again = await openExtensionPage(rb, 'dashboard.html');
    const rows = (await readIdbTable(again, 'xunting', 'collected')) as { sha256: string; recordId: string; revision: number }[];
    const files = (await readIdbTable(again, 'xunting', 'collectedFiles')) as { sha256: string; pdf: number[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThan(corpus.files.filter((f) => f.kind === 'good').length + 1);
    // Every stored row has its PDF, every stored PDF belongs to a row and verifies to that row's record.
    expect(new Set(files.map((f) => f.sha256))).toEqual(new Set(rows.map((r) => r.sha256)));
    for (const f of files) {
      const v = await verifyPdf(new Uint8Array(f.pdf), { trust: { cas: [corpus.ca.certificate] } });
      expect(v.ok).toBe(true);
      const row = rows.find((r) => r.sha256 === f.sha256)!;
      expect([v.record!.id, v.record!.revision]).toEqual([row.recordId, row.revision]);
    }
    // The supervisor drops the folder again: the rest comes in, nothing twice.
    const good = corpus.files.filter((f) => f.kind === 'good').length;
    const bad = corpus.files.length - good;
    await chooseReports(
      again,
      corpus.files.map((f) => f.path),
    );
    await expect(again.getByRole('status').filter({ hasText: '接收' })).toHaveText(`接收 ${good - rows.length}，重复 ${rows.length}，被取代 0，拒收 ${bad}`, {
      timeout: 120_000,
    });
    expect(await readIdbTable(again, 'xunting', 'collected')).toHaveLength(good);
  } finally {
    await rb.close();
  }
});
