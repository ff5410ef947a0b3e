#!/usr/bin/env node
// `npm run bench`: prints the performance figures named in the issues, in one run.
// Each part is a module in scripts/bench/ returning rows { area, measure, value, note }.
// Nothing here asserts a time: it measures and prints. The README's table comes from this output.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = resolve(import.meta.dirname, '..');
process.chdir(root);
if (!existsSync('.output/chrome-mv3/manifest.json') || !existsSync('dist/mfe/xunting-elements.js') || process.argv.includes('--build')) {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { ensureSystemDeps } = await import('./ensure-system-deps.mjs');
await ensureSystemDeps();

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const parts = ['ui', 'report', 'report-browser', 'sign', 'collect'].filter((p) => !only.length || only.includes(p));
const rows = [];
for (const part of parts) {
  const file = resolve(root, 'scripts/bench', `${part}.mjs`);
  if (!existsSync(file)) continue;
  console.error(`… ${part}`);
  const mod = await import(file);
  rows.push(...(await mod.run()));
}

const w = [10, 56, 14];
const line = (a, b, c, d = '') => `| ${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c.padStart(w[2])} | ${d} |`;
console.log(`\nXunting benchmark — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
console.log(line('area', 'measure', 'value', 'note'));
console.log(`|${'-'.repeat(w[0] + 2)}|${'-'.repeat(w[1] + 2)}|${'-'.repeat(w[2] + 2)}|---|`);
for (const r of rows) console.log(line(r.area, r.measure, r.value, r.note ?? ''));
