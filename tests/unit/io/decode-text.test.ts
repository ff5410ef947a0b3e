import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { decodeText } from '../../../utils/io';
import { demoUnits, randomBytes, utf8 } from './fixtures';

const names = demoUnits().map((u) => u.name);
const csv =
  '单位名称,类别\r\n' +
  demoUnits()
    .map((u) => `${u.name},${u.category}`)
    .join('\r\n') +
  '\r\n';

function decoded(bytes: Uint8Array) {
  const r = decodeText(bytes, '名单文件');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}
function refusal(bytes: Uint8Array): string {
  const r = decodeText(bytes, '名单文件');
  if (r.ok) throw new Error(`expected a refusal, got ${r.encoding}: ${r.text.slice(0, 40)}`);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0].path).toBe('名单文件');
  return r.problems[0].message;
}

describe('decodeText: the encodings Chinese Windows and Excel save', () => {
  it('reads UTF-8 with and without a byte-order mark, dropping the mark', () => {
    expect(decoded(utf8(csv))).toEqual({ ok: true, text: csv, encoding: 'utf-8' });
    expect(decoded(utf8('\uFEFF' + csv))).toEqual({ ok: true, text: csv, encoding: 'utf-8' });
  });

  it('reads GBK, as Excel saves "CSV（逗号分隔）" on Chinese Windows: the 69 unit names together', () => {
    expect(decoded(iconv.encode(csv, 'gbk'))).toEqual({ ok: true, text: csv, encoding: 'gb18030' });
  });

  it('tells GBK from UTF-8 for every one of the 69 unit names alone (the hardest case: short text)', () => {
    for (const name of names) {
      expect(decoded(iconv.encode(name, 'gbk')), name).toMatchObject({ text: name, encoding: 'gb18030' });
      expect(decoded(utf8(name)), name).toMatchObject({ text: name, encoding: 'utf-8' });
    }
  });

  it("reads GB18030 four-byte characters (rare characters in people's names)", () => {
    const text = '姓名,单位\n王𠀾,锡林郭勒盟教育局\n李㐀,锡林郭勒盟民政局\n';
    expect(decoded(iconv.encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte-order mark (Excel\'s "Unicode 文本"), both byte orders', () => {
    const le = iconv.encode('\uFEFF' + csv.replace(/,/g, '\t'), 'utf-16le');
    expect(decoded(le)).toMatchObject({ text: csv.replace(/,/g, '\t'), encoding: 'utf-16le' });
    const be = iconv.encode('\uFEFF' + csv, 'utf-16be');
    expect(decoded(be)).toMatchObject({ text: csv, encoding: 'utf-16be' });
  });

  it('decision: UTF-16 without a byte-order mark is read when its zero bytes say so', () => {
    expect(decoded(iconv.encode(csv, 'utf-16le'))).toMatchObject({ text: csv, encoding: 'utf-16le' });
    expect(decoded(iconv.encode(csv, 'utf-16be'))).toMatchObject({ text: csv, encoding: 'utf-16be' });
    // Pure ASCII in UTF-16 is also valid UTF-8 (with NULs): still UTF-16, not NUL-riddled text.
    expect(decoded(iconv.encode('id,name\r\nu1,abc\r\n', 'utf-16le'))).toMatchObject({ text: 'id,name\r\nu1,abc\r\n', encoding: 'utf-16le' });
  });

  it('decision: Big5 (Traditional) is refused, not guessed, and the message says what to do', () => {
    const big5 = iconv.encode('單位名稱,類別\n錫林郭勒盟教育局,政府\n錫林郭勒盟衛生健康委員會,政府\n錫林郭勒盟財政局,政府\n', 'big5');
    const message = refusal(big5);
    expect(message).toContain('Big5');
    expect(message).toContain('UTF-8');
    // Even one short name.
    expect(refusal(iconv.encode('錫林郭勒盟醫療保障局', 'big5'))).toContain('无法识别文件的文字编码');
  });

  it('refuses Shift-JIS and UTF-8 damaged in the middle', () => {
    expect(refusal(iconv.encode('東京都教育委員会,行政\n大阪府立図書館,文化\n', 'shift_jis'))).toContain('无法识别文件的文字编码');
    const good = utf8(csv);
    const damaged = new Uint8Array([...good.slice(0, 100), 0xff, ...good.slice(100)]);
    expect(refusal(damaged)).toContain('无法识别文件的文字编码');
  });

  it("reads an empty file as empty text (emptiness is the caller's to judge)", () => {
    expect(decoded(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});

describe('decodeText: files that are not text', () => {
  it('a ZIP archive', () => {
    expect(refusal(zipSync({ '名单.csv': strToU8('单位名称\n教育局\n') }))).toBe('这是一个 ZIP 压缩包，请先解压，或导入 .xlsx/.csv');
  });

  it('a PDF, an old .xls, an image', () => {
    expect(refusal(utf8('%PDF-1.3\n%\u00e2\u00e3\n1 0 obj\n'))).toContain('PDF');
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toContain('请在 Excel 中另存为 .xlsx 或 CSV');
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toContain('图片');
  });

  it('NUL bytes that do not fit UTF-16', () => {
    expect(refusal(utf8('单位名称\u0000\u0000,类别\n教育局,政府\u0000\n'))).toContain('NUL');
  });

  it('random bytes, with and without zero bytes, are never taken for text', () => {
    for (let seed = 1; seed <= 30; seed++) {
      expect(refusal(randomBytes(4096, seed)), `seed ${seed}`).toMatch(/NUL|编码|控制字符/);
      expect(refusal(randomBytes(4096, seed, 1)), `seed ${seed} without zeros`).toMatch(/编码|控制字符/);
    }
  });

  it('text already damaged by an earlier conversion (replacement characters), naming the line', () => {
    expect(refusal(utf8('单位名称\n锡林郭勒盟教育局\n锡林郭勒盟\uFFFD\uFFFD局\n'))).toContain('第 3 行有无法识别的字符');
  });

  it('many control characters mean binary data', () => {
    const bytes = utf8('单位名称\n' + '\u0001\u0002\u0003\u0004'.repeat(50) + '\n');
    expect(refusal(bytes)).toContain('控制字符');
  });
});
