import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { fillObservation, readStoredRecords, seriousA11yViolations } from './support/fill-observation';
import { signByDrawing, checkReportPdf } from './support/report-flow';
import {
  completeForFinalize,
  createCaInDashboard,
  downloadCaPem,
  finalizeAndSign,
  importCertificate,
  issueInDashboard,
  requestIdentity,
} from './support/signing-flow';
import { nssDbTrusting, pdfsig, run, tempDir } from '../fixtures/sign/tools';
import { observer } from '../fixtures/sign/pki';
import { demoReport } from '../fixtures/sign/reports';
import { createCa, signPdf } from '../../utils/sign';

const EXT = resolve('.output/chrome-mv3');

test('CA in the dashboard, identity in the options page, 定稿并签名 in the side panel, 会签 by a second observer: pdfsig says valid and trusted', async () => {
  test.setTimeout(180_000);
  const browsers: RunningBrowser[] = [];
  try {
    // Three people, three browser profiles: the supervisor and two observers of one group.
    const supervisor = await launchChromium({ profileDir: await newProfileDir('sign-supervisor'), extensionDir: EXT });
    browsers.push(supervisor);
    const dash = await openExtensionPage(supervisor, 'dashboard.html');
    const dashErrors = collectConsoleErrors(dash);
    await createCaInDashboard(dash);
    const caPem = readFileSync(await downloadCaPem(dash), 'utf8');
    expect(caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const first = await launchChromium({ profileDir: await newProfileDir('sign-observer-1'), extensionDir: EXT });
    browsers.push(first);
    const options1 = await openExtensionPage(first, 'options.html');
    const optionErrors = collectConsoleErrors(options1);
    const csr1 = await requestIdentity(options1, '王喆', '锡林郭勒盟委组织部');
    await importCertificate(options1, await issueInDashboard(dash, csr1, '王喆'), '王喆');
    await expect(dash.getByRole('table')).toContainText('王喆');
    expect(await seriousA11yViolations(dash)).toEqual([]);
    expect(await seriousA11yViolations(options1)).toEqual([]);

    const panel = await openExtensionPage(first, 'sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 900 });
    const panelErrors = collectConsoleErrors(panel);
    const filled = await fillObservation(panel);
    await signByDrawing(panel);
    // Before 定稿 the report card says the report will be signed, and by whom.
    const card = panel.locator('section.card', { has: panel.getByRole('heading', { name: '签名与报告' }) });
    await expect(card.getByTestId('identity-status')).toContainText('数字签名身份：王喆（证书有效至');
    await expect(card.getByTestId('identity-status')).toContainText('定稿后报告将加数字签名');
    await completeForFinalize(panel);
    const signedPath = await finalizeAndSign(panel);
    // The outcome beside the button pressed, and the page-level notice.
    await expect(panel.locator('section.finalize').getByRole('status')).toContainText('已定稿（第 1 版），已签名并保存报告');
    await expect(panel.locator('.notice[role="status"]')).toContainText('已签名并保存报告');
    // 签名并保存 PDF again from the report card: its outcome shows in the card.
    const again = panel.waitForEvent('download');
    await card.getByRole('button', { name: '签名并保存 PDF' }).click();
    await again;
    await expect(card.getByRole('status').filter({ hasText: '已签名并保存报告 巡听旁听情况记录表-' })).toBeVisible();

    // What the supervisor's tools say.
    const nss = nssDbTrusting(caPem);
    const one = pdfsig(signedPath, nss);
    expect(one.signatures).toHaveLength(1);
    expect(one.signatures[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
    expect(one.text).toContain('王喆');
    const [stored] = await readStoredRecords(panel, 'xunting');
    expect((stored as { status: string }).status).toBe('final');
    checkReportPdf(signedPath, filled.unitName, stored);

    // The second observer countersigns in their own extension.
    const second = await launchChromium({ profileDir: await newProfileDir('sign-observer-2'), extensionDir: EXT });
    browsers.push(second);
    const options2 = await openExtensionPage(second, 'options.html');
    const csr2 = await requestIdentity(options2, '刘珺', '锡林郭勒盟委宣传部');
    await importCertificate(options2, await issueInDashboard(dash, csr2, '刘珺'), '刘珺');
    const panel2 = await openExtensionPage(second, 'sidepanel.html');
    const panel2Errors = collectConsoleErrors(panel2);
    await panel2.getByLabel('选择要会签的报告（PDF）').setInputFiles(signedPath);
    const verdict = panel2.getByRole('group', { name: /^核验结果/ });
    await expect(verdict).toContainText('签名有效');
    await expect(verdict).toContainText('王喆');
    await expect(verdict).toContainText(filled.unitName);
    const download = panel2.waitForEvent('download');
    await panel2.getByRole('button', { name: '会签并保存' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/-已会签\.pdf$/);
    const countersigned = join(tempDir('xunting-e2e-cosign-'), 'cosigned.pdf');
    await d.saveAs(countersigned);
    const two = pdfsig(countersigned, nss);
    expect(two.signatures).toHaveLength(2);
    expect(two.signatures.every((s) => s.valid && s.trusted)).toBe(true);
    expect(two.signatures[1].totalDocument).toBe(true);
    expect(two.signatures[0].text).toContain('王喆');
    expect(two.signatures[1].text).toContain('刘珺');
    // Each signature has its visible box under the 巡听人员 table, with the names and units the certificates hold.
    const boxes = run('pdftotext', [countersigned, '-']).out.replace(/\s+/g, '');
    for (const [name, unit] of [
      ['王喆', '锡林郭勒盟委组织部'],
      ['刘珺', '锡林郭勒盟委宣传部'],
    ]) {
      expect(boxes).toContain(`数字签名：${name}`);
      expect(boxes).toContain(`单位：${unit}`);
    }
    // The record still travels inside, unchanged.
    checkReportPdf(countersigned, filled.unitName, stored);

    // Opening the countersigned file again: both signatures listed, and no second countersign.
    await panel2.getByLabel('选择要会签的报告（PDF）').setInputFiles(countersigned);
    await expect(panel2.getByRole('group', { name: /^核验结果/ }).getByRole('listitem')).toHaveCount(2);
    await expect(panel2.getByText('您已经签过这份报告。')).toBeVisible();

    expect([...dashErrors, ...optionErrors, ...panelErrors, ...panel2Errors]).toEqual([]);
  } finally {
    for (const b of browsers) await b.close();
  }
});

test('a report signed under an unknown CA, or not a PDF, is refused for countersigning with its reason', async () => {
  const ca = await createCa({ name: '外盟巡听办', org: '外盟工委' });
  const stranger = await observer(ca, '王五');
  const signed = await signPdf(demoReport().pdf, { key: stranger.privateKey, certificate: stranger.certificate, chain: stranger.chain });
  const dir = tempDir('xunting-e2e-foreign-');
  const foreign = join(dir, '外盟报告.pdf');
  const notPdf = join(dir, '报告.pdf');
  writeFileSync(foreign, signed);
  writeFileSync(notPdf, '这不是 PDF');
  const a = await launchChromium({ profileDir: await newProfileDir('sign-lonely'), extensionDir: EXT });
  try {
    const panel = await openExtensionPage(a, 'sidepanel.html');
    const errors = collectConsoleErrors(panel);
    const input = panel.getByLabel('选择要会签的报告（PDF）');
    await input.setInputFiles(foreign);
    const verdict = panel.getByRole('group', { name: /^核验结果/ });
    await expect(verdict).toContainText('未通过核验');
    await expect(verdict).toContainText('签名人「王五」的证书不是由受信任的 CA 签发的');
    await expect(panel.getByRole('button', { name: '会签并保存' })).toHaveCount(0);
    await input.setInputFiles(notPdf);
    await expect(verdict).toContainText('未通过核验');
    await expect(verdict).toContainText('PDF');
    expect(errors).toEqual([]);
  } finally {
    await a.close();
  }
});
