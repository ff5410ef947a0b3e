/**
 * No character silently lost: what no font prints is listed with its field and the report is
 * refused; rare BMP ideographs print with the Ext font and come back from pdftotext.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findUnprintable, fontFor, needsExtFont, parseCoverage, renderReport, UnprintableError, type ReportFonts } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import { demo } from '../../fixtures/records/builders';
import { bodyText, pdffonts, savePdf, squash, textRaw } from './poppler';

let fonts: ReportFonts;
beforeAll(() => {
  fonts = loadReportFonts();
});

const cp = (ch: string) => ch.codePointAt(0)!;

describe('coverage', () => {
  it('knows which font prints a character', () => {
    const c = fonts.coverage;
    expect(fontFor(c, cp('锡'))).toBe('main');
    // Given-name characters outside GB2312 that the main subset carries on purpose.
    for (const ch of '喆堃珺') expect(fontFor(c, cp(ch))).toBe('main');
    // Rarer ideographs (CJK Ext A, rare unified) come from the Ext fallback.
    for (const ch of '䶮骉婠') expect(fontFor(c, cp(ch))).toBe('ext');
    // outside the BMP: names of CJK Extension B and later come from the SIP face
    for (const ch of '𠮷𪚥𬌗') expect(fontFor(c, cp(ch))).toBe('sip');
    expect(fontFor(c, 0xe000)).toBeNull(); // private use: no face has it
    expect(fontFor(c, cp('😀'))).toBeNull();
  });

  it('rejects a malformed coverage table', () => {
    expect(() => parseCoverage({ main: [[10, 5]] })).toThrow(/字体覆盖表无效/);
    expect(() =>
      parseCoverage({
        main: [
          [1, 5],
          [3, 9],
        ],
      }),
    ).toThrow(/递增/);
    expect(() => parseCoverage('{}')).toThrow(/main/);
  });
});

describe('findUnprintable', () => {
  it('lists every unprintable character with its Chinese field name and path', () => {
    const r = demo();
    r.observers[1].name = '\uE000祥';
    r.narrative.problems = '个别同志发言照稿念😀，联系实际不够👍。';
    const item = r.template.sections[0].items[0];
    r.scores[item.id].note = '材料齐全\uE000';
    r.chair = '王堃';
    r.leadReader = '刘䶮'; // rare but printable (Ext font)
    const found = findUnprintable(r, fonts.coverage);
    expect(found).toEqual(
      expect.arrayContaining([
        { field: '巡听人员姓名', path: '$.observers[1].name', chars: ['\uE000'] },
        { field: '存在问题', path: '$.narrative.problems', chars: ['😀', '👍'] },
        { field: `评分说明：「${item.title}」`, path: `$.scores["${item.id}"].note`, chars: ['\uE000'] },
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('renderReport refuses, naming the fields and characters in Chinese', () => {
    const r = demo();
    r.observers[0].name = '吉\uE000';
    r.narrative.suggestions = '建议加强学习🙂';
    let error: unknown;
    try {
      renderReport(r, fonts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnprintableError);
    const msg = (error as Error).message;
    expect(msg).toMatch(/无法打印/);
    expect(msg).toContain('巡听人员姓名（$.observers[0].name）：「\uE000」(U+E000)');
    expect(msg).toContain('意见建议（$.narrative.suggestions）：「🙂」(U+1F642)');
    expect((error as UnprintableError).fields).toHaveLength(2);
  });

  it('tabs and Unicode spaces print as spaces; an invisible character is named by its code', () => {
    const r = demo();
    const item = r.template.sections[1].items[0];
    r.scores[item.id].note = '领学\t认真，\u2003解读\u2009到位。';
    r.place = '三楼\u200b会议室';
    const found = findUnprintable(r, fonts.coverage);
    expect(found).toEqual([{ field: '地点', path: '$.place', chars: ['\u200b'] }]);
    expect(() => renderReport(r, fonts)).toThrow('地点（$.place）：(U+200B，不可见字符)');
    r.place = '三楼会议室';
    const body = bodyText(textRaw(savePdf(renderReport(r, fonts))));
    expect(body).toContain('领学认真，解读到位。');
  });

  it('a clean record has nothing unprintable and needs no Ext font', () => {
    const r = demo();
    expect(findUnprintable(r, fonts.coverage)).toEqual([]);
    expect(needsExtFont(r, fonts.coverage)).toBe(false);
  });
});

describe('rare names print', () => {
  it('张喆, 王堃, 李珺 (main subset) and 刘䶮, 王骉 (Ext font) all come back from pdftotext', () => {
    const r = demo();
    r.chair = '张喆';
    r.leadReader = '王堃';
    r.observers[0].name = '李珺';
    r.observers[1].name = '刘䶮';
    r.speakers[0].name = '王骉';
    r.narrative.highlights = `领学人刘䶮同志准备充分。${r.narrative.highlights}`;
    expect(needsExtFont(r, fonts.coverage)).toBe(true);
    const path = savePdf(renderReport(r, fonts), 'rare.pdf');
    const names = pdffonts(path).map((f) => f.name);
    expect(names).toContain('NotoSerifSCXuntingExt-Regular');
    expect(pdffonts(path).every((f) => f.embedded)).toBe(true);
    const body = bodyText(textRaw(path));
    for (const s of ['主持人张喆', '领学人王堃', '李珺组长', '刘䶮组员', '王骉（', squash(r.narrative.highlights.split('\n')[0])]) expect(body).toContain(s);
  });

  it('the Ext font is left out when the record does not need it', () => {
    const path = savePdf(renderReport(demo(), fonts));
    expect(pdffonts(path).map((f) => f.name)).not.toContain('NotoSerifSCXuntingExt-Regular');
  });
});
