/**
 * The extension pages run under `script-src 'self'` (no eval, no inline script). Code run by
 * page.evaluate is exempt from that check (FACTS.md), so every library is triggered here by the
 * UI, with clicks and file choices, while a `securitypolicyviolation` listener registered before
 * the page's first script records any violation: jsPDF and the fonts (report preview, summary
 * PDF), pkijs (PKCS#12 import, key and CSR, certificate import, signing, CA creation and
 * issuing, verifying reports), fflate
 * (backup export and restore), read-excel-file (roster XLSX) and write-excel-file (coverage XLSX).
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { cspViolations, openWatchedPage } from './support/csp';
import { fillObservation, readStoredRecords } from './support/fill-observation';
import { previewAndDownload, signByDrawing } from './support/report-flow';
import {
  CA_PASSPHRASE,
  completeForFinalize,
  createCaInDashboard,
  finalizeAndSign,
  importCertificate,
  issueInDashboard,
  requestIdentity,
} from './support/signing-flow';
import { chooseReports, setUpSupervisor } from './support/supervisor-flow';
import { exportBackup, startRestore, backupCard } from './support/backup-flow';
import { cachedSeedCorpus, readUnits } from '../fixtures/collect/seed-corpus';
import { observer } from '../fixtures/sign/pki';
import { tempDir } from '../unit/pdf/poppler';
import { writeXlsx } from '../../utils/io';
import { createIdentityRequest, writePkcs12 } from '../../utils/sign';

const EXT = resolve('.output/chrome-mv3');
const P12_PASS = '身份文件口令2026';

test('no CSP violation in the side panel, options page and dashboard while every library runs from the UI', async () => {
  test.setTimeout(90_000);
  const corpus = await cachedSeedCorpus();
  const dir = tempDir('xunting-e2e-csp-');
  // The organisation's PKCS#12 for the observer, and the roster as an Excel workbook.
  const me = await observer(corpus.ca, '王喆', { extractable: true });
  const p12 = join(dir, 'wangzhe.p12');
  writeFileSync(p12, await writePkcs12(me, P12_PASS));
  const units = readUnits();
  const xlsx = join(dir, '单位名单.xlsx');
  writeFileSync(
    xlsx,
    await writeXlsx([{ name: '单位名单', columns: [{ header: '单位名称' }, { header: '类别' }], rows: units.map((u) => [u.name, u.category]) }]),
  );

  const rb = await launchChromium({ profileDir: await newProfileDir('csp'), extensionDir: EXT });
  const browsers: RunningBrowser[] = [rb];
  try {
    // Options: roster XLSX (read-excel-file), PKCS#12 identity (pkijs).
    const options = await openWatchedPage(rb, 'options.html');
    await options.getByLabel('导入单位名单（Excel .xlsx、CSV 或 JSON，含“单位名称”列）', { exact: true }).setInputFiles(xlsx);
    await expect(options.getByRole('status').filter({ hasText: '已导入' })).toContainText(`已导入 ${units.length} 个单位`);
    await options.getByText('或：导入巡听办 CA 颁发的 PKCS#12 文件').click();
    await options.getByLabel('PKCS#12 文件').setInputFiles(p12);
    await options.getByLabel('文件口令').fill(P12_PASS);
    await options.getByRole('button', { name: '导入 PKCS#12' }).click();
    await expect(options.getByRole('status').filter({ hasText: '已导入签名身份' })).toContainText('已导入签名身份：王喆');

    // Side panel: fill, preview (jsPDF, fonts), save, 定稿并签名 (pkijs).
    const panel = await openWatchedPage(rb, 'sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 900 });
    await fillObservation(panel);
    await signByDrawing(panel);
    await previewAndDownload(panel);
    await completeForFinalize(panel);
    const signed = await finalizeAndSign(panel);
    await expect(panel.locator('.notice[role="status"]')).toContainText('已签名并保存报告');
    const [record] = await readStoredRecords(panel, 'xunting');
    expect((record as { status: string }).status).toBe('final');
    // Verifying a report for countersigning (the verifier) runs in the panel too.
    await panel.getByRole('button', { name: '返回列表' }).click();
    await panel.getByLabel('选择要会签的报告（PDF）').setInputFiles(signed);
    await expect(panel.getByRole('group', { name: /^核验结果/ })).toContainText('签名有效');

    // Options: export a backup (fflate).
    await exportBackup(options);

    // Dashboard: trust list (PEM), GBK roster and plan, a few reports verified, coverage exports,
    // a CA created and a certificate issued, a backup exported and restored.
    const dash = await openWatchedPage(rb, 'dashboard.html');
    await setUpSupervisor(dash, corpus);
    const some = [...corpus.files.filter((f) => f.kind === 'good').slice(0, 4), ...corpus.files.filter((f) => f.kind !== 'good').slice(0, 2)];
    await chooseReports(dash, [...some.map((f) => f.path), signed]);
    await expect(dash.getByRole('status').filter({ hasText: '接收' })).toHaveText('接收 5，重复 0，被取代 0，拒收 2', { timeout: 30_000 });
    await dash.getByRole('button', { name: '覆盖统计' }).click();
    await dash.getByLabel('统计范围（年度或起止年度）').fill('2026');
    for (const label of ['导出 PDF', '导出 Excel', '导出 CSV']) {
      const download = dash.waitForEvent('download');
      await dash.getByRole('button', { name: label }).click();
      const d = await download;
      expect(d.suggestedFilename()).toMatch(/^巡听旁听覆盖统计-2026年度\.(pdf|xlsx|csv)$/);
      await expect(dash.getByRole('status').filter({ hasText: '已导出' })).toHaveText(`已导出 ${d.suggestedFilename()}`);
    }
    await createCaInDashboard(dash);
    const request = await createIdentityRequest({ name: '刘珺', org: '锡林郭勒盟委宣传部' });
    await issueInDashboard(dash, request.csrPem, '刘珺');
    // A second observer makes a key and a CSR in their options page (pkijs), and imports the certificate.
    const second = await launchChromium({ profileDir: await newProfileDir('csp-second'), extensionDir: EXT });
    browsers.push(second);
    const options2 = await openWatchedPage(second, 'options.html');
    const csr = await requestIdentity(options2, '赵晓喆', '锡林郭勒盟委统战部');
    await importCertificate(options2, await issueInDashboard(dash, csr, '赵晓喆'), '赵晓喆');
    await dash.getByRole('button', { name: '备份与恢复' }).click();
    const backup = await exportBackup(dash);
    await startRestore(dash, backup.path, CA_PASSPHRASE);
    await expect(backupCard(dash).getByRole('status')).toHaveText(`已从备份「${backup.name}」恢复本机数据`, { timeout: 30_000 });

    for (const [name, page] of Object.entries({ options, panel, dash, options2 })) {
      expect(await cspViolations(page), `CSP violations in ${name}`).toBeUndefined();
      expect(collectConsoleErrors(page), `console errors in ${name}`).toEqual([]);
    }

    // The listener does catch a violation in an extension page: an inline script inserted into
    // the DOM is refused and reported (the check is on the element, not on page.evaluate).
    const control = await openWatchedPage(rb, 'options.html');
    await control.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = 1';
      document.body.append(s);
    });
    // Reported once per policy in force: the manifest's and Chrome's minimum policy for extensions.
    await expect.poll(async () => (await cspViolations(control))?.length ?? 0).toBeGreaterThan(0);
    for (const v of (await cspViolations(control))!) expect(v).toMatch(/^script-src-elem inline /);
    expect(await control.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  } finally {
    for (const b of browsers) await b.close();
  }
});
