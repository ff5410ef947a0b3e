/**
 * HTML, script and template syntax typed into every free-text field (and imported as a unit
 * name) is shown as text: in the form, in the list, in the roster and coverage tables, and in
 * the PDFs. Nothing runs (window.__pwned stays unset, no dialog), no element is injected.
 */
import { test, expect, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir } from './support/browser';
import { items, readStoredRecords } from './support/fill-observation';
import { previewAndDownload } from './support/report-flow';
import { ALL_PAYLOADS, PAYLOAD, expectNoInjection, markupCensus, squash, watchDialogs } from './support/hostile';
import { qpdfCheck, tempDir, textRaw } from '../unit/pdf/poppler';
import { serveMfe } from './support/mfe-server';
import { printedFields } from '../../utils/pdf/printed-fields';
import { writeCsv } from '../../utils/io';
import type { ObservationRecord } from '../../utils/record';

const EXT = resolve('.output/chrome-mv3');

/** The hostile unit, as the brief's CSV gives it (the quotes stay literal: the cell does not start with one). */
const UNIT = `${PAYLOAD.img}锡林郭勒盟测试局`;
const ROSTER_CSV = `单位名称\n${UNIT}\n`;

/** What is typed where (fields of 50 characters get one payload each). */
const T = {
  place: `${PAYLOAD.svg}机关三楼${PAYLOAD.mustache}会议室`,
  theme: `学习贯彻${ALL_PAYLOADS}重要讲话精神`,
  chair: `${PAYLOAD.script}王建国`,
  leadReader: `${PAYLOAD.img}李文华`,
  absentee: `${PAYLOAD.svg}张三`,
  absenteeReason: `请假（${PAYLOAD.img}${PAYLOAD.template}）`,
  note: `领学 ${ALL_PAYLOADS}联系实际`,
  speaker: `${PAYLOAD.mustache}${PAYLOAD.template}${PAYLOAD.script}`,
  highlights: `第一议题${ALL_PAYLOADS}学习扎实。`,
  problems: `${PAYLOAD.script}个别发言照本宣科${PAYLOAD.svg}联系实际不够${PAYLOAD.mustache}`,
  suggestions: `${PAYLOAD.template}建议${PAYLOAD.img}加强研讨${PAYLOAD.script}。`,
  observers: [`${PAYLOAD.img}王喆`, `${PAYLOAD.svg}${PAYLOAD.mustache}刘珺`],
};
const payloads = Object.values(PAYLOAD);
const itemNote = (i: number) => `第${i + 1}项说明${payloads[i % payloads.length]}${i === 0 ? ALL_PAYLOADS : ''}`;
const scoreLabel = (item: (typeof items)[number]) => `${item.title}${item.kind === 'deduction' ? ' 扣分' : ' 得分'}`;

/** Fill every free-text field of a new observation; the unit is picked from the roster by `query`. */
async function fillEveryTextField(panel: Page, query: string, unitName: string) {
  await panel.getByRole('button', { name: '新建巡听记录' }).click();
  const unit = panel.getByRole('combobox', { name: '被巡听单位' });
  await unit.click();
  await unit.pressSequentially(query);
  await expect(panel.getByRole('option').first()).toHaveText(unitName);
  await unit.press('Enter');
  await expect(unit).toHaveValue(unitName);
  await panel.getByLabel('地点', { exact: true }).fill(T.place);
  await panel.getByLabel('学习主题', { exact: true }).fill(T.theme);
  await panel.getByLabel('主持人', { exact: true }).fill(T.chair);
  await panel.getByLabel('领学人', { exact: true }).fill(T.leadReader);
  await panel.getByRole('button', { name: '添加缺席人员' }).click();
  await panel.getByLabel('缺席人员姓名 1', { exact: true }).fill(T.absentee);
  await panel.getByLabel('缺席原因 1', { exact: true }).fill(T.absenteeReason);
  const note = panel.getByLabel('时间线要点', { exact: true });
  await note.fill(T.note);
  await note.press('Enter');
  const speaker = panel.getByLabel('发言人姓名', { exact: true });
  await speaker.fill(T.speaker);
  await speaker.press('Enter');
  for (const [i, item] of items.entries()) {
    await panel.getByLabel(scoreLabel(item), { exact: true }).fill(String(item.kind === 'deduction' ? 0 : item.max));
    await panel.getByLabel(`${item.title} 说明`, { exact: true }).fill(itemNote(i));
  }
  await panel.getByLabel('主要做法及亮点', { exact: true }).fill(T.highlights);
  await panel.getByLabel('存在问题', { exact: true }).fill(T.problems);
  await panel.getByLabel('意见建议', { exact: true }).fill(T.suggestions);
  for (const [i, name] of T.observers.entries()) {
    await panel.getByRole('button', { name: '添加巡听人员' }).click();
    await panel.getByLabel(`巡听人员姓名 ${i + 1}`, { exact: true }).fill(name);
  }
}

/** Every text field of the form holds exactly what was typed. */
async function expectFormShowsText(panel: Page, unitName: string) {
  await expect(panel.getByRole('combobox', { name: '被巡听单位' })).toHaveValue(unitName);
  await expect(panel.getByLabel('地点', { exact: true })).toHaveValue(T.place);
  await expect(panel.getByLabel('学习主题', { exact: true })).toHaveValue(T.theme);
  await expect(panel.getByLabel('主持人', { exact: true })).toHaveValue(T.chair);
  await expect(panel.getByLabel('领学人', { exact: true })).toHaveValue(T.leadReader);
  await expect(panel.getByLabel('缺席人员姓名 1', { exact: true })).toHaveValue(T.absentee);
  await expect(panel.getByLabel('缺席原因 1', { exact: true })).toHaveValue(T.absenteeReason);
  await expect(panel.getByRole('list', { name: '时间线' }).locator('.text')).toHaveText([T.note]);
  await expect(panel.getByRole('list', { name: '发言情况' }).locator('.name')).toHaveText([T.speaker]);
  for (const [i, item] of items.entries()) await expect(panel.getByLabel(`${item.title} 说明`, { exact: true })).toHaveValue(itemNote(i));
  await expect(panel.getByLabel('主要做法及亮点', { exact: true })).toHaveValue(T.highlights);
  await expect(panel.getByLabel('存在问题', { exact: true })).toHaveValue(T.problems);
  await expect(panel.getByLabel('意见建议', { exact: true })).toHaveValue(T.suggestions);
  for (const [i, name] of T.observers.entries()) {
    await expect(panel.getByLabel(`巡听人员姓名 ${i + 1}`, { exact: true })).toHaveValue(name);
    // The signing section names each observer, as text.
    await expect(panel.locator('.sig-name').nth(i)).toHaveText(`${name}${i === 0 ? '（组长）' : ''} 手写签名`);
    await expect(panel.getByRole('img', { name: `${name}的签名板` })).toBeVisible();
  }
}

/** The stored record holds the texts, and the report PDF prints every one of them literally. */
function expectStoredAndPrinted(stored: ObservationRecord, pdf: string, unitName: string) {
  expect(stored.unit.name).toBe(unitName);
  expect(stored.theme).toBe(T.theme);
  expect(stored.attendance.absentees).toEqual([{ name: T.absentee, reason: T.absenteeReason }]);
  expect(stored.observers.map((o) => o.name)).toEqual(T.observers);
  expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
  const text = squash(textRaw(pdf));
  const literal = [unitName, ...Object.values(T).flat(), ...items.map((_, i) => itemNote(i))];
  for (const s of literal) expect(text, `PDF text holds ${s}`).toContain(squash(s));
  // And every printed field that carries markup (the report's own list of what it prints).
  const hostileFields = printedFields(stored).filter((f) => /[<>{}$]/.test(f.text));
  expect(hostileFields.length).toBeGreaterThanOrEqual(literal.length - 1);
  for (const f of hostileFields) expect(text, `${f.field} (${f.path})`).toContain(squash(f.text));
}

test('observer (extension): markup and template syntax in every free-text field, and in an imported unit name, is shown and printed as text; nothing runs', async () => {
  test.setTimeout(90_000);
  const rb = await launchChromium({ profileDir: await newProfileDir('hostile-observer'), extensionDir: EXT });
  try {
    // The roster, imported in the options page, brings the hostile unit name.
    const options = await openExtensionPage(rb, 'options.html');
    const optionErrors = collectConsoleErrors(options);
    const optionDialogs = watchDialogs(options);
    await expect(options.getByRole('heading', { name: '单位名单（69 个）' })).toBeVisible();
    const optionsBefore = await markupCensus(options);
    await options
      .getByLabel('导入单位名单（Excel .xlsx、CSV 或 JSON，含“单位名称”列）', { exact: true })
      .setInputFiles({ name: '单位名单.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER_CSV, 'utf8') });
    await expect(options.getByRole('status').filter({ hasText: '已导入' })).toContainText('已导入 1 个单位');
    await expect(options.getByRole('heading', { name: '单位名单（1 个）' })).toBeVisible();
    await options.getByText('查看名单').click();
    await expect(options.getByRole('table', { name: '单位名单' }).locator('tbody td').nth(1)).toHaveText(UNIT);
    await expectNoInjection(options, optionsBefore);

    const panel = await openExtensionPage(rb, 'sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 900 });
    const errors = collectConsoleErrors(panel);
    const dialogs = watchDialogs(panel);
    await expect(panel.getByRole('button', { name: '新建巡听记录' })).toBeVisible();
    const before = await markupCensus(panel);
    await fillEveryTextField(panel, '测试局', UNIT);
    await expectFormShowsText(panel, UNIT);
    await expectNoInjection(panel, before);

    // Preview (an iframe of the PDF) and download; then what the PDF says.
    const pdf = await previewAndDownload(panel);
    await expectNoInjection(panel, before, 1);
    const [stored] = (await readStoredRecords(panel, 'xunting')) as unknown as ObservationRecord[];
    expectStoredAndPrinted(stored, pdf, UNIT);

    // Back to the list: the row shows unit and theme as text; after a reload the form again.
    await panel.getByRole('button', { name: '返回列表' }).click();
    const row = panel.locator('.list-item').first();
    await expect(row.locator('.unit')).toHaveText(UNIT);
    await expect(row.locator('.theme')).toHaveText(T.theme);
    await panel.reload();
    const unit = panel.getByRole('combobox', { name: '被巡听单位' });
    await expect(panel.locator('.list-item .unit').or(unit).first()).toBeVisible();
    if (!(await unit.isVisible())) await panel.locator('.list-item').first().click();
    await expectFormShowsText(panel, UNIT);
    const afterReload = await markupCensus(panel);
    expect(afterReload.pwned).toBeUndefined();
    expect(afterReload.payloadImages).toBe(0);
    expect(afterReload.handlers).toEqual([]);
    expect(afterReload.foreignSvg).toBe(0);
    expect(afterReload.script).toBe(before.script);

    expect([...dialogs, ...optionDialogs]).toEqual([]);
    expect([...errors, ...optionErrors]).toEqual([]);
  } finally {
    await rb.close();
  }
});

test.describe('micro-frontend (no extension CSP: an injected handler would run here)', () => {
  const url = serveMfe();

  test('<xunting-observation>: the same texts are shown and printed as text; nothing runs', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const dialogs = watchDialogs(page);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(url());
    await expect(page.getByRole('button', { name: '新建巡听记录' })).toBeVisible();
    const before = await markupCensus(page);
    await fillEveryTextField(page, 'jyj', '锡林郭勒盟教育局');
    await expectFormShowsText(page, '锡林郭勒盟教育局');
    await expectNoInjection(page, before);
    const pdf = await previewAndDownload(page);
    await expectNoInjection(page, before, 1);
    const [stored] = (await readStoredRecords(page, 'xunting-web')) as unknown as ObservationRecord[];
    expectStoredAndPrinted(stored, pdf, '锡林郭勒盟教育局');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test('supervisor: hostile unit names imported in the dashboard are text in 名单与计划, 覆盖统计 and its PDF; nothing runs', async () => {
  const names = [UNIT, `${PAYLOAD.svg}${PAYLOAD.mustache}测试二局`, `${PAYLOAD.script}${PAYLOAD.template}测试三局`];
  const csv = writeCsv([['单位名称', '类别'], ...names.map((n) => [n, '政府'])]);
  const rb = await launchChromium({ profileDir: await newProfileDir('hostile-supervisor'), extensionDir: EXT });
  try {
    const dash = await openExtensionPage(rb, 'dashboard.html');
    const errors = collectConsoleErrors(dash);
    const dialogs = watchDialogs(dash);
    await expect(dash.getByRole('button', { name: '名单与计划' })).toBeVisible();
    const before = await markupCensus(dash);
    await dash.getByRole('button', { name: '名单与计划' }).click();
    await dash.getByLabel(/^导入单位名单/).setInputFiles({ name: '单位名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(dash.getByRole('status').filter({ hasText: '已导入' })).toContainText(`已导入 ${names.length} 个单位`);
    for (const [i, n] of names.entries()) await expect(dash.getByLabel(`第 ${i + 1} 行单位名称`, { exact: true })).toHaveValue(n);
    await expectNoInjection(dash, before);

    await dash.getByRole('button', { name: '覆盖统计' }).click();
    // No report collected yet: the tab leads with the first steps; the figures are one click away.
    await dash.getByRole('button', { name: '尚未收到报告，仍查看覆盖统计' }).click();
    await dash.getByLabel('统计范围（年度或起止年度）').fill('2026');
    const table = dash.getByRole('table', { name: '单位明细' });
    await expect(table.locator('tbody th')).toHaveCount(names.length);
    expect((await table.locator('tbody th').allTextContents()).sort()).toEqual([...names].sort());
    await expect(dash.locator('.cov-notcovered .cov-unit-name')).toHaveCount(names.length);
    expect((await dash.locator('.cov-notcovered .cov-unit-name').allTextContents()).sort()).toEqual([...names].sort());
    await expectNoInjection(dash, before);

    // Back in 名单与计划 (the plan table reads the roster when the tab opens): the plan table names the units as text too.
    await dash.getByRole('button', { name: '名单与计划' }).click();
    const plan = dash.getByRole('table', { name: /年计划$/ });
    await expect(plan.locator('tbody tr')).toHaveCount(names.length);
    for (const n of names) await expect(plan).toContainText(n);
    for (const n of names) await expect(dash.getByRole('combobox', { name: `${n} 计划月份`, exact: true })).toBeVisible();
    await expectNoInjection(dash, before);
    await dash.getByRole('button', { name: '覆盖统计' }).click();
    await dash.getByRole('button', { name: '尚未收到报告，仍查看覆盖统计' }).click();

    // The summary PDF prints the names as text too.
    const download = dash.waitForEvent('download');
    await dash.getByRole('button', { name: '导出 PDF' }).click();
    const path = join(tempDir('xunting-e2e-hostile-cov-'), 'coverage.pdf');
    await (await download).saveAs(path);
    const text = squash(textRaw(path));
    for (const n of names) expect(text).toContain(squash(n));
    await expectNoInjection(dash, before);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await rb.close();
  }
});
