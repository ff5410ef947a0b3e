#!/usr/bin/env node
// Extension hygiene, run by `npm test` after the build:
//  1. the manifests ask for exactly the permissions the README justifies, no host permissions,
//     no content scripts, a strict content security policy;
//  2. no remote code: no script, import or worker loaded from another origin in the built files;
//  3. `web-ext lint` on the Firefox build reports no errors (warnings are printed);
//  4. the side panel's eager JavaScript (entry + static imports), gzipped, within its budget;
//  5. `npm audit --omit=dev` finds no high or critical advisory (when the registry's audit
//     endpoint answers; on a network that blocks it, this says so and does not pass silently as
//     "audited").
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { eagerJs, SIDE_PANEL_EAGER_BUDGET } from './eager-js.mjs';

const root = resolve(import.meta.dirname, '..');
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";
const PERMISSIONS = { chrome: ['unlimitedStorage', 'sidePanel'], firefox: ['unlimitedStorage'] };
const failures = [];
const fail = (msg) => failures.push(msg);
const say = (msg) => console.log(`[check-extension] ${msg}`);

function manifest(dir) {
  return JSON.parse(readFileSync(join(root, '.output', dir, 'manifest.json'), 'utf8'));
}

for (const [name, dir, csp] of [
  ['chrome', 'chrome-mv3', (m) => m.content_security_policy?.extension_pages],
  ['firefox', 'firefox-mv2', (m) => m.content_security_policy],
]) {
  const m = manifest(dir);
  const perms = [...(m.permissions ?? [])].sort();
  if (JSON.stringify(perms) !== JSON.stringify([...PERMISSIONS[name]].sort()))
    fail(`${name}: permissions ${JSON.stringify(m.permissions)} ≠ ${JSON.stringify(PERMISSIONS[name])}`);
  for (const key of [
    'host_permissions',
    'optional_permissions',
    'optional_host_permissions',
    'content_scripts',
    'web_accessible_resources',
    'externally_connectable',
  ])
    if (m[key]) fail(`${name}: manifest has ${key}`);
  if (csp(m) !== CSP) fail(`${name}: content security policy is ${JSON.stringify(csp(m))}, expected ${JSON.stringify(CSP)}`);
  say(`${name}: permissions ${perms.join(', ')}; CSP ${csp(m)}`);
}

// Remote code: a script element, import(), importScripts or Worker with an http(s) URL.
const REMOTE =
  /(<script[^>]+src\s*=\s*["']https?:|import\s*\(\s*["']https?:|importScripts\s*\(\s*["']https?:|new\s+(Shared)?Worker\s*\(\s*["']https?:|from\s*["']https?:)/i;
let scanned = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|mjs|html)$/.test(name)) {
      scanned++;
      const hit = REMOTE.exec(readFileSync(p, 'utf8'));
      if (hit) fail(`remote code in ${p.slice(root.length + 1)}: ${hit[0]}`);
    }
  }
};
for (const d of ['.output/chrome-mv3', '.output/firefox-mv2', 'dist/mfe']) walk(join(root, d));
say(`no remote code in ${scanned} built scripts and pages`);

const eager = eagerJs(join(root, '.output/chrome-mv3'), 'sidepanel.html');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (eager.gzip > SIDE_PANEL_EAGER_BUDGET)
  fail(
    `side panel eager JS is ${kb(eager.gzip)} gzipped, over its ${kb(SIDE_PANEL_EAGER_BUDGET)} budget: ${eager.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}`,
  );
say(`side panel eager JS: ${kb(eager.gzip)} gzipped (budget ${kb(SIDE_PANEL_EAGER_BUDGET)}) in ${eager.files.length} files`);

const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', join(root, '.output/firefox-mv2'), '--output', 'json', '--no-input'], {
  cwd: root,
  encoding: 'utf8',
});
try {
  const report = JSON.parse(lint.stdout);
  say(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  for (const w of report.warnings) say(`  warning ${w.code}: ${w.message} (${w.file ?? ''})`);
  for (const e of report.errors) fail(`web-ext lint error ${e.code}: ${e.message} (${e.file ?? ''})`);
} catch {
  fail(`web-ext lint did not run: ${lint.stderr || lint.stdout}`);
}

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
try {
  const report = JSON.parse(audit.stdout);
  if (report.error || report.message) throw new Error(report.message ?? report.error?.summary ?? 'audit error');
  const v = report.metadata.vulnerabilities;
  say(`npm audit --omit=dev: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`);
  if (v.critical || v.high) fail(`npm audit: ${v.critical} critical and ${v.high} high advisories in production dependencies`);
} catch (e) {
  say(`npm audit --omit=dev could not reach the registry's audit service here (${String(e.message ?? e).split('\n')[0]}); not audited in this run`);
}

if (failures.length) {
  for (const f of failures) console.error(`[check-extension] FAIL ${f}`);
  process.exit(1);
}
say('ok');
