// The JavaScript a built page loads before its first paint: the HTML's module scripts and
// modulepreloads, and everything they import statically (followed through the chunks; dynamic
// import() is not followed). Sizes gzipped at level 9, per file. Used by the bench (rows) and
// by check-extension.mjs (the side panel's budget).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The side panel's budget (issue 13): its eager JS, gzipped, at most this many bytes. */
export const SIDE_PANEL_EAGER_BUDGET = 150 * 1024;

/** Static import specifiers of a built ES module (minified or not), `import(` excluded. */
export function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/** Eager JS of `html` (a file inside the build `root`): files, raw and gzipped bytes. */
export function eagerJs(root, html) {
  const page = readFileSync(join(root, html), 'utf8');
  const entries = [...page.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = entries.map((e) => (e.startsWith('/') ? join(root, e) : resolve(dirname(join(root, html)), e)));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8')))
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(spec.startsWith('/') ? join(root, spec) : resolve(dirname(file), spec));
  }
  const files = [...seen].map((f) => {
    const bytes = readFileSync(f);
    return { file: f.slice(root.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}
