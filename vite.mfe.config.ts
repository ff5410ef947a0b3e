import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { preactJsx, stubOptionalJsPdfDeps } from './scripts/vite-shared';

// The micro-frontend: one ES module (dist/mfe/xunting-elements.js) + public/ (defaults, fonts)
// + a small host page (dist/mfe/index.html) that embeds it.
export default defineConfig({
  oxc: preactJsx,
  resolve: { alias: stubOptionalJsPdfDeps },
  publicDir: 'public',
  // Emitted files (the inbox's verifier worker) are found beside the module, wherever a portal serves it.
  base: './',
  build: {
    outDir: 'dist/mfe',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    lib: {
      entry: 'mfe/index.ts',
      formats: ['es'],
      fileName: () => 'xunting-elements.js',
    },
  },
  plugins: [
    {
      name: 'xunting-host-page',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'index.html', source: readFileSync('mfe/host.html', 'utf8') });
        this.emitFile({ type: 'asset', fileName: 'host.js', source: readFileSync('mfe/host.js', 'utf8') });
        this.emitFile({ type: 'asset', fileName: 'supervisor.html', source: readFileSync('mfe/supervisor.html', 'utf8') });
      },
    },
  ],
});
