import { defineConfig } from 'vitest/config';
import { preactJsx, stubOptionalJsPdfDeps } from './scripts/vite-shared';

export default defineConfig({
  oxc: preactJsx,
  resolve: { alias: stubOptionalJsPdfDeps },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20000,
  },
});
