// `npm run bench` (tsx scripts/bench.ts): prints the performance figures named in the issues, in one run.
// Each part is a module in scripts/bench/ returning rows { area, measure, value, note }.
// Nothing here asserts a time: it measures and prints. The README's table comes from this output.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BenchRow } from './bench/stats';

// Loaded one at a time, when asked for: some parts import the core at their top level.
const PARTS: Record<string, () => Promise<{ run: () => Promise<BenchRow[]> }>> = {
  ui: () => import('./bench/ui'),
  report: () => import('./bench/report'),
  'report-browser': () => import('./bench/report-browser'),
  sign: () => import('./bench/sign'),
  collect: () => import('./bench/collect'),
};

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
if (!existsSync('.output/chrome-mv3/manifest.json') || !existsSync('dist/mfe/xunting-elements.js') || process.argv.includes('--build')) {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { ensureSystemDeps } = await import('./ensure-system-deps.mjs');
await ensureSystemDeps();

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = only.filter((p) => !(p in PARTS));
if (unknown.length) {
  console.error(`unknown part ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const [part, load] of Object.entries(PARTS)) {
  if (only.length && !only.includes(part)) continue;
  console.error(`… ${part}`);
  rows.push(...(await (await load()).run()));
}

const w = [10, 56, 14];
const line = (a: string, b: string, c: string, d = '') => `| ${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c.padStart(w[2])} | ${d} |`;
console.log(`\nXunting benchmark — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores\n`);
console.log(line('area', 'measure', 'value', 'note'));
console.log(`|${'-'.repeat(w[0] + 2)}|${'-'.repeat(w[1] + 2)}|${'-'.repeat(w[2] + 2)}|---|`);
for (const r of rows) console.log(line(r.area, r.measure, r.value, r.note ?? ''));
