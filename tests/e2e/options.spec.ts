import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';

const template = JSON.parse(readFileSync('public/defaults/rubric-default.json', 'utf8'));
const file = (name: string, text: string, mimeType = 'application/json') => ({ name, mimeType, buffer: Buffer.from(text, 'utf8') });

test('options: bad templates and rosters are refused with their problems and nothing stored changes; good ones import and export', async () => {
  const rb = await launchChromium({ profileDir: await newProfileDir('ext-options'), extensionDir: resolve('.output/chrome-mv3') });
  try {
    const page = await openExtensionPage(rb, 'options.html');
    const errors = collectConsoleErrors(page);
    const rows = page.locator('section', { has: page.getByRole('heading', { name: '评分表模板' }) }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    const before = await rows.allTextContents();
    const upload = page.getByLabel('导入评分表（巡听办发布的签名 PDF，或 JSON 文件）', { exact: true });

    await upload.setInputFiles(file('broken.json', '{ "format": "xunting.rubric/1", '));
    await expect(page.getByRole('alert')).toContainText('模板文件不是有效的 JSON');

    const dup = structuredClone(template);
    dup.id = 'dup';
    dup.sections[1].items[0].id = dup.sections[0].items[0].id;
    dup.sections[0].items[1].max = 0;
    dup.sections[0].items[2].step = 2;
    await upload.setInputFiles(file('dup.json', JSON.stringify(dup)));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`评分项编号 "${template.sections[0].items[0].id}" 重复`);
    await expect(alert).toContainText('满分须大于 0');
    await expect(alert).toContainText('不能整除满分');
    await expect(alert).toContainText('$.sections[1].items[0].id');
    expect(await rows.allTextContents()).toEqual(before);

    const good = structuredClone(template);
    good.id = 'custom-2026';
    good.title = '本单位自定评分表';
    await upload.setInputFiles(file('good.json', JSON.stringify(good)));
    await expect(page.getByRole('status')).toContainText('已导入评分表「本单位自定评分表」');
    await expect(rows).toHaveCount(2);

    const download = page.waitForEvent('download');
    await rows.filter({ hasText: '本单位自定评分表' }).getByRole('button', { name: '导出 JSON' }).click();
    const d = await download;
    const exported = JSON.parse(readFileSync((await d.path())!, 'utf8'));
    expect(exported).toEqual(good);

    const roster = page.getByLabel('导入单位名单（Excel .xlsx、CSV 或 JSON，含“单位名称”列）', { exact: true });
    await roster.setInputFiles(file('units.csv', '单位名称,类别\n锡林郭勒盟教育局,政府\n\n锡林郭勒盟 教育局,政府\n', 'text/csv'));
    await expect(page.getByRole('alert')).toContainText('重复');
    await expect(page.getByRole('heading', { name: '单位名单（69 个）' })).toBeVisible();
    await roster.setInputFiles(file('units.csv', '单位名称,类别\n甲单位,政府\n,政府\n', 'text/csv'));
    await expect(page.getByRole('alert')).toContainText('第 3 行');
    await expect(page.getByRole('heading', { name: '单位名单（69 个）' })).toBeVisible();
    await roster.setInputFiles(file('units.csv', '单位名称,类别\n甲单位,政府\n乙单位,事业\n', 'text/csv'));
    await expect(page.getByRole('heading', { name: '单位名单（2 个）' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});
