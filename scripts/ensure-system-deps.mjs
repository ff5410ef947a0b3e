#!/usr/bin/env node
// System tools the tests need, from Debian's packages (never a browser download: there is no
// internet, only the npm registry and Debian's mirrors):
//   chromium                         → package chromium        (real binary /usr/lib/chromium/chromium)
//   pdfsig pdftotext pdffonts
//   pdfdetach pdftoppm               → package poppler-utils
//   qpdf                             → package qpdf
//   certutil                         → package libnss3-tools
//   openssl                          → package openssl
// Whatever is missing is installed with apt-get when running as root (CI, the developers'
// machines); otherwise this prints the exact apt-get command and fails.
//
//   node scripts/ensure-system-deps.mjs          # as a script: exit 0 when everything is there
//   import { ensureSystemDeps, chromiumPath } from './ensure-system-deps.mjs'
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real Chromium binary that Debian's package installs (/usr/bin/chromium is a shell wrapper). */
export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/** command → Debian package that provides it. */
const REQUIRED = [
  ['chromium', 'chromium'],
  ['pdfsig', 'poppler-utils'],
  ['pdftotext', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
  ['pdfdetach', 'poppler-utils'],
  ['pdftoppm', 'poppler-utils'],
  ['qpdf', 'qpdf'],
  ['certutil', 'libnss3-tools'],
  ['openssl', 'openssl'],
];

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of `cmd` on PATH (plus the usual system dirs), or undefined. */
export function findCommand(cmd) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const extra of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (!dirs.includes(extra)) dirs.push(extra);
  }
  for (const dir of dirs) {
    const candidate = join(dir, cmd);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The Chromium binary to run: Debian's real binary /usr/lib/chromium/chromium when present,
 * else `chromium` (or `chromium-browser`) on PATH. When none is installed yet it still returns
 * /usr/lib/chromium/chromium, the path ensureSystemDeps() will install, so that a config read
 * before the install (playwright.config.ts, then globalSetup installs) points at the right file.
 */
export function chromiumPath() {
  if (isExecutableFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return findCommand('chromium') ?? findCommand('chromium-browser') ?? DEBIAN_CHROMIUM;
}

function isPresent(cmd) {
  if (cmd === 'chromium') return isExecutableFile(DEBIAN_CHROMIUM) || findCommand('chromium') !== undefined;
  return findCommand(cmd) !== undefined;
}

/** Commands missing right now, with their packages. */
export function missingSystemDeps() {
  return REQUIRED.filter(([cmd]) => !isPresent(cmd)).map(([command, pkg]) => ({ command, pkg }));
}

const unique = (xs) => [...new Set(xs)];

function run(cmd, args) {
  console.log(`[ensure-system-deps] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/**
 * Make sure every tool is installed; apt-get installs the missing ones when running as root.
 * Resolves quietly when everything is there. Throws an Error whose message names the missing
 * commands, their packages and the command to run, after printing it to stderr.
 * @returns {Promise<{ installed: string[] }>} the Debian packages it installed (usually none)
 */
export async function ensureSystemDeps() {
  const missing = missingSystemDeps();
  if (missing.length === 0) return { installed: [] };

  const pkgs = unique(missing.map((m) => m.pkg));
  const what = missing.map((m) => `${m.command} (${m.pkg})`).join(', ');
  const manual = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = findCommand('apt-get');

  if (!isRoot || !aptGet) {
    const why = !aptGet ? 'apt-get was not found (not a Debian/Ubuntu system)' : 'not running as root';
    const message =
      `[ensure-system-deps] Missing system tools: ${what}.\n` +
      `[ensure-system-deps] Cannot install them automatically: ${why}.\n` +
      `[ensure-system-deps] Install the Debian packages ${pkgs.join(', ')}, e.g.:\n` +
      `    sudo sh -c '${manual}'`;
    console.error(message);
    throw Object.assign(new Error(message), { missing, packages: pkgs });
  }

  console.log(`[ensure-system-deps] Missing: ${what}.`);
  console.log(`[ensure-system-deps] Installing Debian packages: ${pkgs.join(' ')}`);
  const started = Date.now();
  const updated = run(aptGet, ['update']);
  if (updated !== 0) console.warn(`[ensure-system-deps] apt-get update exited ${updated}; trying the install anyway.`);
  const status = run(aptGet, ['install', '-y', '--no-install-recommends', ...pkgs]);

  const still = missingSystemDeps();
  if (status !== 0 || still.length > 0) {
    const message =
      `[ensure-system-deps] apt-get install ${pkgs.join(' ')} ${status !== 0 ? `exited ${status}` : 'finished'}` +
      (still.length ? `, still missing: ${still.map((m) => `${m.command} (${m.pkg})`).join(', ')}` : '') +
      `.\n[ensure-system-deps] Run by hand: ${manual}`;
    console.error(message);
    throw Object.assign(new Error(message), { missing: still, packages: pkgs });
  }
  console.log(`[ensure-system-deps] Installed ${pkgs.join(' ')} in ${((Date.now() - started) / 1000).toFixed(1)} s; Chromium: ${chromiumPath()}`);
  return { installed: pkgs };
}

// Run as a script.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { installed } = await ensureSystemDeps();
    if (installed.length === 0) console.log(`[ensure-system-deps] All system tools present (Chromium: ${chromiumPath()}).`);
  } catch {
    process.exit(1); // the message is already printed
  }
}
