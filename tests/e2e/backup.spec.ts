/**
 * 备份与恢复 in the real browser: a backup exported in one profile and restored through the UI
 * into an empty one holds every row of every table (observer and supervisor); the supervisor's
 * restored CA still issues certificates that chain to the original CA certificate; a wrong CA
 * passphrase, a corrupt or truncated backup and foreign files are refused with a Chinese message
 * and leave the data as it was.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { expectFilled, fillObservation, readStoredRecords } from './support/fill-observation';
import { previewAndDownload, signByDrawing } from './support/report-flow';
import { CA_PASSPHRASE, completeForFinalize, createCaInDashboard, downloadCaPem, issueInDashboard } from './support/signing-flow';
import { chooseReports, setUpSupervisor } from './support/supervisor-flow';
import { backupCard, exportBackup, readAllTables, refusedRestore, rowCounts, startRestore, type Tables } from './support/backup-flow';
import { cachedSeedCorpus } from '../fixtures/collect/seed-corpus';
import { demoReport } from '../fixtures/sign/reports';
import { tempDir } from '../unit/pdf/poppler';
import { createIdentityRequest, importIssuedCertificate, parseCertificate, signPdf, verifyPdf } from '../../utils/sign';

const EXT = resolve('.output/chrome-mv3');
const template = JSON.parse(readFileSync('public/defaults/rubric-default.json', 'utf8'));

/** Files that are not a usable backup, made from a good one; with what the refusal must say. */
function badFiles(backupPath: string, pdfPath: string) {
  const dir = tempDir('xunting-e2e-badbackup-');
  const good = readFileSync(backupPath);
  const flipped = Buffer.from(good);
  flipped[Math.floor(flipped.length / 2)] ^= 0xff;
  const random = new Uint8Array(4096).map(() => Math.floor(Math.random() * 256));
  const files = {
    corrupt: { path: join(dir, '损坏的备份.xtbak'), bytes: flipped, expect: [/已损坏|被改动/, /未作任何改动|不能用于恢复/] },
    truncated: { path: join(dir, '截断的备份.xtbak'), bytes: good.subarray(0, Math.floor(good.length / 2)), expect: [/已损坏或不完整/] },
    foreignZip: {
      path: join(dir, '别的压缩包.xtbak'),
      bytes: zipSync({ 'readme.txt': strToU8('随便一个压缩包'), 'data/random.bin': random }),
      expect: [/这不是巡听备份文件：ZIP 中没有 manifest\.json/],
    },
    otherFormat: {
      path: join(dir, '别的程序的备份.zip'),
      bytes: zipSync({ 'manifest.json': strToU8(JSON.stringify({ format: 'other.app/1', tables: {} })) }),
      expect: [/这不是巡听备份：manifest\.json 的格式标识是 "other\.app\/1"/],
    },
    pdf: { path: join(dir, '报告.xtbak'), bytes: readFileSync(pdfPath), expect: [/这不是巡听备份文件（不是 ZIP 格式的 \.xtbak 文件）/] },
  };
  for (const f of Object.values(files)) writeFileSync(f.path, f.bytes);
  return files;
}

/** Every bad file is refused with its message, and the page's data stays exactly `before`. */
async function expectAllRefused(page: Page, files: ReturnType<typeof badFiles>, before: Tables, caPassphrase?: string) {
  for (const [what, f] of Object.entries(files)) {
    const text = await refusedRestore(page, f.path, caPassphrase);
    test.info().annotations.push({ type: `refused: ${what}`, description: text });
    for (const re of f.expect) expect(text, `${what}: ${text}`).toMatch(re);
  }
  expect(rowCounts(await readAllTables(page))).toEqual(rowCounts(before));
  expect(await readAllTables(page)).toEqual(before);
}

test('observer: backup from profile A restored into an empty profile B through the options page; every table equal; corrupt and foreign files refused, B untouched', async () => {
  test.setTimeout(90_000);
  const browsers: RunningBrowser[] = [];
  try {
    const a = await launchChromium({ profileDir: await newProfileDir('backup-observer-a'), extensionDir: EXT });
    browsers.push(a);
    const optionsA = await openExtensionPage(a, 'options.html');
    const errorsA = collectConsoleErrors(optionsA);
    // A second template, so that more than the defaults travel.
    const custom = { ...structuredClone(template), id: 'custom-2026', title: '本单位自定评分表' };
    await optionsA
      .getByLabel('导入评分表（巡听办发布的签名 PDF，或 JSON 文件）', { exact: true })
      .setInputFiles({ name: 'custom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(custom)) });
    await expect(optionsA.getByRole('status').filter({ hasText: '已导入评分表' })).toContainText('已导入评分表「本单位自定评分表」');

    // An observation, signed by hand, finalised, its report saved (a PDF in the reports table).
    const panelA = await openExtensionPage(a, 'sidepanel.html');
    await panelA.setViewportSize({ width: 360, height: 900 });
    const panelErrorsA = collectConsoleErrors(panelA);
    const filled = await fillObservation(panelA);
    await signByDrawing(panelA);
    await completeForFinalize(panelA);
    await panelA.getByRole('button', { name: '定稿', exact: true }).click();
    await expect(panelA.locator('p.banner[role="status"]')).toContainText('定稿（第 1 版），内容已锁定');
    const pdf = await previewAndDownload(panelA);
    // The page-level notice (the same outcome also shows beside the button pressed).
    await expect(panelA.locator('p.notice[role="status"]').filter({ hasText: '已保存报告' })).toBeVisible();
    const [recordA] = await readStoredRecords(panelA, 'xunting');
    expect((recordA as { status: string }).status).toBe('final');

    const backup = await exportBackup(optionsA);
    const tablesA = await readAllTables(optionsA);
    expect(rowCounts(tablesA)).toMatchObject({ observations: 1, records: 1, versions: 1, reports: 1, templates: 2, units: 69, identities: 0 });
    expect(tablesA.snapshots.length).toBeGreaterThan(0);
    // What the panel said it exported is what A holds.
    const exportedList = await backupCard(optionsA).getByRole('list', { name: '已导出的数据' }).innerText();
    expect(exportedList).toContain('巡听记录：1');
    expect(exportedList).toContain('报告 PDF：1');
    expect(exportedList).toContain('评分表：2');

    // B: a new, empty profile (its options page seeds the built-in template and roster).
    const b = await launchChromium({ profileDir: await newProfileDir('backup-observer-b'), extensionDir: EXT });
    browsers.push(b);
    const optionsB = await openExtensionPage(b, 'options.html');
    const errorsB = collectConsoleErrors(optionsB);
    await expect(optionsB.getByRole('heading', { name: '单位名单（69 个）' })).toBeVisible();
    expect(rowCounts(await readAllTables(optionsB))).toMatchObject({ observations: 0, records: 0, reports: 0, templates: 1 });
    await startRestore(optionsB, backup.path);
    // The observer is told, and the page shows the restored data without a reload.
    await expect(backupCard(optionsB).getByRole('status')).toHaveText(`已从备份「${backup.name}」恢复本机数据`, { timeout: 30_000 });
    await expect(optionsB.getByRole('heading', { name: '单位名单（69 个）' })).toBeVisible();
    await expect(optionsB.getByRole('cell', { name: '本单位自定评分表' })).toBeVisible();
    const tablesB = await readAllTables(optionsB);
    expect(rowCounts(tablesB)).toEqual(rowCounts(tablesA));
    for (const t of Object.keys(tablesA)) expect(tablesB[t], `table ${t}`).toEqual(tablesA[t]);

    // B's side panel lists the observation and opens it as it was.
    const panelB = await openExtensionPage(b, 'sidepanel.html');
    await panelB.setViewportSize({ width: 360, height: 900 });
    const panelErrorsB = collectConsoleErrors(panelB);
    const row = panelB.locator('.list-item').filter({ hasText: filled.unitName });
    // The panel reopens the observation that was open in A (a setting that travels too), or shows the list.
    const back = panelB.getByRole('button', { name: '返回列表' });
    await expect(back.or(panelB.getByRole('button', { name: '新建巡听记录' }))).toBeVisible();
    if (await back.isVisible()) await back.click();
    await expect(panelB.getByRole('heading', { name: '已定稿（1）' })).toBeVisible();
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('已定稿');
    await row.click();
    await expectFilled(panelB, filled);
    const [recordB] = await readStoredRecords(panelB, 'xunting');
    expect(recordB).toEqual(recordA);

    // Files that are not this program's backup, or are damaged: refused, and B stays as it is.
    const before = await readAllTables(optionsB);
    await expectAllRefused(optionsB, badFiles(backup.path, pdf), before);
    expect([...errorsA, ...panelErrorsA, ...errorsB, ...panelErrorsB]).toEqual([]);
  } finally {
    for (const rb of browsers) await rb.close();
  }
});

test('supervisor: CA, trust list, roster, plan and 45 collected reports restored into an empty dashboard with the CA passphrase; same coverage; the restored CA issues certificates that chain to the original; bad files refused', async () => {
  test.setTimeout(120_000);
  const corpus = await cachedSeedCorpus();
  const good = corpus.files.filter((f) => f.kind === 'good');
  const browsers: RunningBrowser[] = [];
  try {
    const s = await launchChromium({ profileDir: await newProfileDir('backup-supervisor-s'), extensionDir: EXT });
    browsers.push(s);
    const dashS = await openExtensionPage(s, 'dashboard.html');
    const errorsS = collectConsoleErrors(dashS);
    await createCaInDashboard(dashS);
    const caCert = parseCertificate(readFileSync(await downloadCaPem(dashS), 'utf8'));
    // One observer in the register (a CSR made in Node). The own CA is on the trust list; the corpus's CA is added below.
    const first = await createIdentityRequest({ name: '王喆', org: '锡林郭勒盟委组织部' });
    await issueInDashboard(dashS, first.csrPem, '王喆');
    await setUpSupervisor(dashS, corpus);
    await chooseReports(
      dashS,
      corpus.files.map((f) => f.path),
    );
    await expect(dashS.getByRole('status').filter({ hasText: '接收' })).toHaveText(
      `接收 ${good.length}，重复 0，被取代 0，拒收 ${corpus.files.length - good.length}`,
      { timeout: 60_000 },
    );
    await expect(dashS.getByText(`已收集 ${good.length} 份有效报告`)).toBeVisible();
    await dashS.getByRole('button', { name: '覆盖统计' }).click();
    await dashS.getByLabel('统计范围（年度或起止年度）').fill('2026');
    await expect(dashS.getByText('已覆盖 40 个，58.0%', { exact: true })).toBeAttached();

    await dashS.getByRole('button', { name: '备份与恢复' }).click();
    const backup = await exportBackup(dashS);
    const tablesS = await readAllTables(dashS);
    expect(rowCounts(tablesS)).toMatchObject({ authority: 1, issued: 1, trust: 2, collected: good.length, collectedFiles: good.length, plans: 1, units: 69 });

    // T: an empty profile. A wrong CA passphrase first: refused, nothing restored.
    const t = await launchChromium({ profileDir: await newProfileDir('backup-supervisor-t'), extensionDir: EXT });
    browsers.push(t);
    const dashT = await openExtensionPage(t, 'dashboard.html');
    const errorsT = collectConsoleErrors(dashT);
    await dashT.getByRole('button', { name: '备份与恢复' }).click();
    await expect(backupCard(dashT)).toBeVisible();
    const emptyT = await readAllTables(dashT);
    expect(rowCounts(emptyT)).toMatchObject({ authority: 0, collected: 0, trust: 0, plans: 0 });
    const wrong = await refusedRestore(dashT, backup.path, '不是这个口令12345');
    expect(wrong).toContain('CA 备份口令不正确，未恢复任何数据');
    expect(await readAllTables(dashT)).toEqual(emptyT);

    await startRestore(dashT, backup.path, CA_PASSPHRASE);
    await expect(backupCard(dashT).getByRole('status')).toHaveText(`已从备份「${backup.name}」恢复本机数据`, { timeout: 30_000 });
    await expect(backupCard(dashT).getByRole('list', { name: '恢复后的数据' })).toContainText(`收到的报告：${good.length}`);
    const tablesT = await readAllTables(dashT);
    expect(rowCounts(tablesT)).toEqual(rowCounts(tablesS));
    for (const name of Object.keys(tablesS)) expect(tablesT[name], `table ${name}`).toEqual(tablesS[name]);

    // The same figures on screen.
    await dashT.getByRole('button', { name: '覆盖统计' }).click();
    await dashT.getByLabel('统计范围（年度或起止年度）').fill('2026');
    await expect(dashT.getByText('已覆盖 40 个，58.0%', { exact: true })).toBeAttached();
    await dashT.getByRole('button', { name: '报告收集' }).click();
    await expect(dashT.getByText(`已收集 ${good.length} 份有效报告`)).toBeVisible();

    // The restored CA issues a certificate; a PDF signed with it verifies against the ORIGINAL CA certificate.
    await dashT.getByRole('button', { name: '证书颁发' }).click();
    await expect(dashT.getByRole('table')).toContainText('王喆');
    const second = await createIdentityRequest({ name: '刘珺', org: '锡林郭勒盟委宣传部' });
    const issuedPem = await issueInDashboard(dashT, second.csrPem, '刘珺');
    await expect(dashT.getByRole('table')).toContainText('刘珺');
    const identity = await importIssuedCertificate(second.keys, issuedPem);
    const signed = await signPdf(demoReport().pdf, { key: identity.privateKey, certificate: identity.certificate, chain: identity.chain });
    const verdict = await verifyPdf(signed, { trust: { cas: [caCert] } });
    expect(verdict.ok, verdict.ok ? '' : verdict.reason).toBe(true);

    // Damaged and foreign files: refused, T unchanged.
    await dashT.getByRole('button', { name: '备份与恢复' }).click();
    const before = await readAllTables(dashT);
    await expectAllRefused(dashT, badFiles(backup.path, good[0].path), before, CA_PASSPHRASE);
    expect([...errorsS, ...errorsT]).toEqual([]);
  } finally {
    for (const rb of browsers) await rb.close();
  }
});
