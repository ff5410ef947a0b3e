import { test, expect } from '@playwright/test';
import { serveMfe } from './support/mfe-server';
import { collectConsoleErrors } from './support/browser';
import { seriousA11yViolations } from './support/fill-observation';
import { cachedSeedCorpus } from '../fixtures/collect/seed-corpus';

const url = serveMfe();

test('micro-frontend <xunting-supervisor>: the host page’s plans are seeded, reports are collected, coverage counts them; events reach the host', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const corpus = await cachedSeedCorpus();
  const errors = collectConsoleErrors(page);
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(url('/supervisor.html'));
  // The built-in 69-unit roster and the 2026/2027 demo plans (plan-urls) are there from the start.
  await page.getByRole('button', { name: '名单与计划' }).click();
  await expect(page.getByRole('heading', { name: '单位名单（69 个）' })).toBeVisible();
  await expect(page.getByLabel('年度', { exact: true })).toContainText('2027');
  await page.getByRole('button', { name: '信任列表' }).click();
  await page.getByLabel('导入 CA 证书或个人证书（.pem / .crt / .cer）').setInputFiles(corpus.caPemPath);
  await expect(page.getByRole('status')).toContainText('已加入信任列表');
  const imported = page.evaluate(
    () => new Promise<Record<string, number>>((ok) => document.addEventListener('xunting-imported', (e) => ok((e as CustomEvent).detail), { once: true })),
  );
  await page.getByRole('button', { name: '报告收集' }).click();
  const files = corpus.files.slice(0, 12);
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(files.map((f) => f.path));
  const good = files.filter((f) => f.kind === 'good');
  await expect(page.getByRole('status').filter({ hasText: '接收' })).toHaveText(`接收 ${good.length}，重复 0，被取代 0，拒收 ${files.length - good.length}`, {
    timeout: 60_000,
  });
  expect(await imported).toMatchObject({ accepted: good.length, files: files.length });
  await page.getByRole('button', { name: '覆盖统计' }).click();
  await page.getByLabel('统计范围（年度或起止年度）').fill('2026');
  const units = new Set(good.map((f) => f.unitId)).size;
  await expect(page.getByText(`已覆盖 ${units} 个，${((units / 69) * 100).toFixed(1)}%`, { exact: true })).toBeAttached();
  await expect(page.getByText('计划单位 40 个', { exact: true })).toBeAttached();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
