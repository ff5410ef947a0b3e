// Self-test of tests/e2e/support/browser.ts that does not need the app build: a tiny MV3
// extension saves a text input to IndexedDB on every input event; we SIGKILL Chromium, start it
// again on the same profile and expect the text back. This proves the harness can kill and
// restart a real browser, and that a SIGKILL does not lose committed IndexedDB data.
//
// Runs without `npm run build`: XUNTING_E2E_SKIP_BUILD_CHECK=1 npx playwright test tests/e2e/harness.spec.ts
import { test, expect, type Page } from '@playwright/test';
import { lstatSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openExtensionPage, collectConsoleErrors, newProfileDir, expectedExtensionId, type RunningBrowser } from './support/browser';

const MANIFEST = {
  manifest_version: 3,
  name: 'harness self-test',
  version: '1.0.0',
  background: { service_worker: 'sw.js' },
};

const SW = `chrome.runtime.onInstalled.addListener(() => {});\n`;

// MV3's CSP forbids inline scripts: the page loads page.js.
const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>harness</title></head>
<body><label>Draft <input id="draft" autocomplete="off"></label><script src="page.js"></script></body></html>
`;

const PAGE_JS = `
const input = document.getElementById('draft');
const dbReady = new Promise((ok, fail) => {
  const req = indexedDB.open('harness', 1);
  req.onupgradeneeded = () => req.result.createObjectStore('kv');
  req.onsuccess = () => ok(req.result);
  req.onerror = () => fail(req.error);
});
input.addEventListener('input', async () => {
  const value = input.value;
  const db = await dbReady;
  const tx = db.transaction('kv', 'readwrite');
  tx.objectStore('kv').put(value, 'draft');
  tx.oncomplete = () => { document.body.dataset.saved = value; };
  tx.onerror = () => console.error('save failed', tx.error);
});
dbReady.then((db) => {
  const req = db.transaction('kv').objectStore('kv').get('draft');
  req.onsuccess = () => {
    if (typeof req.result === 'string') input.value = req.result;
    document.body.dataset.restored = '1';
  };
}, (e) => console.error('open failed', e));
`;

function writeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xunting-e2e-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, 'sw.js'), SW);
  writeFileSync(join(dir, 'page.html'), PAGE_HTML);
  writeFileSync(join(dir, 'page.js'), PAGE_JS);
  return dir;
}

const readDraft = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown>((ok, fail) => {
        const req = indexedDB.open('harness');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('kv').objectStore('kv').get('draft');
          get.onsuccess = () => ok(get.result);
          get.onerror = () => fail(get.error);
        };
      }),
  );

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

test.describe('browser harness (no app build needed)', () => {
  let extDir: string;
  let rb: RunningBrowser | undefined;
  test.beforeAll(() => {
    extDir = writeExtension();
  });
  test.afterAll(() => rmSync(extDir, { recursive: true, force: true }));
  test.afterEach(async () => {
    await rb?.close();
    rb = undefined;
  });

  test('typed text survives SIGKILL of Chromium: back in IndexedDB and in the input', async () => {
    const text = '巡听 draft — typed just before the crash';
    const profileDir = await newProfileDir('harness-kill');

    const t0 = Date.now();
    rb = await launchChromium({ profileDir, extensionDir: extDir });
    const launchedMs = Date.now() - t0;
    expect(rb.extensionId).toBe(expectedExtensionId(extDir));
    expect(rb.context.serviceWorkers().some((w) => w.url() === `chrome-extension://${rb!.extensionId}/sw.js`)).toBe(true);

    let page = await openExtensionPage(rb, 'page.html');
    const errors = collectConsoleErrors(page);
    await expect(page.locator('body')).toHaveAttribute('data-restored', '1');
    await page.getByLabel('Draft').pressSequentially(text);
    await expect(page.locator('body')).toHaveAttribute('data-saved', text);
    await expect.poll(() => readDraft(page)).toBe(text);

    const firstPid = rb.pid;
    const t1 = Date.now();
    await rb.kill();
    const killedMs = Date.now() - t1;
    expect(groupAlive(firstPid)).toBe(false);
    // SIGKILL leaves the profile lock behind (a dangling symlink "host-pid"); the relaunch below
    // must cope with it.
    expect(lstatSync(join(profileDir, 'SingletonLock')).isSymbolicLink()).toBe(true);

    const t2 = Date.now();
    rb = await launchChromium({ profileDir, extensionDir: extDir });
    const relaunchedMs = Date.now() - t2;
    expect(rb.pid).not.toBe(firstPid);
    page = await openExtensionPage(rb, 'page.html');
    const errorsAfter = collectConsoleErrors(page);
    await expect(page.locator('body')).toHaveAttribute('data-restored', '1');
    expect(await readDraft(page)).toBe(text);
    await expect(page.getByLabel('Draft')).toHaveValue(text);

    expect(errors).toEqual([]);
    expect(errorsAfter).toEqual([]);
    const timing = `launch ${launchedMs} ms, kill ${killedMs} ms, relaunch ${relaunchedMs} ms, total ${Date.now() - t0} ms`;
    test.info().annotations.push({ type: 'timing', description: timing });
    console.log(`[harness] ${timing}`);
  });

  test('a stale profile lock that names another host is cleared, like Chromium does after a crash', async () => {
    // Chromium takes over a lock "thishost-deadpid" by itself (the case after kill()), but it
    // refuses (exit 21, "The profile appears to be in use … on another computer") a lock from
    // another host name, e.g. a profile carried over from another machine or container.
    const profileDir = await newProfileDir('harness-lock');
    symlinkSync('some-other-host-4242', join(profileDir, 'SingletonLock'));
    rb = await launchChromium({ profileDir });
    const page = await rb.context.newPage();
    await page.goto('about:blank');
    expect(readlinkSync(join(profileDir, 'SingletonLock'))).toMatch(new RegExp(`-${rb.pid}$`));
  });

  test('close() shuts Chromium down gracefully and leaves no process behind', async () => {
    const profileDir = await newProfileDir('harness-close');
    rb = await launchChromium({ profileDir });
    expect(rb.extensionId).toBeUndefined();
    const page = await rb.context.newPage();
    await page.goto('about:blank');
    const pid = rb.pid;
    await rb.close();
    rb = undefined;
    expect(groupAlive(pid)).toBe(false);
    // A clean shutdown removes the lock.
    expect(() => lstatSync(join(profileDir, 'SingletonLock'))).toThrow();
  });
});
