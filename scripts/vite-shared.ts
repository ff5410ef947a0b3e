// Vite settings shared by the extension (wxt.config.ts), the micro-frontend
// (vite.mfe.config.ts) and the unit tests (vitest.config.ts).
import { fileURLToPath } from 'node:url';

export const preactJsx = {
  jsx: { runtime: 'automatic' as const, importSource: 'preact' },
};

const stub = fileURLToPath(new URL('./empty-module.js', import.meta.url));

/** jsPDF's optional html()/svg() helpers pull html2canvas, dompurify and canvg; we never use them. */
export const stubOptionalJsPdfDeps: Record<string, string> = {
  html2canvas: stub,
  dompurify: stub,
  canvg: stub,
};
