/**
 * A bad font is refused with `字体文件无效：<file>：<why>` before anything is drawn (jsPDF
 * itself would print garbage for a TTC or a CFF font, silently).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFontBytes, FontError, renderReport, type ReportFonts } from '../../../utils/pdf';
import { loadReportFonts, DEFAULT_FONT_DIR } from '../../../cli/node-fonts';
import { FONT_FILES } from '../../../utils/pdf';
import { demo } from '../../fixtures/records/builders';
import { tempDir } from './poppler';

let fonts: ReportFonts;
beforeAll(() => {
  fonts = loadReportFonts();
});

function refusal(name: string, bytes: Uint8Array | null): string {
  try {
    checkFontBytes(name, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(FontError);
    return (e as Error).message;
  }
  throw new Error('expected the font to be refused');
}

const withMagic = (magic: string, size = 4096) => {
  const b = new Uint8Array(size);
  for (let i = 0; i < 4; i++) b[i] = magic.charCodeAt(i);
  return b;
};

describe('checkFontBytes', () => {
  it('accepts the report fonts', () => {
    expect(() => checkFontBytes('r', fonts.regular.bytes)).not.toThrow();
    expect(() => checkFontBytes('b', fonts.bold.bytes)).not.toThrow();
    expect(() => checkFontBytes('e', fonts.ext!.bytes)).not.toThrow();
  });

  it('says which file and why', () => {
    expect(refusal('a.ttf', null)).toBe('字体文件无效：a.ttf：文件不存在或为空');
    expect(refusal('a.ttc', withMagic('ttcf'))).toMatch(/^字体文件无效：a\.ttc：这是字体集合（TTC）/);
    expect(refusal('a.otf', withMagic('OTTO'))).toMatch(/^字体文件无效：a\.otf：.*CFF 轮廓.*OTTO/);
    expect(refusal('a.woff', withMagic('wOFF'))).toMatch(/WOFF/);
    expect(refusal('a.ttf', new TextEncoder().encode('<html>404 Not Found</html>'))).toMatch(/不是 TrueType 字体标识/);
    expect(refusal('cut.ttf', fonts.regular.bytes.slice(0, 50_000))).toMatch(/^字体文件无效：cut\.ttf：「[^」]+」表超出文件末尾（文件被截断或损坏）/);
    expect(refusal('tiny.ttf', fonts.regular.bytes.slice(0, 8))).toMatch(/不是字体/);
    expect(refusal('dir.ttf', fonts.regular.bytes.slice(0, 40))).toMatch(/表目录不完整/);
  });

  it('renderReport refuses a broken font rather than print a garbage PDF', () => {
    const broken: ReportFonts = { ...fonts, bold: { name: 'NotoSerifSC-Bold.ttf', bytes: withMagic('OTTO') } };
    expect(() => renderReport(demo(), broken)).toThrow(/^字体文件无效：NotoSerifSC-Bold\.ttf：/);
  });

  it('a record that needs the Ext font fails clearly when it is not given', () => {
    const r = demo();
    r.chair = '刘䶮';
    expect(() => renderReport(r, { ...fonts, ext: null })).toThrow(/^字体文件无效：NotoSerifSC-Ext\.ttf：记录中有生僻字/);
  });
});

describe('loadReportFonts (Node)', () => {
  it('reports a missing file by its path', () => {
    const dir = tempDir('xunting-fonts-');
    copyFileSync(join(DEFAULT_FONT_DIR, FONT_FILES.coverage), join(dir, FONT_FILES.coverage));
    copyFileSync(join(DEFAULT_FONT_DIR, FONT_FILES.regular), join(dir, FONT_FILES.regular));
    expect(() => loadReportFonts({ dir })).toThrow(/^字体文件无效：.*NotoSerifSC-Bold\.ttf：文件不存在/);
  });

  it('reports a truncated file', () => {
    const dir = tempDir('xunting-fonts-');
    for (const f of Object.values(FONT_FILES)) copyFileSync(join(DEFAULT_FONT_DIR, f), join(dir, f));
    writeFileSync(join(dir, FONT_FILES.regular), fonts.regular.bytes.slice(0, 100_000));
    expect(() => loadReportFonts({ dir })).toThrow(/^字体文件无效：NotoSerifSC-Regular\.ttf：.*截断/);
  });
});
