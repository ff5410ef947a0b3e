import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/ensure-system-deps.mjs';

// Browser tests run in Debian's Chromium (scripts/ensure-system-deps.mjs installs it); Playwright
// never downloads a browser here (no internet). Specs that must SIGKILL and restart the browser
// start their own process with tests/e2e/support/browser.ts; the `page` fixture uses the
// launch options below.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // 2 cores: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
