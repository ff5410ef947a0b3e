import { expect, type Page, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { RubricTemplate } from '../../../utils/rubric';

const defaultTemplate: RubricTemplate = JSON.parse(readFileSync('public/defaults/rubric-default.json', 'utf8'));
export const items = defaultTemplate.sections.flatMap((s) => s.items);

/** What the test types, and expects to find again after a crash or reload. */
export const typed = {
  unitQuery: 'jyj',
  theme: '学习贯彻习近平总书记关于内蒙古工作的重要讲话精神',
  place: '机关三楼第一会议室',
  chair: '王建国',
  leadReader: '李文华',
  expected: '15',
  present: '13',
  note: '领学 李文华领学第一议题，联系本单位教育工作实际',
  speaker: '赵晓喆',
  highlights: '第一议题学习扎实，领学材料准备充分。',
  problems: '个别发言照本宣科，联系思想和工作实际不够。最后一句在杀进程前半秒写完',
};

/** Click 新建巡听记录 and fill the form through its labelled controls, like an observer. */
export async function fillObservation(page: Page): Promise<{ unitName: string; scored: { label: string; value: string }[] }> {
  await page.getByRole('button', { name: '新建巡听记录' }).click();
  const unit = page.getByRole('combobox', { name: '被巡听单位' });
  await unit.click();
  await unit.pressSequentially(typed.unitQuery);
  const option = page.getByRole('option').first();
  await expect(option).toBeVisible();
  const unitName = (await option.textContent())!.trim();
  await unit.press('Enter');
  await expect(unit).toHaveValue(unitName);
  await page.getByLabel('学习主题', { exact: true }).fill(typed.theme);
  await page.getByLabel('地点', { exact: true }).fill(typed.place);
  await page.getByLabel('主持人', { exact: true }).fill(typed.chair);
  await page.getByLabel('领学人', { exact: true }).fill(typed.leadReader);
  await page.getByLabel('应到人数', { exact: true }).fill(typed.expected);
  await page.getByLabel('实到人数', { exact: true }).fill(typed.present);
  const note = page.getByLabel('时间线要点', { exact: true });
  await note.fill(typed.note);
  await note.press('Enter');
  await page.getByLabel('发言人姓名', { exact: true }).fill(typed.speaker);
  await page.getByLabel('发言人姓名', { exact: true }).press('Enter');
  const scored: { label: string; value: string }[] = [];
  for (const item of items.slice(0, 5)) {
    const label = `${item.title}${item.kind === 'deduction' ? ' 扣分' : ' 得分'}`;
    const value = String(item.kind === 'deduction' ? 0 : item.max - item.step);
    await page.getByLabel(label, { exact: true }).fill(value);
    scored.push({ label, value });
  }
  await page.getByLabel('主要做法及亮点', { exact: true }).fill(typed.highlights);
  // The last thing typed, key by key, right before the crash.
  await page.getByLabel('存在问题', { exact: true }).pressSequentially(typed.problems, { delay: 5 });
  return { unitName, scored };
}

/** Everything fillObservation typed is on screen. */
/** Waits until the status bar says every edit is stored (已保存), as the observer would before closing. */
export async function expectSaved(page: Page) {
  await expect(page.locator('[data-save-state=saved]')).toBeVisible();
}

export async function expectFilled(page: Page, filled: { unitName: string; scored: { label: string; value: string }[] }) {
  await expect(page.getByRole('combobox', { name: '被巡听单位' })).toHaveValue(filled.unitName);
  await expect(page.getByLabel('学习主题', { exact: true })).toHaveValue(typed.theme);
  await expect(page.getByLabel('地点', { exact: true })).toHaveValue(typed.place);
  await expect(page.getByLabel('主持人', { exact: true })).toHaveValue(typed.chair);
  await expect(page.getByLabel('领学人', { exact: true })).toHaveValue(typed.leadReader);
  await expect(page.getByLabel('应到人数', { exact: true })).toHaveValue(typed.expected);
  await expect(page.getByLabel('实到人数', { exact: true })).toHaveValue(typed.present);
  await expect(page.getByRole('list', { name: '时间线' })).toContainText(typed.note);
  await expect(page.getByRole('list', { name: '发言情况' })).toContainText(typed.speaker);
  for (const s of filled.scored) await expect(page.getByLabel(s.label, { exact: true })).toHaveValue(s.value);
  await expect(page.getByLabel('主要做法及亮点', { exact: true })).toHaveValue(typed.highlights);
  await expect(page.getByLabel('存在问题', { exact: true })).toHaveValue(typed.problems);
}

/** The stored record, read straight from IndexedDB in the page's origin. */
export async function readStoredRecords(page: Page, dbName: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('records').objectStore('records').getAll();
          req.onsuccess = () => {
            ok(req.result.map((r: { record: Record<string, unknown> }) => r.record));
            db.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
    dbName,
  );
}

export function expectRecordHolds(records: Record<string, unknown>[], unitName: string) {
  expect(records).toHaveLength(1);
  const r = records[0] as {
    unit: { name: string };
    theme: string;
    chair: string;
    narrative: { problems: string; highlights: string };
    timeline: { text: string }[];
  };
  expect(r.unit.name).toBe(unitName);
  expect(r.theme).toBe(typed.theme);
  expect(r.chair).toBe(typed.chair);
  expect(r.narrative.highlights).toBe(typed.highlights);
  expect(r.narrative.problems).toBe(typed.problems);
  expect(r.timeline.map((t) => t.text)).toContain(typed.note);
}

export async function seriousA11yViolations(page: Page, include?: Locator) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(await include.evaluate((el) => el.tagName.toLowerCase()));
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}
