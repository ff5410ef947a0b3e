import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { createCaInDashboard, importCertificate, issueInDashboard, requestIdentity } from './support/signing-flow';

const EXT = resolve('.output/chrome-mv3');

test('pages follow each other: an identity made in the options tab shows in the open side panel, a roster import in the open dashboard, without a reload', async () => {
  test.setTimeout(120_000);
  const rb = await launchChromium({ profileDir: await newProfileDir('live-updates'), extensionDir: EXT });
  try {
    const panel = await openExtensionPage(rb, 'sidepanel.html');
    const panelErrors = collectConsoleErrors(panel);
    await panel.getByRole('button', { name: '新建巡听记录' }).click();
    await expect(panel.getByRole('button', { name: '定稿', exact: true })).toBeVisible();

    const dash = await openExtensionPage(rb, 'dashboard.html');
    await createCaInDashboard(dash);
    const options = await openExtensionPage(rb, 'options.html');
    const csr = await requestIdentity(options, '王喆', '锡林郭勒盟委组织部');
    await importCertificate(options, await issueInDashboard(dash, csr, '王喆'), '王喆');

    // The side panel was never reloaded: its finalise button now signs too.
    await expect(panel.getByRole('button', { name: '定稿并签名' })).toBeVisible();

    // A roster imported in the options page shows in the dashboard's open roster tab.
    await dash.getByRole('button', { name: '名单与计划' }).click();
    await expect(dash.getByRole('heading', { name: /^单位名单（\d+ 个）$/ })).not.toHaveText('单位名单（2 个）');
    await options
      .getByLabel('导入单位名单（Excel .xlsx、CSV 或 JSON，含“单位名称”列）', { exact: true })
      .setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from('单位名称,类别\n甲单位,政府\n乙单位,事业\n', 'utf8') });
    await expect(options.getByRole('heading', { name: '单位名单（2 个）' })).toBeVisible();
    await expect(dash.getByRole('heading', { name: '单位名单（2 个）' })).toBeVisible();
    await expect(dash.getByRole('table', { name: / 年计划$/ })).toContainText('乙单位');
    expect(panelErrors).toEqual([]);
  } finally {
    await rb.close();
  }
});
