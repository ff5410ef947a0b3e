// A real Chromium process that the tests own, so that a test can SIGKILL it (like a crash, an
// OOM kill or a pulled plug) and start it again on the same profile.
//
// Playwright's own launchers cannot do that: launchPersistentContext() owns the process and
// only closes it gracefully. So we spawn Debian's Chromium ourselves in its own process group,
// read the DevTools URL from its stderr and attach with chromium.connectOverCDP().
//
//   const rb = await launchChromium({ profileDir: await newProfileDir('x'), extensionDir });
//   const page = await openExtensionPage(rb, 'sidepanel.html');
//   const errors = collectConsoleErrors(page);
//   …
//   await rb.kill();                                    // SIGKILL, like a crash
//   const rb2 = await launchChromium({ profileDir, extensionDir }); // same profile
//   …
//   await rb2.close();                                  // graceful (SIGKILL after 5 s)
//
// Linux only (it reads /proc to make sure no process of a killed browser is left).
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../../../scripts/ensure-system-deps.mjs';

export interface RunningBrowser {
  browser: Browser;
  /** The default (persistent, on-disk) context of the profile. */
  context: BrowserContext;
  /** Pid of the Chromium browser process, also the id of its process group. */
  pid: number;
  profileDir: string;
  /** Set when launched with an extensionDir. */
  extensionId?: string;
  /** SIGKILL the whole process group (no shutdown, no flush) and wait until every process is gone. */
  kill(): Promise<void>;
  /** Graceful shutdown (CDP Browser.close); SIGKILLs the group if that takes more than 5 s. */
  close(): Promise<void>;
}

/** Flags that keep a headless test browser quiet and off the network. */
const QUIET_FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const EXTRA_FLAGS = [
  '--no-default-browser-check',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-breakpad',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-field-trial-config',
  '--disable-search-engine-choice-screen',
  '--disable-component-extensions-with-background-pages',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-hang-monitor',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--metrics-recording-only',
  '--no-service-autorun',
  '--mute-audio',
];

const STARTUP_TIMEOUT_MS = 30_000;
const SERVICE_WORKER_TIMEOUT_MS = 10_000;
const GRACEFUL_CLOSE_MS = 5_000;
const GONE_TIMEOUT_MS = 15_000;
const ZOMBIE_REAP_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: every launched group is killed when this Node process exits, and a tiny
// shell watchdog kills it too if this process dies without running its exit handlers (e.g. the
// Playwright runner SIGKILLs a stuck worker).

const liveGroups = new Set<number>();
const createdProfiles = new Set<string>();

process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  liveGroups.clear();
  if (!process.env.XUNTING_E2E_KEEP_PROFILES) {
    for (const dir of createdProfiles) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        /* a dying renderer may still be writing; the OS tmp cleaner gets it */
      }
    }
  }
});

function startWatchdog(pgid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do kill -0 ${pgid} 2>/dev/null || exit 0; sleep 1; done; kill -KILL -${pgid} 2>/dev/null; exit 0`;
  try {
    spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    /* best effort */
  }
}

interface ProcInfo {
  pid: number;
  state: string;
  pgrp: number;
}

/** All processes, from /proc (empty where there is no /proc). */
function listProcs(): ProcInfo[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), state: rest[0], pgrp: Number(rest[2]) });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** Live (non-zombie) processes in process group `pgid`. */
function groupMembers(pgid: number): ProcInfo[] {
  return listProcs().filter((p) => p.pgrp === pgid && p.state !== 'Z');
}

/** Pids of processes (other than zombies) started with --user-data-dir=<profileDir>. */
function profileHolders(profileDir: string): number[] {
  const needle = `--user-data-dir=${profileDir}`;
  const holders: number[] = [];
  for (const p of listProcs()) {
    if (p.state === 'Z') continue;
    try {
      const args = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(needle)) holders.push(p.pid);
    } catch {
      /* exited meanwhile */
    }
  }
  return holders;
}

/** Whether any process, zombies included, is still in process group `pgid`. */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

async function waitFor(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

// ---------------------------------------------------------------------------------------------
// Extension ids

/** Chromium's id alphabet: the first 16 bytes of a SHA-256, hex digits 0-f written as a-p. */
function idFromBytes(bytes: Buffer | string): string {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/**
 * The id Chromium gives an unpacked extension: from the manifest's `key` when it has one, else
 * from its absolute (symlink-resolved) path.
 */
export function expectedExtensionId(extensionDir: string): string {
  const dir = realpathSync(extensionDir);
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string };
    if (typeof manifest.key === 'string' && manifest.key) return idFromBytes(Buffer.from(manifest.key, 'base64'));
  } catch {
    /* Chromium will complain about the manifest itself */
  }
  return idFromBytes(dir);
}

function hasBackgroundWorker(extensionDir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
    return typeof manifest.background?.service_worker === 'string';
  } catch {
    return false;
  }
}

const hostOf = (url: string) => new URL(url).host;

/**
 * The extension id from its service worker (the way the FACTS say), checked against the id
 * computed from the path. Falls back to the computed id when no worker shows up in 10 s: after
 * a restart Chromium only starts an MV3 worker when an event needs it.
 */
async function findExtensionId(context: BrowserContext, extensionDir: string): Promise<string> {
  const expected = expectedExtensionId(extensionDir);
  if (!hasBackgroundWorker(extensionDir)) return expected;
  const isOurs = (url: string) => url.startsWith('chrome-extension://') && hostOf(url) === expected;
  const found = context.serviceWorkers().find((w) => isOurs(w.url()));
  if (found) return expected;
  try {
    await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: SERVICE_WORKER_TIMEOUT_MS });
    return expected;
  } catch {
    const others = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    if (others.length === 1) {
      const id = hostOf(others[0].url());
      console.warn(`[e2e] extension service worker ${id} does not match the id computed from the path (${expected}); using ${id}`);
      return id;
    }
    return expected;
  }
}

// ---------------------------------------------------------------------------------------------

function removeSingletonFiles(profileDir: string): void {
  for (const f of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) rmSync(join(profileDir, f), { force: true });
}

/** Describes where the profile's SingletonLock points, for messages. */
function describeLock(profileDir: string): string {
  try {
    return readlinkSync(join(profileDir, 'SingletonLock'));
  } catch {
    return '(none)';
  }
}

interface Spawned {
  child: ChildProcess;
  pid: number;
  wsUrl: string;
  exited: Promise<void>;
  stderrTail: () => string;
}

class StartupError extends Error {
  constructor(
    message: string,
    readonly profileLocked: boolean,
  ) {
    super(message);
  }
}

function spawnChromium(args: string[]): Promise<Spawned> {
  const exe = chromiumPath();
  const child = spawn(exe, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    return new Promise((_, fail) => child.once('error', (e) => fail(new Error(`cannot start ${exe}: ${e.message}`))));
  }
  liveGroups.add(pid);
  startWatchdog(pid);
  const exited = new Promise<void>((ok) =>
    child.once('exit', () => {
      ok();
    }),
  );

  // Keep the last lines of stderr for error messages; keep draining it for the browser's whole
  // life, or Chromium blocks once the pipe buffer is full.
  const tail: string[] = [];
  let partial = '';
  let onLine: ((line: string) => void) | undefined;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (/dbus|Failed to connect to the bus/.test(line)) continue; // no D-Bus in containers: noise
      tail.push(line);
      if (tail.length > 40) tail.shift();
      onLine?.(line);
    }
  });
  const stderrTail = () => tail.join('\n');

  let ready = false;
  return new Promise<Spawned>((ok, fail) => {
    const timer = setTimeout(() => {
      onLine = undefined;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      fail(new StartupError(`Chromium did not print its DevTools URL within ${STARTUP_TIMEOUT_MS} ms.\n${stderrTail()}`, false));
    }, STARTUP_TIMEOUT_MS);
    onLine = (line) => {
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        onLine = undefined;
        ready = true;
        ok({ child, pid, wsUrl: m[1], exited, stderrTail });
      }
    };
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(new StartupError(`cannot start ${exe}: ${e.message}`, false));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      liveGroups.delete(pid);
      if (ready) return;
      // Failed start: its zygotes may outlive it for a moment; they must not hold the profile
      // for a retry.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      const out = stderrTail();
      // A profile lock held by another live browser: Chromium hands over to it and exits 0
      // ("Opening in existing browser session."); a lock it cannot judge (other host name) exits 21.
      const locked = code === 21 || /profile appears to be in use|ProcessSingleton|existing browser session/i.test(out);
      fail(new StartupError(`Chromium exited (code ${code}, signal ${signal}) before it was ready.\n${out}`, locked));
    });
  });
}

/**
 * Start Chromium headless on `profileDir` (created if needed), optionally with an unpacked
 * extension, and connect Playwright to it over CDP.
 */
export async function launchChromium(opts: { profileDir: string; extensionDir?: string }): Promise<RunningBrowser> {
  const profileDir = resolve(opts.profileDir);
  mkdirSync(profileDir, { recursive: true });
  const extensionDir = opts.extensionDir ? resolve(opts.extensionDir) : undefined;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension at ${extensionDir} (manifest.json missing): run \`npm run build\``);
  }
  const holders = profileHolders(profileDir);
  if (holders.length > 0) {
    throw new Error(`profile ${profileDir} is still in use by process(es) ${holders.join(', ')}: kill() or close() the previous browser first`);
  }

  const args = [
    '--headless',
    '--no-sandbox', // we run as root
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
    ...QUIET_FLAGS,
    ...EXTRA_FLAGS,
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    'about:blank',
  ];

  let spawned: Spawned;
  try {
    spawned = await spawnChromium(args);
  } catch (e) {
    // After a SIGKILL the SingletonLock symlink (host-pid) stays behind. Chromium itself takes
    // it over when that pid is dead on this host; it refuses when the lock names another host
    // (or a hostname change). No live process holds the profile (checked above), so do what a
    // user's Chromium does after a crash: drop the Singleton* files and start once more.
    if (!(e instanceof StartupError) || !e.profileLocked) throw e;
    await waitFor('the failed start to let go of the profile', () => profileHolders(profileDir).length === 0, 5_000).catch(() => {
      throw e;
    });
    console.warn(`[e2e] Chromium refused the profile lock (${describeLock(profileDir)}); removing the stale Singleton* files and retrying`);
    removeSingletonFiles(profileDir);
    spawned = await spawnChromium(args);
  }
  const { pid, wsUrl, exited } = spawned;

  let exitedFlag = false;
  void exited.then(() => {
    exitedFlag = true;
    liveGroups.delete(pid);
  });

  const waitGone = async () => {
    await Promise.race([exited, sleep(GONE_TIMEOUT_MS)]);
    await waitFor(
      `Chromium ${pid} and its process group to be gone`,
      () => exitedFlag && !isAlive(pid) && groupMembers(pid).length === 0 && profileHolders(profileDir).length === 0,
      GONE_TIMEOUT_MS,
    );
    liveGroups.delete(pid);
    // The killed children are reparented to PID 1 and stay zombies until it reaps them (about
    // 1–2 s under some container inits). Zombies hold no files, but wait for them so that
    // nothing of this browser is left; an init that never reaps only earns a warning.
    await waitFor(`zombies of Chromium ${pid} to be reaped`, () => !groupExists(pid), ZOMBIE_REAP_MS).catch(() => {
      console.warn(
        `[e2e] ${listProcs().filter((p) => p.pgrp === pid).length} zombie process(es) of Chromium ${pid} not reaped by PID 1 after ${ZOMBIE_REAP_MS} ms`,
      );
    });
  };

  const killGroup = () => {
    if (exitedFlag && !groupExists(pid)) return; // already gone: never signal a reused group id
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    // Anything that holds the profile outside the group (none seen so far) goes too.
    for (const holder of profileHolders(profileDir)) {
      try {
        process.kill(holder, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };

  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(wsUrl, { timeout: STARTUP_TIMEOUT_MS });
  } catch (e) {
    killGroup();
    await waitGone().catch(() => {});
    throw e;
  }
  const context = browser.contexts()[0];

  const disconnect = async () => {
    await browser.close().catch(() => {});
  };

  const rb: RunningBrowser = {
    browser,
    context,
    pid,
    profileDir,
    async kill() {
      killGroup();
      await waitGone();
      await disconnect();
    },
    async close() {
      if (!exitedFlag) {
        const deadline = Date.now() + GRACEFUL_CLOSE_MS;
        try {
          const cdp = await browser.newBrowserCDPSession();
          await Promise.race([cdp.send('Browser.close'), sleep(GRACEFUL_CLOSE_MS)]);
        } catch {
          /* connection already closing */
        }
        // Let the browser and its helpers (storage, network, renderers) finish on their own;
        // whatever is still running after 5 s is killed.
        const graceful = await waitFor('graceful shutdown', () => exitedFlag && groupMembers(pid).length === 0, Math.max(0, deadline - Date.now())).then(
          () => true,
          () => false,
        );
        if (!graceful) {
          console.warn(`[e2e] Chromium ${pid} did not shut down within ${GRACEFUL_CLOSE_MS} ms; killing its process group`);
          killGroup();
        }
      }
      await waitGone();
      await disconnect();
    },
  };

  if (extensionDir) {
    try {
      rb.extensionId = await findExtensionId(context, extensionDir);
    } catch (e) {
      await rb.kill();
      throw e;
    }
  }
  return rb;
}

/** Open chrome-extension://<id>/<path> in a new tab of the browser's profile. */
export async function openExtensionPage(rb: RunningBrowser, path: string): Promise<Page> {
  if (!rb.extensionId) throw new Error('openExtensionPage: this browser was launched without an extensionDir');
  const page = await rb.context.newPage();
  // Catch errors from the very first script on; collectConsoleErrors(page) returns this list.
  collectConsoleErrors(page);
  await page.goto(`chrome-extension://${rb.extensionId}/${path.replace(/^\/+/, '')}`);
  return page;
}

const collected = new WeakMap<Page, string[]>();

/**
 * Console errors and uncaught exceptions of `page`, as they happen. Calling it again on the
 * same page returns the same array; pages from openExtensionPage() are watched from before
 * their first script runs, so errors during load are in it too.
 */
export function collectConsoleErrors(page: Page): string[] {
  const existing = collected.get(page);
  if (existing) return existing;
  const errors: string[] = [];
  collected.set(page, errors);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    errors.push(loc?.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

/** A fresh, empty profile directory under the OS temp dir (removed when the test process exits, unless XUNTING_E2E_KEEP_PROFILES=1). */
export async function newProfileDir(name: string): Promise<string> {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'profile';
  const dir = mkdtempSync(join(tmpdir(), `xunting-e2e-${safe}-`));
  createdProfiles.add(dir);
  return dir;
}
