import type { Page } from '@playwright/test';
import { collectConsoleErrors, type RunningBrowser } from './browser';

/**
 * Registered before any script of the page runs: every Content-Security-Policy violation of the
 * document lands in window.__csp (directive, blocked URI, and where it came from).
 */
const LISTEN = `document.addEventListener('securitypolicyviolation', (e) => (window.__csp ??= []).push(e.violatedDirective + ' ' + e.blockedURI + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));`;

/** Open chrome-extension://<id>/<path> with the CSP listener and console errors collected from the first script on. */
export async function openWatchedPage(rb: RunningBrowser, path: string): Promise<Page> {
  if (!rb.extensionId) throw new Error('openWatchedPage: this browser was launched without an extensionDir');
  const page = await rb.context.newPage();
  collectConsoleErrors(page);
  await page.addInitScript({ content: LISTEN });
  await page.goto(`chrome-extension://${rb.extensionId}/${path.replace(/^\/+/, '')}`);
  return page;
}

/** The violations the page's listener saw (undefined when there were none). */
export function cspViolations(page: Page): Promise<string[] | undefined> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp);
}
