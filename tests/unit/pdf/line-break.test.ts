import { describe, it, expect } from 'vitest';
import {
  breakLines,
  justifyLines,
  placeLine,
  stretchPoints,
  HALF_LEFT,
  HALF_RIGHT,
  NO_START,
  NO_END,
  type BrokenLine,
  type Measure,
} from '../../../utils/pdf/line-break';

/** Every ASCII character is 0.5 wide, everything else (CJK, fullwidth punctuation …) is 1 wide per code point. */
const measure: Measure = (text) => {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x80 ? 0.5 : 1;
  return w;
};

const chars = (s: string): string[] => Array.from(s);

const MARKS = HALF_LEFT + HALF_RIGHT;
const isMark = (c: string | undefined) => c !== undefined && MARKS.includes(c);
/** The width a line is set in (标点挤压): `measure`, less half of each full-width mark next to another one. */
function setWidth(text: string): number {
  const cs = chars(text);
  return cs.reduce((w, c, i) => w + measure(c) / (isMark(c) && (isMark(cs[i - 1]) || isMark(cs[i + 1])) ? 2 : 1), 0);
}
const firstChar = (s: string): string => chars(s)[0] ?? '';
const lastChar = (s: string): string => chars(s).at(-1) ?? '';

const T_OPENING = '会议由党组书记主持，围绕学习贯彻习近平总书记关于内蒙古工作的重要讲话精神开展交流研讨。';
const T_TIME = '本次学习于2026年11月22日上午09:40开始，历时3.5小时，应到23人、实到23人，出席率100%。';
const T_QUOTES = '与会同志结合《中国共产党纪律处分条例》和“两个确立”的决定性意义，逐一作交流发言，做到学有所思、思有所悟。';
const T_SCORE = '评分结果：理论联系实际得分为4.5分（满分5分），发言质量良好；存在问题……部分发言照本宣科，需进一步改进！';
const T_REFS = '巡听组指出：要把学习成果转化为推动高质量发展的实际成效（见附件2）；整改情况于2026年12月31日前报送。';

const PARAGRAPHS = [T_OPENING, T_TIME, T_QUOTES, T_SCORE, T_REFS];
/** Multi-paragraph document with \n, \r\n and an empty paragraph. */
const DOCUMENT = [T_OPENING, T_TIME, '', T_QUOTES].join('\n') + '\r\n' + [T_SCORE, T_REFS].join('\n');

/** Group lines into paragraphs using the `last` flag. */
function paragraphsOf(lines: BrokenLine[]): BrokenLine[][] {
  const out: BrokenLine[][] = [];
  let cur: BrokenLine[] = [];
  for (const line of lines) {
    cur.push(line);
    if (line.last) {
      out.push(cur);
      cur = [];
    }
  }
  expect(cur, 'the final line must be marked last').toEqual([]);
  return out;
}

/**
 * Invariants for text without spaces (so nothing may be dropped):
 * lossless, 避头尾 respected, width respected, widths consistent with measure,
 * no split surrogate pairs.
 */
function checkInvariants(text: string, maxWidth: number, lines: BrokenLine[]): void {
  const paras = text.split(/\r?\n/);
  const groups = paragraphsOf(lines);
  expect(groups.length).toBe(paras.length);
  groups.forEach((group, p) => {
    expect(group.map((l) => l.text).join(''), `paragraph ${p} at width ${maxWidth}`).toBe(paras[p]);
    group.forEach((line, k) => {
      const where = `width ${maxWidth}, paragraph ${p}, line ${k}: ${JSON.stringify(line.text)}`;
      expect(line.last, where).toBe(k === group.length - 1);
      if (k > 0) expect(NO_START.includes(firstChar(line.text)), `starts with no-start char, ${where}`).toBe(false);
      if (k < group.length - 1) expect(NO_END.includes(lastChar(line.text)), `ends with no-end char, ${where}`).toBe(false);
      if (group.length > 1) expect(line.text.length, `empty line inside a paragraph, ${where}`).toBeGreaterThan(0);
      expect(line.width, where).toBeCloseTo(setWidth(line.text), 9);
      if (chars(line.text).length > 1) expect(line.width, `too wide, ${where}`).toBeLessThanOrEqual(maxWidth);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line.text), where).toBe(false);
    });
  });
}

/** Assert that no line boundary falls inside any occurrence of `unit` (which fits the width). */
function checkNotSplit(text: string, lines: BrokenLine[], unit: string): void {
  const groups = paragraphsOf(lines);
  text.split(/\r?\n/).forEach((para, p) => {
    const boundaries: number[] = [];
    let pos = 0;
    for (const line of groups[p].slice(0, -1)) boundaries.push((pos += line.text.length));
    const split: number[] = [];
    for (let at = para.indexOf(unit); at >= 0; at = para.indexOf(unit, at + 1)) {
      if (boundaries.some((b) => b > at && b < at + unit.length)) split.push(at);
    }
    expect(split, `"${unit}" split in paragraph ${p}`).toEqual([]);
  });
}

describe('NO_START / NO_END', () => {
  it('contain the GB/T 15834 punctuation in CJK, fullwidth and ASCII forms', () => {
    for (const ch of '，。、；：？！）》」』】〕〗〙〛’”…‥·—～%‰℃,.;:?!)]}>') expect(NO_START).toContain(ch);
    for (const ch of '（《「『【〔〖〘〚‘“([{<') expect(NO_END).toContain(ch);
    for (const ch of NO_START) expect(NO_END).not.toContain(ch);
  });
});

describe('breakLines', () => {
  it('keeps short text on one line', () => {
    expect(breakLines('会议开始。', 30, measure)).toEqual([{ text: '会议开始。', width: 5, last: true }]);
  });

  it('handles empty, newline-only and whitespace-only text', () => {
    expect(breakLines('', 10, measure)).toEqual([{ text: '', width: 0, last: true }]);
    expect(breakLines('\n', 10, measure)).toEqual([
      { text: '', width: 0, last: true },
      { text: '', width: 0, last: true },
    ]);
    expect(breakLines('   ', 10, measure)).toEqual([{ text: '   ', width: 1.5, last: true }]);
    // spaces that do not fit are dropped, but the paragraph still yields one line
    expect(breakLines('      ', 1, measure)).toEqual([{ text: '', width: 0, last: true }]);
  });

  it('breaks between CJK characters, filling each line', () => {
    const lines = breakLines(T_OPENING, 10, measure);
    expect(lines.map((l) => l.text)).toEqual(['会议由党组书记主持，', '围绕学习贯彻习近平总', '书记关于内蒙古工作的', '重要讲话精神开展交流', '研讨。']);
    expect(lines.map((l) => l.last)).toEqual([false, false, false, false, true]);
  });

  it('pulls the previous character down instead of starting a line with closing punctuation', () => {
    // "会议由党组书记主持" fills 9; "，" may not start the next line, so "持" moves down with it
    expect(
      breakLines(T_OPENING, 9, measure)
        .map((l) => l.text)
        .slice(0, 2),
    ).toEqual(['会议由党组书记主', '持，围绕学习贯彻习']);
    // repeated for sequences of closing punctuation: "！」"
    expect(breakLines('甲乙丙丁！」戊己', 4, measure).map((l) => l.text)).toEqual(['甲乙丙', '丁！」', '戊己']);
    // and an opening quotation mark never ends a line
    expect(breakLines('他说：“好。”结束', 4, measure).map((l) => l.text)).toEqual(['他说：', '“好。”', '结束']);
  });

  it('moves opening punctuation at the end of a line to the next line', () => {
    // "学习贯彻《" would fill 5, but "《" may not end the line (and 神 is not left alone)
    expect(breakLines('学习贯彻《条例》精神', 5, measure).map((l) => l.text)).toEqual(['学习贯彻', '《条例》', '精神']);
  });

  it('keeps numbers, times and percentages whole', () => {
    const lines = breakLines(T_TIME, 8, measure);
    expect(lines.map((l) => l.text)).toEqual(['本次学习于2026年', '11月22日上午', '09:40开始，历时', '3.5小时，应到23', '人、实到23人，出', '席率100%。']);
  });

  it.each([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 19, 23, 29, 30])('respects all rules on a realistic report at width %i', (maxWidth) => {
    const lines = breakLines(DOCUMENT, maxWidth, measure);
    checkInvariants(DOCUMENT, maxWidth, lines);
  });

  it('respects all rules for every width from 3 to 30', () => {
    for (let maxWidth = 3; maxWidth <= 30; maxWidth++) {
      for (const text of [DOCUMENT, ...PARAGRAPHS]) {
        const lines = breakLines(text, maxWidth, measure);
        checkInvariants(text, maxWidth, lines);
        for (const unit of ['2026', '09:40', '3.5', '4.5', '100%', '23']) checkNotSplit(text, lines, unit);
      }
    }
  });

  it('also works with fractional widths', () => {
    for (let maxWidth = 3.25; maxWidth <= 12; maxWidth += 0.75) {
      const lines = breakLines(DOCUMENT, maxWidth, measure);
      checkInvariants(DOCUMENT, maxWidth, lines);
      checkNotSplit(DOCUMENT, lines, '09:40');
    }
  });

  it('keeps hard breaks, including \\r\\n and empty paragraphs', () => {
    const lines = breakLines('第一段。\r\n\r\n第二段较长的内容。\n第三段', 5, measure);
    expect(lines).toEqual([
      { text: '第一段。', width: 4, last: true },
      { text: '', width: 0, last: true },
      { text: '第二段较长', width: 5, last: false },
      { text: '的内容。', width: 4, last: true },
      { text: '第三段', width: 3, last: true },
    ]);
  });

  it('keeps dates like 2026-11-22 and e-mail addresses whole when they fit', () => {
    const text = '整改时限为2026-11-22，联系邮箱xuting@example.gov.cn，电话0471-1234567。';
    for (let maxWidth = 12; maxWidth <= 30; maxWidth++) {
      const lines = breakLines(text, maxWidth, measure);
      checkInvariants(text, maxWidth, lines);
      for (const unit of ['2026-11-22', 'xuting@example.gov.cn', '0471-1234567']) checkNotSplit(text, lines, unit);
    }
  });

  it('splits a Latin run by character only when it is wider than the line', () => {
    expect(breakLines('ABCDEFGHIJ', 2, measure).map((l) => l.text)).toEqual(['ABCD', 'EFGH', 'IJ']);
    expect(breakLines('ABCDEFGHIJ', 5, measure).map((l) => l.text)).toEqual(['ABCDEFGHIJ']);
    // the run fits on a line of its own: moved down whole
    expect(breakLines('编号ABC123', 3, measure).map((l) => l.text)).toEqual(['编号', 'ABC123']);
    const url = '详见https://www.example.gov.cn/study/2026/notice.html';
    for (let maxWidth = 3; maxWidth <= 30; maxWidth++) checkInvariants(url, maxWidth, breakLines(url, maxWidth, measure));
  });

  it('breaks at spaces between Latin words and drops the space at the break', () => {
    const text = 'Study the Party Constitution and the Party regulations carefully';
    for (let maxWidth = 7; maxWidth <= 30; maxWidth++) {
      const lines = breakLines(text, maxWidth, measure);
      // every word fits, so lines only break at (single) spaces, which are dropped
      expect(lines.map((l) => l.text).join(' ')).toBe(text);
      for (const line of lines) {
        expect(line.text).not.toMatch(/^ | $/);
        expect(line.width).toBeLessThanOrEqual(maxWidth);
        expect(line.width).toBe(measure(line.text));
      }
    }
    expect(breakLines('Study the Party', 5, measure).map((l) => l.text)).toEqual(['Study the', 'Party']);
  });

  it('mixes Chinese and spaced Latin text without losing non-space characters', () => {
    const text = '学习材料见 https://www.example.gov.cn/xxjy 网站，会议于 09:40 开始，共 23 人参加。';
    const strip = (s: string) => s.replace(/ /g, '');
    for (let maxWidth = 3; maxWidth <= 30; maxWidth++) {
      const lines = breakLines(text, maxWidth, measure);
      expect(strip(lines.map((l) => l.text).join(''))).toBe(strip(text));
      lines.forEach((line, k) => {
        if (k > 0) expect(NO_START).not.toContain(firstChar(line.text));
        if (k < lines.length - 1) expect(NO_END).not.toContain(lastChar(line.text));
        expect(line.text).not.toMatch(/^ | $/);
        if (chars(line.text).length > 1) expect(line.width).toBeLessThanOrEqual(maxWidth);
      });
      // spaces are dropped, so look for the whole time on one line
      expect(lines.some((l) => l.text.includes('09:40'))).toBe(true);
    }
  });

  it('keeps dash and ellipsis pairs together', () => {
    const text = '存在的问题——学用脱节……有待改进。';
    for (let maxWidth = 3; maxWidth <= 20; maxWidth++) {
      const lines = breakLines(text, maxWidth, measure);
      checkInvariants(text, maxWidth, lines);
      checkNotSplit(text, lines, '——');
      checkNotSplit(text, lines, '……');
    }
  });

  it('never splits surrogate pairs or emoji sequences', () => {
    const text = '𠮷野家𩸽定食😀👍🏽好👨‍👩‍👧🇨🇳，完。';
    for (let maxWidth = 1; maxWidth <= 12; maxWidth++) {
      const lines = breakLines(text, maxWidth, measure);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const line of lines) {
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line.text)).toBe(false);
        expect(line.text).not.toMatch(/^(\u200D|\uFE0F|[\u{1F3FB}-\u{1F3FF}])/u);
      }
      checkNotSplit(text, lines, '👨‍👩‍👧');
      checkNotSplit(text, lines, '🇨🇳');
      checkNotSplit(text, lines, '👍🏽');
    }
  });

  it('gives width priority over 避头尾 when an unbreakable sequence is wider than the line', () => {
    // "例》”。" cannot be separated by the rules but is 4 wide
    const text = '“《条例》”。';
    const lines = breakLines(text, 3, measure);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(3);
    // a single character wider than the line gets a line of its own
    expect(breakLines('会议', 0.5, measure).map((l) => l.text)).toEqual(['会', '议']);
  });

  it('handles a 30,000 character report with O(distinct characters) measure calls', () => {
    let text = '';
    for (let i = 0; text.length < 30000; i++) text += PARAGRAPHS[i % PARAGRAPHS.length] + (i % 7 === 6 ? '\n' : '');
    text = text.slice(0, 30000);
    let calls = 0;
    const counting: Measure = (s) => {
      calls++;
      return measure(s);
    };
    for (const maxWidth of [3, 17, 30]) {
      calls = 0;
      const lines = breakLines(text, maxWidth, counting);
      expect(calls).toBeLessThanOrEqual(new Set(text).size);
      checkInvariants(text, maxWidth, lines);
      checkNotSplit(text, lines, '09:40');
    }
  });
});

describe('justifyLines', () => {
  it('stretches non-last lines to exactly maxWidth and leaves last lines alone', () => {
    for (let maxWidth = 3; maxWidth <= 30; maxWidth++) {
      const lines = breakLines(DOCUMENT, maxWidth, measure);
      const justified = justifyLines(lines, maxWidth);
      expect(justified.length).toBe(lines.length);
      justified.forEach((line, k) => {
        expect(line.text).toBe(lines[k].text);
        expect(line.width).toBe(lines[k].width);
        expect(line.last).toBe(lines[k].last);
        const points = stretchPoints(line.text);
        if (line.last || points === 0) {
          expect(line.stretch).toBe(0);
        } else {
          expect(line.stretch).toBeGreaterThanOrEqual(0);
          expect(Math.abs(line.width + line.stretch * points - maxWidth)).toBeLessThan(1e-9);
        }
      });
    }
  });

  it('spreads the stretch over the stretch points', () => {
    const justified = justifyLines(breakLines('学习贯彻《条例》精神', 5, measure), 5);
    expect(justified.map((l) => [l.text, l.stretch])).toEqual([
      ['学习贯彻', 1 / 3],
      ['《条例》', 1 / 3],
      ['精神', 0],
    ]);
  });

  it('does not stretch lines ending at a hard break', () => {
    const justified = justifyLines(breakLines('短句。\n下一段较长的内容需要换行', 6, measure), 6);
    expect(justified[0]).toEqual({ text: '短句。', width: 3, last: true, stretch: 0 });
    expect(justified.at(-1)!.stretch).toBe(0);
  });

  it('counts a surrogate pair as one character', () => {
    const [line] = justifyLines([{ text: '𠮷野家', width: 3, last: false }], 5);
    expect(line.stretch).toBe(1);
  });
});

describe('stretchPoints', () => {
  it('stretches between CJK characters and at the edges of Latin and number runs, never inside them', () => {
    expect(stretchPoints('学习')).toBe(1);
    expect(stretchPoints('Checklist')).toBe(0);
    expect(stretchPoints('PM2.5')).toBe(0);
    // 〔 2026 〕 15 号: four boundaries
    expect(stretchPoints('〔2026〕15号')).toBe(4);
    // 用 Checklist 核 查: boundaries only
    expect(stretchPoints('用Checklist核查')).toBe(3);
    // a space between Latin words is a boundary on both sides
    expect(stretchPoints('PM 2.5')).toBe(2);
  });

  it('never stretches after an ideographic space, so the indent stays two ems', () => {
    expect(stretchPoints('\u3000\u3000学习')).toBe(1);
  });
});

/** Every glyph's x position in a placed line: run start + advances + the run's spacing. */
function glyphXs(text: string, stretch: number): { ch: string; x: number }[] {
  const out: { ch: string; x: number }[] = [];
  for (const r of placeLine(text, stretch, measure)) {
    let x = r.x;
    for (const ch of r.text) {
      out.push({ ch, x });
      x += measure(ch) + r.charSpace;
    }
  }
  return out;
}

describe('placeLine', () => {
  it('draws Latin words and numbers with no extra spacing inside, and stretches the CJK around them', () => {
    const runs = placeLine('用Checklist核查PM2.5指数', 1, measure);
    for (const r of runs) if (/[A-Za-z0-9.]{2}/.test(r.text)) expect(r.charSpace, r.text).toBe(0);
    expect(runs.map((r) => r.text).join('')).toBe('用Checklist核查PM2.5指数');
    const xs = glyphXs('用Checklist核查PM2.5指数', 1);
    const at = (ch: string) => xs.find((g) => g.ch === ch)!.x;
    // 用 (1) + stretch (1) → C at 2; "Checklist" is 9 × 0.5 wide with no spacing
    expect(at('C')).toBe(2);
    expect(at('k')).toBe(2 + 4 * 0.5);
    expect(at('核')).toBe(2 + 4.5 + 1);
    expect(at('P')).toBe(at('查') + 1 + 1);
    expect(at('M')).toBe(at('P') + 0.5);
  });

  it('keeps 〔2026〕15号 numbers tight', () => {
    const xs = glyphXs('〔2026〕15号', 2);
    expect(xs.map((g) => g.x)).toEqual([0, 3, 3.5, 4, 4.5, 7, 10, 10.5, 13]);
  });

  it('draws a pure CJK line as one run with the stretch as character spacing', () => {
    expect(placeLine('学习贯彻', 0.25, measure)).toEqual([{ text: '学习贯彻', x: 0, charSpace: 0.25 }]);
  });

  it('keeps the first-line indent at exactly two ems whatever the stretch', () => {
    for (const stretch of [0, 0.1, 0.7]) {
      const xs = glyphXs('\u3000\u3000学习贯彻', stretch);
      expect(xs[2].x).toBe(2);
    }
  });
});

describe('标点挤压: adjacent full-width marks take half an em each', () => {
  it('sets "），" "）、" "》，" "。”" "：“" in one em, and a lone mark in a full em', () => {
    for (const pair of ['），', '）、', '》，', '。”', '：“', '”，', '（“']) {
      expect(breakLines(`甲${pair}乙`, 30, measure)[0].width, pair).toBe(3);
    }
    expect(breakLines('甲，乙（丙）', 30, measure)[0].width).toBe(6);
    // three in a row: one and a half ems
    expect(breakLines('甲）。”', 30, measure)[0].width).toBe(2.5);
  });

  it('fills a line with the compressed widths, so one more character fits', () => {
    // "得分（满分5分），发言" is 10.5 wide at full width, 9.5 with "），" in one em
    const lines = breakLines('得分（满分5分），发言质量良好', 9.5, measure);
    expect(lines[0].text).toBe('得分（满分5分），发言');
    expect(lines[0].width).toBe(9.5);
  });

  it('keeps full widths for two marks a line break separates', () => {
    // 。 ends the first line, “ starts the second: neither is compressed
    const lines = breakLines('甲乙丙。“丁戊”', 4, measure);
    expect(lines.map((l) => [l.text, l.width])).toEqual([
      ['甲乙丙。', 4],
      ['“丁戊”', 4],
    ]);
  });

  it('adds no justification space between two compressed marks', () => {
    expect(stretchPoints('分钟），结合')).toBe(4);
    expect(stretchPoints('分钟）结合')).toBe(4);
  });

  it('draws each compressed mark as a run of its own, half an em wide', () => {
    expect(placeLine('分钟），结合', 0.25, measure)).toEqual([
      { text: '分钟', x: 0, charSpace: 0.25 },
      { text: '）', x: 2.5, charSpace: 0, half: true },
      { text: '，', x: 3, charSpace: 0, half: true },
      { text: '结合', x: 3.75, charSpace: 0.25 },
    ]);
    // a lone mark is drawn in its full em, in the run
    expect(placeLine('分钟）结', 0, measure)).toEqual([{ text: '分钟）结', x: 0, charSpace: 0 }]);
  });
});

describe('widows and short lines', () => {
  it('never leaves a single character alone on the last line when the line before can give one', () => {
    // 5 wide: greedy gives 学习贯彻精 / 神
    const lines = breakLines('学习贯彻精神', 5, measure);
    expect(lines.map((l) => l.text)).toEqual(['学习贯彻', '精神']);
    // in a table cell: （2 分/钟） never ends with 钟） alone
    const cell = breakLines('（2分/钟）', 3.5, measure);
    expect(cell.at(-1)!.text).not.toBe('钟）');
  });

  it('keeps a short quoted term together', () => {
    for (let w = 5; w <= 12; w++) {
      const lines = breakLines('会议研究“十五五”规划', w, measure);
      expect(
        lines.some((l) => l.text.includes('“十五五”')),
        `width ${w}: ${lines.map((l) => l.text).join('|')}`,
      ).toBe(true);
    }
  });

  it('breaks a URL that would fit a line of its own rather than leave the line before it short', () => {
    const url = 'https://www.xlgl.gov.cn/zwgk/2026/notice.html'; // 22.5 wide
    const lines = breakLines(`详见${url}的通知。`, 24, measure);
    expect(lines[0].width).toBeGreaterThan(24 * 0.66);
    expect(lines.map((l) => l.text).join('')).toBe(`详见${url}的通知。`);
  });

  it('breaks a long URL rather than leave a line in the middle of a paragraph short', () => {
    const lines = breakLines('详见网址https://example.gov.cn/a/very/long/path/to/a/document.html说明', 20, measure);
    for (const l of lines.slice(0, -1)) expect(l.width, l.text).toBeGreaterThan(20 * 0.66);
    expect(lines.map((l) => l.text).join('')).toBe('详见网址https://example.gov.cn/a/very/long/path/to/a/document.html说明');
  });
});
