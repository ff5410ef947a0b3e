// Side panel: first render with 1,000 stored observations; keystroke → durable save (median, p95).
// Runs the built extension in Debian's headless Chromium.
import { readFile } from 'node:fs/promises';
import { EXTENSION_DIR, openExtension } from './extension';
import { median, quantile, ms, type BenchRow } from './stats';
import { eagerJs, SIDE_PANEL_EAGER_BUDGET } from '../eager-js.mjs';
import { createRecord, type ObservationRecord } from '../../utils/record';
import { rowOf, type ObservationRow } from '../../utils/db/schema';
import type { RubricTemplate } from '../../utils/rubric';
import type { Unit } from '../../utils/roster';

/** What the page keeps of keydowns and IndexedDB commits (set up by the keystroke probe below). */
interface SaveProbe {
  __saves: number[];
  __keys: number[];
}

const N = 1000;
const KEYS = 40;

export async function run(): Promise<BenchRow[]> {
  const { ctx, id, close } = await openExtension();
  try {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    await page.getByRole('button', { name: '新建巡听记录' }).waitFor();

    // 1,000 observations, as the app stores them (list row + record), written straight into IndexedDB.
    const template = JSON.parse(await readFile('public/defaults/rubric-default.json', 'utf8')) as RubricTemplate;
    const units = (JSON.parse(await readFile('public/defaults/units.json', 'utf8')) as { units: Unit[] }).units;
    const day0 = Date.parse('2026-03-01T08:00:00Z');
    const data: { row: ObservationRow; record: ObservationRecord }[] = [];
    for (let i = 0; i < N; i++) {
      const r = createRecord({
        template,
        unit: { id: units[i % units.length].id, name: units[i % units.length].name },
        observers: ['王敏', '赵晓喆'],
        now: new Date(day0 + i * 3_600_000),
      });
      r.theme = `第 ${i + 1} 次学习：学习贯彻习近平总书记重要讲话精神`;
      r.narrative.highlights = '领学准备充分，交流发言联系实际。'.repeat(10);
      for (const [k, v] of Object.entries(r.scores)) if (v.value === null) r.scores[k] = { ...v, value: 1 };
      data.push({ row: rowOf(r), record: r });
    }
    for (let i = 0; i < N; i += 100) {
      await page.evaluate(
        (chunk) =>
          new Promise((ok, fail) => {
            const open = indexedDB.open('xunting');
            open.onsuccess = () => {
              const tx = open.result.transaction(['observations', 'records'], 'readwrite');
              for (const { row, record } of chunk) {
                tx.objectStore('observations').put(row);
                tx.objectStore('records').put({ id: record.id, record });
              }
              tx.oncomplete = () => (open.result.close(), ok(null));
              tx.onerror = () => fail(tx.error);
            };
            open.onerror = () => fail(open.error);
          }),
        data.slice(i, i + 100),
      );
    }

    // First render: from navigation start to the list showing all 1,000 observations.
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      const t = await page
        .waitForFunction((n) => document.querySelectorAll('.list-item').length >= n && performance.now(), N, { polling: 'raf' })
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (typeof t === 'number') renders.push(t);
    }
    const firstForm: number[] = [];
    await page.locator('.list-item').first().click();
    await page.locator('#f-theme').waitFor();
    for (let i = 0; i < 5; i++) {
      await page.reload();
      const t = await page.waitForFunction(() => document.querySelector('#f-theme') && performance.now(), null, { polling: 'raf' }).then((h) => h.jsonValue());
      if (typeof t === 'number') firstForm.push(t);
    }

    // Keystroke → durable save: from keydown to the completion of the IndexedDB transaction that stores it.
    const field = page.getByLabel('存在问题', { exact: true });
    await field.click();
    await page.evaluate(() => {
      const w = window as unknown as SaveProbe;
      w.__saves = [];
      w.__keys = [];
      const seen = new WeakSet();
      const orig = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const tx = this.transaction;
        if (this.name === 'records' && !seen.has(tx)) {
          seen.add(tx);
          tx.addEventListener('complete', () => w.__saves.push(performance.now()));
        }
        return orig.apply(this, args);
      };
      document.addEventListener('keydown', () => w.__keys.push(performance.now()), true);
    });
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press('a');
      await page.waitForTimeout(400);
    }
    const { keys, saves } = await page.evaluate(() => {
      const w = window as unknown as SaveProbe;
      return { keys: w.__keys, saves: w.__saves };
    });
    if (process.env.BENCH_DEBUG) console.error({ keys: keys.length, saves: saves.length });
    const lat = keys.map((k) => (saves.find((s) => s > k) ?? NaN) - k).filter((x) => Number.isFinite(x));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const eager = (html: string) => eagerJs(EXTENSION_DIR, html);
    const panel = eager('sidepanel.html');
    return [
      {
        area: 'side panel',
        measure: 'eager JS, gzipped (entry + static imports)',
        value: kb(panel.gzip),
        note: `budget ${kb(SIDE_PANEL_EAGER_BUDGET)}; ${panel.files.map((f) => `${f.file.replace(/^chunks\//, '')} ${kb(f.gzip)}`).join(', ')}; signing, PDF, XLSX, pinyin load on first use`,
      },
      {
        area: 'dashboard',
        measure: 'eager JS, gzipped (entry + static imports)',
        value: kb(eager('dashboard.html').gzip),
        note: `options page ${kb(eager('options.html').gzip)}`,
      },
      {
        area: 'side panel',
        measure: `first render of the list, ${N} observations stored (median of ${renders.length})`,
        value: ms(median(renders)),
        note: 'navigation start → all rows on screen',
      },
      { area: 'side panel', measure: `first render with the open draft's form (median of 5)`, value: ms(median(firstForm)), note: `${N} observations stored` },
      {
        area: 'side panel',
        measure: `keystroke → durable save, median (${lat.length} keys)`,
        value: ms(median(lat)),
        note: 'keydown → IndexedDB transaction complete (ASCII key); includes the 150 ms autosave throttle',
      },
      { area: 'side panel', measure: 'keystroke → durable save, p95', value: ms(quantile(lat, 0.95)), note: '' },
    ];
  } finally {
    await close();
  }
}
