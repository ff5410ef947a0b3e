import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { tempDir } from '../../unit/pdf/poppler';
import { items } from './fill-observation';

export const CA_PASSPHRASE = '巡听办备份口令2026';

/** The supervisor creates the CA in the dashboard; returns the path of the downloaded backup. */
export async function createCaInDashboard(dash: Page): Promise<string> {
  await dash.getByRole('button', { name: '证书颁发' }).click();
  await dash.getByLabel('CA 名称').fill('锡林郭勒盟直属机关工委巡听办');
  await dash.getByLabel('所属单位').fill('中共锡林郭勒盟委直属机关工作委员会');
  await dash.getByLabel('备份口令（至少 8 个字符）').fill(CA_PASSPHRASE);
  await dash.getByLabel('再次输入备份口令').fill(CA_PASSPHRASE);
  const download = dash.waitForEvent('download');
  await dash.getByRole('button', { name: '建立 CA 并下载备份' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^CA备份-.+\.p12$/);
  const path = join(tempDir('xunting-e2e-ca-'), 'ca.p12');
  await d.saveAs(path);
  await expect(dash.getByRole('status')).toContainText('已建立 CA');
  return path;
}

/** The CA certificate as the dashboard shows it for download. */
export async function downloadCaPem(dash: Page): Promise<string> {
  const download = dash.waitForEvent('download');
  await dash.getByRole('button', { name: '下载 CA 证书（PEM）' }).click();
  const path = join(tempDir('xunting-e2e-capem-'), 'ca.pem');
  await (await download).saveAs(path);
  return path;
}

/** The observer makes a key and a CSR in the options page; returns the CSR's PEM text. */
export async function requestIdentity(options: Page, name: string, org: string): Promise<string> {
  await options.getByLabel('姓名', { exact: true }).fill(name);
  await options.getByLabel('单位', { exact: true }).fill(org);
  await options.getByRole('button', { name: '生成签名密钥和证书请求' }).click();
  const csr = options.getByLabel('证书请求（CSR）');
  await expect(csr).toHaveValue(/-----BEGIN CERTIFICATE REQUEST-----/);
  return csr.inputValue();
}

/** The supervisor issues a certificate for the CSR; returns the PEM bundle shown. */
export async function issueInDashboard(dash: Page, csrPem: string, name: string): Promise<string> {
  await dash.getByLabel('巡听人员的证书请求（CSR，PEM）').fill(csrPem);
  await dash.getByRole('button', { name: '核对证书请求' }).click();
  await expect(dash.getByRole('group', { name: '待签发的证书' })).toContainText(name);
  await dash.getByRole('button', { name: '签发', exact: true }).click();
  await expect(dash.getByRole('status')).toContainText(`已为 ${name}`);
  const issued = dash.getByLabel(`签发的证书（连同 CA 证书，交给 ${name} 导入）`);
  await expect(issued).toHaveValue(/-----BEGIN CERTIFICATE-----/);
  return issued.inputValue();
}

export async function importCertificate(options: Page, pem: string, name: string) {
  await options.getByLabel('粘贴签发的证书（PEM）').fill(pem);
  await options.getByRole('button', { name: '导入证书' }).click();
  await expect(options.getByRole('status')).toContainText(`已导入证书：${name}`);
  await expect(options.getByRole('definition').filter({ hasText: '有效' }).first()).toBeVisible();
}

/** What fillObservation leaves open before finalising: times and every required item. */
export async function completeForFinalize(page: Page) {
  await page.getByLabel('开始时间', { exact: true }).fill('09:00');
  await page.getByLabel('结束时间', { exact: true }).fill('11:10');
  for (const item of items) {
    const label = `${item.title}${item.kind === 'deduction' ? ' 扣分' : ' 得分'}`;
    const input = page.getByLabel(label, { exact: true });
    if ((await input.inputValue()) === '') await input.fill(String(item.kind === 'deduction' ? 0 : item.max));
  }
}

/** Finalise and sign in one step; returns the downloaded signed PDF's path. */
export async function finalizeAndSign(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '定稿并签名' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^巡听旁听情况记录表-.+-已签名\.pdf$/);
  const path = join(tempDir('xunting-e2e-signed-'), d.suggestedFilename());
  await d.saveAs(path);
  return path;
}
