/**
 * Node only: read the report fonts from public/fonts (or another folder). A missing file is
 * reported like any other bad font (`字体文件无效：<file>：文件不存在`), never a garbage PDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFontBytes, FONT_FILES, FontError, type FontFile, type ReportFonts } from '../utils/pdf';
import { parseCoverage } from '../utils/pdf';

/** public/fonts of this checkout. */
export const DEFAULT_FONT_DIR = fileURLToPath(new URL('../public/fonts/', import.meta.url));

function readBytes(dir: string, name: string): Uint8Array {
  try {
    const b = readFileSync(join(dir, name));
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FontError(join(dir, name), code === 'ENOENT' ? '文件不存在（请运行 npm run fonts 生成字体）' : `无法读取（${code ?? String(e)}）`);
  }
}

export interface LoadFontsOptions {
  /** Folder holding the fonts and coverage.json (default public/fonts). */
  dir?: string;
  /** Read the fallback fonts too (Ext about 10 MB, SIP about 2.4 MB); default true. */
  ext?: boolean;
}

/** Read and check the report fonts. The Ext font is read lazily-cheap: pass `ext: false` to skip it. */
export function loadReportFonts(opts: LoadFontsOptions = {}): ReportFonts {
  const dir = opts.dir ?? DEFAULT_FONT_DIR;
  const file = (name: string): FontFile => {
    const bytes = readBytes(dir, name);
    checkFontBytes(name, bytes);
    return { name, bytes };
  };
  let coverageText: string;
  try {
    coverageText = readFileSync(join(dir, FONT_FILES.coverage), 'utf8');
  } catch {
    throw new FontError(join(dir, FONT_FILES.coverage), '字体覆盖表不存在（请运行 npm run fonts 生成）');
  }
  let coverage;
  try {
    coverage = parseCoverage(coverageText);
  } catch (e) {
    throw new FontError(FONT_FILES.coverage, e instanceof Error ? e.message : String(e));
  }
  return {
    regular: file(FONT_FILES.regular),
    bold: file(FONT_FILES.bold),
    ext: opts.ext === false ? null : file(FONT_FILES.ext),
    sip: opts.ext === false ? null : file(FONT_FILES.sip),
    coverage,
  };
}
