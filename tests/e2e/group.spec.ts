/**
 * A 巡听组 of three scores one session independently, in three browser profiles: the lead
 * invites, two members score on their own and submit signed 独立评分表, the lead imports them
 * (a tampered copy and a second copy are refused with the reason), reconciles item by item
 * (an agreed score outside the members' range needs a reason), and finalises and signs the
 * report: pdfsig says valid and trusted, and the appendix 组员独立评分对照 is in it.
 * The supervisor's CA issues the certificates from this test process (as `xunting ca issue`).
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { fillObservation, items, seriousA11yViolations } from './support/fill-observation';
import { signByDrawing } from './support/report-flow';
import { completeForFinalize, finalizeAndSign, importCertificate, requestIdentity } from './support/signing-flow';
import { nssDbTrusting, pdfsig, run, tempDir } from '../fixtures/sign/tools';
import { certificateToPem, createCa, issueCertificate, parseCsr, type Identity } from '../../utils/sign';
import type { RubricItem } from '../../utils/rubric';

const EXT = resolve('.output/chrome-mv3');
const SHOTS = '/tmp/xunting-group-shots';

async function identityFor(rb: RunningBrowser, ca: Identity, name: string) {
  const options = await openExtensionPage(rb, 'options.html');
  const csr = await requestIdentity(options, name, '锡林郭勒盟委组织部');
  const cert = await issueCertificate(ca, parseCsr(csr));
  await importCertificate(options, `${certificateToPem(cert)}${certificateToPem(ca.certificate)}`, name);
  await options.close();
}

const scoreLabel = (item: RubricItem) => `${item.title}${item.kind === 'deduction' ? ' 扣分' : ' 得分'}`;
const onGrid = (v: number, item: RubricItem) => Math.max(0, Math.min(item.max, Number(v.toFixed(3))));

/** Each member's entry: the lead gives full marks; member 1 one step less, member 2 two steps less (deductions: more). */
function entry(item: RubricItem, who: 0 | 1 | 2): number {
  return item.kind === 'deduction' ? onGrid(who * item.step, item) : onGrid(item.max - who * item.step, item);
}
/** Independently of utils/group: the mean, half up to the step. */
function agreed(item: RubricItem): number {
  const mean = (entry(item, 0) + entry(item, 1) + entry(item, 2)) / 3;
  return Number((Math.floor(mean / item.step + 0.5 + 1e-9) * item.step).toFixed(3));
}

async function scoreAll(page: Page, who: 0 | 1 | 2) {
  for (const item of items) await page.getByLabel(scoreLabel(item), { exact: true }).fill(String(entry(item, who)));
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<{ path: string; suggested: string }> {
  const d = page.waitForEvent('download');
  await click();
  const got = await d;
  const path = join(tempDir('xunting-e2e-group-'), name);
  await got.saveAs(path);
  return { path, suggested: got.suggestedFilename() };
}

async function member(rb: RunningBrowser, ca: Identity, name: string, invitation: string, who: 1 | 2): Promise<string> {
  await identityFor(rb, ca, name);
  const panel = await openExtensionPage(rb, 'sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 900 });
  const errors = collectConsoleErrors(panel);
  await panel.getByLabel('您的姓名（组员）').fill(name);
  await panel.getByLabel('组长的邀请文件（可选）').setInputFiles(invitation);
  await panel.getByRole('button', { name: '以组员身份新建' }).click();
  // The session as the lead set it up; the scores are the member's own, on the same form.
  await expect(panel.getByLabel('学习主题', { exact: true })).not.toHaveValue('');
  await expect(panel.getByRole('heading', { name: '组员独立评分' })).toBeVisible();
  await scoreAll(panel, who);
  const sheet = await download(panel, () => panel.getByRole('button', { name: '提交独立评分' }).click(), `member-${who}.pdf`);
  expect(sheet.suggested).toMatch(new RegExp(`^独立评分表-.+-${name}\\.pdf$`));
  await expect(panel.getByRole('status').filter({ hasText: '请把它交给组长' })).toBeVisible();
  await panel.screenshot({ path: `${SHOTS}/member-${who}-360.png`, fullPage: false });
  expect(errors).toEqual([]);
  return sheet.path;
}

test('three profiles: two members submit signed independent scores, the lead reconciles and signs the report with the appendix', async () => {
  test.setTimeout(300_000);
  const browsers: RunningBrowser[] = [];
  const ca = await createCa({ name: '锡林郭勒盟直属机关工委巡听办', org: '中共锡林郭勒盟委直属机关工作委员会' });
  const caPem = certificateToPem(ca.certificate);
  try {
    const leadBrowser = await launchChromium({ profileDir: await newProfileDir('group-lead'), extensionDir: EXT });
    browsers.push(leadBrowser);
    await identityFor(leadBrowser, ca, '王喆');
    const lead = await openExtensionPage(leadBrowser, 'sidepanel.html');
    await lead.setViewportSize({ width: 1280, height: 900 });
    const leadErrors = collectConsoleErrors(lead);
    const filled = await fillObservation(lead);
    await signByDrawing(lead);
    await completeForFinalize(lead);
    await scoreAll(lead, 0);
    const invitation = await download(lead, () => lead.getByRole('button', { name: '下载组员邀请文件' }).click(), 'invite.json');
    expect(invitation.suggested).toMatch(/^巡听组邀请-.+\.json$/);

    const m1 = await launchChromium({ profileDir: await newProfileDir('group-member-1'), extensionDir: EXT });
    browsers.push(m1);
    const sheet1 = await member(m1, ca, '刘珺', invitation.path, 1);
    const m2 = await launchChromium({ profileDir: await newProfileDir('group-member-2'), extensionDir: EXT });
    browsers.push(m2);
    const sheet2 = await member(m2, ca, '张海峰', invitation.path, 2);

    // Each member sheet is a signed PDF the supervisor's tools accept as a signature, on one page.
    const nss = nssDbTrusting(caPem);
    expect(pdfsig(sheet1, nss).signatures[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
    expect(run('pdftotext', ['-layout', sheet2, '-']).out).toContain('组员独立评分表');

    // A tampered copy is refused by the verifier, with its reason; the good ones are taken.
    const bytes = new Uint8Array(readFileSync(sheet2));
    const tampered = join(tempDir('xunting-e2e-group-'), 'tampered.pdf');
    const at = bytes.length - 2000;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(tampered, bytes);
    await lead.getByLabel('导入组员的独立评分表（PDF，可多选）').setInputFiles([sheet1, sheet2, tampered]);
    const results = lead.getByRole('list', { name: '导入结果' });
    await expect(results).toContainText('接收，组员「刘珺」');
    await expect(results).toContainText('接收，组员「张海峰」');
    await expect(results.getByRole('listitem').filter({ hasText: 'tampered.pdf' })).toContainText('拒收');
    // The same member twice is refused too.
    await lead.getByLabel('导入组员的独立评分表（PDF，可多选）').setInputFiles([sheet1]);
    await expect(results).toContainText('组员「刘珺」的独立评分已经导入过');

    // The table: every member's score, the agreed score is the rounded mean.
    const table = lead.getByRole('table', { name: '组员独立评分对照' });
    await expect(table).toContainText('刘珺');
    await expect(table).toContainText('张海峰');
    for (const item of items) await expect(lead.getByLabel(`${item.title} 组定分`, { exact: true })).toHaveValue(String(agreed(item)));
    // Spread of two steps on a small item (2 steps of 1 on a 4-point item = ¼, not above; on a 3-point item, above): flagged.
    const small = items.find((i) => i.kind === 'score' && 2 * i.step > i.max / 4)!;
    await expect(table.locator(`tr[data-item="${small.id}"]`)).toHaveClass(/flagged/);

    // The lead sets one agreed score below everyone's: a reason is required before finalising.
    const changed = items.find((i) => i.kind === 'score' && i.max - 2 * i.step > 0)!;
    const low = onGrid(changed.max - 3 * changed.step, changed);
    await lead.getByLabel(`${changed.title} 组定分`, { exact: true }).fill(String(low));
    await lead.getByLabel(`${changed.title} 组定分`, { exact: true }).press('Tab');
    await expect(table.getByRole('alert')).toContainText('须填写理由');
    await lead.getByRole('button', { name: '定稿并签名' }).click();
    await expect(lead.getByText('组定分超出组员评分范围，须填写理由').first()).toBeVisible();
    await lead.getByLabel(`${changed.title} 调整理由`, { exact: true }).fill('会后核实学习记录缺页');
    await expect(table.getByRole('alert')).toHaveCount(0);
    await lead.screenshot({ path: `${SHOTS}/lead-1280.png`, fullPage: true });
    await lead.setViewportSize({ width: 360, height: 900 });
    await table.scrollIntoViewIfNeeded();
    await lead.screenshot({ path: `${SHOTS}/lead-360.png` });
    expect(await seriousA11yViolations(lead, lead.locator('section[aria-labelledby="h-lead-reconcile"]'))).toEqual([]);

    const signed = await finalizeAndSign(lead);
    const sig = pdfsig(signed, nss);
    expect(sig.signatures).toHaveLength(1);
    expect(sig.signatures[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
    const text = run('pdftotext', ['-layout', signed, '-']).out;
    expect(text).toContain(filled.unitName);
    const appendix = text.slice(text.indexOf('附：组员独立评分对照'));
    expect(text.indexOf('附：组员独立评分对照')).toBeGreaterThan(text.indexOf('巡听人员'));
    expect(appendix).toContain('刘珺');
    expect(appendix).toContain('张海峰');
    // The reason wraps across lines in the PDF.
    expect(appendix.replace(/\s+/g, '')).toContain('会后核实学习记录缺页');
    expect(leadErrors).toEqual([]);
  } finally {
    for (const b of browsers) await b.kill();
  }
});
