// The built Chrome extension (.output/chrome-mv3) in Debian's headless Chromium, in a fresh
// profile, as the browser parts of the bench use it.
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../ensure-system-deps.mjs';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  ctx: BrowserContext;
  /** The extension's id, for chrome-extension://ID/page.html. */
  id: string;
  /** Close the browser and delete the profile. */
  close(): Promise<void>;
}

export async function openExtension(): Promise<ExtensionBrowser> {
  const ext = EXTENSION_DIR;
  const profile = await mkdtemp(join(tmpdir(), 'xunting-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await ctx.close();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    return { ctx, id: new URL(sw.url()).host, close };
  } catch (e) {
    await close();
    throw e;
  }
}
