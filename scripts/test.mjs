#!/usr/bin/env node
// `npm test`: everything, in order, stopping at the first failure:
//   system tools (Debian's chromium, poppler, qpdf, NSS tools; installed with apt-get when missing)
//   → typecheck (all, with Node's types; then browser code without them) → lint → format → unit tests → build (extension + micro-frontend) → extension hygiene → Playwright in real Chromium.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const steps = [
  ['类型检查 typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['类型检查（浏览器，无 Node 类型）typecheck browser code without Node types', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.browser.json']],
  ['代码检查 lint (typescript-eslint, knip: unused files, exports, dependencies)', 'npm', ['run', 'lint']],
  ['格式检查 format (prettier --check)', 'npm', ['run', 'format:check']],
  ['单元测试 unit tests', 'npx', ['vitest', 'run']],
  ['构建 build', 'npm', ['run', 'build']],
  ['扩展检查 extension hygiene (permissions, CSP, remote code, web-ext lint, npm audit)', 'node', ['scripts/check-extension.mjs']],
  ['浏览器测试 Playwright (Chromium)', 'npx', ['playwright', 'test']],
];

await ensureSystemDeps();
for (const [title, cmd, args] of steps) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  console.log(`=== ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
