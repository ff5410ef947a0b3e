import { expect, type Page } from '@playwright/test';
import type { SeedCorpus } from '../../fixtures/collect/seed-corpus';

/** Trust the corpus's CA, import its GBK roster and plan CSV, as the supervisor would. */
export async function setUpSupervisor(dash: Page, corpus: SeedCorpus) {
  await dash.getByRole('button', { name: '信任列表' }).click();
  await dash.getByLabel('导入 CA 证书或个人证书（.pem / .crt / .cer）').setInputFiles(corpus.caPemPath);
  await expect(dash.getByRole('status')).toContainText('已加入信任列表');
  await dash.getByRole('button', { name: '名单与计划' }).click();
  await dash.getByLabel(/^导入单位名单/).setInputFiles(corpus.rosterGbkCsv);
  await expect(dash.getByRole('status').filter({ hasText: '已导入' })).toContainText(`已导入 ${corpus.units.length} 个单位`);
  await dash.getByLabel(/^导入计划/).setInputFiles(corpus.planCsv);
  await expect(dash.getByRole('status').filter({ hasText: '年计划（' })).toContainText(`已导入 2026 年计划（${corpus.plan.entries.length} 个单位）`);
}

/** Choose files through the browser's file chooser (as a person clicks the button). */
export async function chooseReports(dash: Page, paths: string[]) {
  await dash.getByRole('button', { name: '报告收集' }).click();
  const chooser = dash.waitForEvent('filechooser');
  await dash.getByText('选择报告文件（可多选）').click();
  const fc = await chooser;
  expect(fc.isMultiple()).toBe(true);
  await fc.setFiles(paths);
}
