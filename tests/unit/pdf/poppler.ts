/** Poppler and qpdf, run on a PDF written to a temporary folder: the external verifiers of the report. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'xunting-pdf-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function savePdf(bytes: Uint8Array, name = 'report.pdf'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** `pdftotext -raw`: text in the order it was drawn. */
export const textRaw = (pdf: string) => run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
/** `pdftotext -layout`: text as it sits on the page. */
export const textLayout = (pdf: string) => run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);

export function qpdfCheck(pdf: string): string {
  return run('qpdf', ['--check', pdf]);
}

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  unicode: boolean;
}

export function pdffonts(pdf: string): FontRow[] {
  const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type (may be two words), encoding, emb, sub, uni, object, gen
    const [emb, , uni] = cols.slice(-5, -2);
    return { name: cols[0], type: cols.slice(1, -6).join(' '), encoding: cols[cols.length - 6], embedded: emb === 'yes', unicode: uni === 'yes' };
  });
}

export function pdfinfo(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', pdf]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** `pdfdetach -saveall`: every attachment as name → bytes. */
export function attachments(pdf: string): Map<string, Buffer> {
  const dir = tempDir('xunting-detach-');
  execFileSync('pdfdetach', ['-saveall', '-o', dir, pdf]);
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** `pdftotext -bbox`: every word with its box (points, y from the top). */
function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  const pages: { width: number; height: number }[] = [];
  const all: Word[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const m of html.matchAll(pageRe)) {
    pages.push({ width: Number(m[1]), height: Number(m[2]) });
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      all.push({ page: pages.length, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: w[5] });
    }
  }
  return { pages, words: all };
}

/** All whitespace removed: wrapping only ever adds or drops whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, '');

const FOOTER = /^第\d+页\/共\d+页$/;
const REPEATED_HEADERS = new Set(['评分项目满分得分说明', '姓名职责签名日期']);

/**
 * The report's running text: raw text without page footers and repeated table headers, all
 * whitespace removed, so a cell or paragraph split over lines and pages reads as one string.
 */
export function bodyText(raw: string): string {
  return raw
    .split(/\n|\f/)
    .map(squash)
    .filter((l) => l && !FOOTER.test(l) && !REPEATED_HEADERS.has(l))
    .join('');
}

/**
 * Where a page's words break the layout: a word outside the margins (40 pt at the sides and
 * top, 20 pt at the bottom for the page number), or two words whose boxes overlap.
 */
export function layoutFaults(pdf: string): string[] {
  const { pages, words: all } = words(pdf);
  const faults: string[] = [];
  for (const w of all) {
    const page = pages[w.page - 1];
    if (w.xMin < 40 || w.xMax > page.width - 40 || w.yMin < 40 || w.yMax > page.height - 20) faults.push(`page ${w.page}: "${w.text}" outside the margins`);
  }
  for (let p = 1; p <= pages.length; p++) {
    const ws = all.filter((w) => w.page === p);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j < ws.length; j++) {
        const a = ws[i];
        const b = ws[j];
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (dx > 0.5 && dy > 0.5) faults.push(`page ${p}: "${a.text}" / "${b.text}" overlap`);
      }
    }
  }
  return faults;
}

/** The fonts `pdffonts` lists, one line each: "name embedded unicode Identity-H" when all is well. */
export function fontSummary(pdf: string): string[] {
  return pdffonts(pdf)
    .map((r) => [r.name, r.embedded ? 'embedded' : 'NOT embedded', r.unicode ? 'unicode' : 'NO unicode map', r.encoding].join(' '))
    .sort();
}

/** `pdftotext -bbox`: each word with its box (points, y down from its page's top). */
export function wordBoxes(pdf: string): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    text: m[4],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

/** Page 1 rendered in grey at 72 dpi (one pixel per point): width, height and the grey levels, row by row. */
export function greyPixels(pdf: string): { width: number; height: number; grey: Uint8Array } {
  const out = join(tempDir('xunting-ppm-'), 'page');
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), grey: new Uint8Array(pgm.subarray(header[0].length)) };
}
