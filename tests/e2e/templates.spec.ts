import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, type RunningBrowser } from './support/browser';
import { typed } from './support/fill-observation';
import { signByDrawing } from './support/report-flow';
import { createCaInDashboard, finalizeAndSign, importCertificate, issueInDashboard, requestIdentity } from './support/signing-flow';
import { pdfsig, tempDir } from '../fixtures/sign/tools';

const EXT = resolve('.output/chrome-mv3');

/** The template the supervisor builds in the editor: two sections, five items, one of them a deduction. */
const SECTIONS = [
  {
    title: '学习组织',
    items: [
      ['制定年度学习计划', '20'],
      ['提前印发学习通知', '20'],
      ['落实第一议题', '20'],
    ],
  },
  {
    title: '学习纪律',
    items: [
      ['无故缺席或迟到', '20', 'deduction'],
      ['会中处理其他事务', '20'],
    ],
  },
] as const;
const ITEM_TITLES = SECTIONS.flatMap((s) => s.items.map((i) => i[0]));

async function buildTemplate(dash: Page) {
  await dash.getByRole('button', { name: '评分表', exact: true }).click();
  await dash.getByRole('button', { name: '新建评分表' }).click();
  await dash.getByLabel('评分表名称').fill('2027 年中心组学习评分表');
  for (const [si, s] of SECTIONS.entries()) {
    if (si > 0) await dash.getByRole('button', { name: '添加部分' }).click();
    await dash.getByLabel(`第 ${si + 1} 部分名称`).fill(s.title);
    for (const [title, max, kind] of s.items) {
      await dash.getByRole('button', { name: `在「${s.title}」中添加评分项` }).click();
      const item = dash
        .getByRole('region', { name: `部分：${s.title}` })
        .getByRole('group')
        .last();
      await item.getByLabel('评分项名称').fill(title);
      await item.getByLabel('满分').fill(max);
      if (kind) await item.getByLabel('评分方式').selectOption(kind);
    }
  }
  await expect(dash.getByText(/满分合计/)).toHaveText('共 2 个部分、5 个评分项，满分合计 100 分');
  // A mistake is shown at its field, and publishing waits until it is fixed.
  await dash.getByLabel('下限（分）').nth(1).fill('95');
  await expect(dash.getByText('等次须按下限从高到低排列，且下限各不相同')).toBeVisible();
  await expect(dash.getByRole('button', { name: '发布第 1 版' })).toBeDisabled();
  await dash.getByLabel('下限（分）').nth(1).fill('80');
  const download = dash.waitForEvent('download');
  await dash.getByRole('button', { name: '发布第 1 版' }).click();
  const d = await download;
  const path = join(tempDir('xunting-e2e-sheet-'), '评分表.pdf');
  await d.saveAs(path);
  await expect(dash.getByRole('status')).toContainText('已发布「2027 年中心组学习评分表」第 1 版');
  await expect(dash.getByText(/第 1 版：已发布/)).toBeVisible();
  return path;
}

test('a template built in the editor, published, imported by an observer in another profile, used, finalised and signed', async () => {
  test.setTimeout(240_000);
  const browsers: RunningBrowser[] = [];
  try {
    const supervisor = await launchChromium({ profileDir: await newProfileDir('tpl-supervisor'), extensionDir: EXT });
    browsers.push(supervisor);
    const dash = await openExtensionPage(supervisor, 'dashboard.html');
    const dashErrors = collectConsoleErrors(dash);
    await createCaInDashboard(dash);
    const sheet = await buildTemplate(dash);
    expect(pdfsig(sheet).text).toContain('Signature is Valid.');
    const text = spawnSync('pdftotext', [sheet, '-'], { encoding: 'utf8' }).stdout;
    for (const t of [...ITEM_TITLES, ...SECTIONS.map((s) => s.title)]) expect(text).toContain(t);

    const observer = await launchChromium({ profileDir: await newProfileDir('tpl-observer'), extensionDir: EXT });
    browsers.push(observer);
    const options = await openExtensionPage(observer, 'options.html');
    const optionErrors = collectConsoleErrors(options);
    await dash.getByRole('button', { name: '证书颁发' }).click();
    const csr = await requestIdentity(options, '王喆', '锡林郭勒盟委组织部');
    await importCertificate(options, await issueInDashboard(dash, csr, '王喆'), '王喆');
    await options.getByLabel('导入评分表（巡听办发布的签名 PDF，或 JSON 文件）', { exact: true }).setInputFiles(sheet);
    await expect(options.getByRole('status').filter({ hasText: '发布的评分表' })).toContainText('评分表「2027 年中心组学习评分表」（第 1 版');

    const panel = await openExtensionPage(observer, 'sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 900 });
    const panelErrors = collectConsoleErrors(panel);
    await panel.getByRole('button', { name: '新建巡听记录' }).click();
    const unit = panel.getByRole('combobox', { name: '被巡听单位' });
    await unit.click();
    await unit.pressSequentially(typed.unitQuery);
    await expect(panel.getByRole('option').first()).toBeVisible();
    await unit.press('Enter');
    await panel.getByLabel('学习主题', { exact: true }).fill(typed.theme);
    await panel.getByLabel('地点', { exact: true }).fill(typed.place);
    await panel.getByLabel('主持人', { exact: true }).fill(typed.chair);
    await panel.getByLabel('领学人', { exact: true }).fill(typed.leadReader);
    await panel.getByLabel('应到人数', { exact: true }).fill(typed.expected);
    await panel.getByLabel('实到人数', { exact: true }).fill(typed.present);
    await panel.getByLabel('开始时间', { exact: true }).fill('09:00');
    await panel.getByLabel('结束时间', { exact: true }).fill('11:10');
    for (const s of SECTIONS)
      for (const [title, , kind] of s.items) await panel.getByLabel(`${title}${kind ? ' 扣分' : ' 得分'}`, { exact: true }).fill(kind ? '5' : '18');
    await panel.getByLabel('主要做法及亮点', { exact: true }).fill(typed.highlights);
    await panel.getByLabel('存在问题', { exact: true }).fill(typed.problems);
    await signByDrawing(panel);
    const signed = await finalizeAndSign(panel);
    const report = spawnSync('pdftotext', [signed, '-'], { encoding: 'utf8' }).stdout;
    for (const t of ITEM_TITLES) expect(report).toContain(t);
    // Printed in the official style: no space between digits and Chinese.
    expect(report).toContain('2027年中心组学习评分表');
    expect(pdfsig(signed).text).toContain('Signature is Valid.');

    expect([...dashErrors, ...optionErrors, ...panelErrors]).toEqual([]);
  } finally {
    for (const b of browsers) await b.close();
  }
});
