// Runs once before the browser tests: system tools (Debian's Chromium, poppler, qpdf, NSS tools,
// openssl; apt-get installs missing ones as root) and the build output the tests load.
//
// `npm test` (scripts/test.mjs) builds before it runs Playwright. To run specs that do not need
// the app build (e.g. the harness self-test) on a tree that has not been built yet:
//   XUNTING_E2E_SKIP_BUILD_CHECK=1 npx playwright test tests/e2e/harness.spec.ts
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureSystemDeps } from '../../scripts/ensure-system-deps.mjs';

export default async function globalSetup(): Promise<void> {
  await ensureSystemDeps();
  if (process.env.XUNTING_E2E_SKIP_BUILD_CHECK === '1') return;
  const root = resolve(import.meta.dirname, '../..');
  const missing = ['.output/chrome-mv3/manifest.json', 'dist/mfe/index.html'].filter((f) => !existsSync(resolve(root, f)));
  if (missing.length > 0) {
    throw new Error(
      `Build output missing: ${missing.join(', ')}. Run \`npm run build\` first ` +
        '(`npm test` builds before it runs Playwright). ' +
        'Set XUNTING_E2E_SKIP_BUILD_CHECK=1 only for specs that do not load the app (tests/e2e/harness.spec.ts).',
    );
  }
}
