import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { decodeText, detectDelimiter, formatCsv, parseCsv, parseCsvChecked, tableFromText, writeCsv } from '../../../utils/io';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes and line breaks inside quotes as one cell', () => {
    expect(parseCsv('单位名称,备注\n"锡林郭勒盟""工委""","第一行\n第二行"\n锡林郭勒盟教育局,\n')).toEqual([
      ['单位名称', '备注'],
      ['锡林郭勒盟"工委"', '第一行\n第二行'],
      ['锡林郭勒盟教育局', ''],
    ]);
  });

  it('reads CRLF, CR and mixed line ends the same way, and drops the final empty line', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(parseCsv('a,b\r1,2\r3,4\r')).toEqual(expected);
    // papaparse alone picks one line end per file and glues "2\n3" into one cell here.
    expect(parseCsv('a,b\r\n1,2\n3,4\r\n')).toEqual(expected);
    expect(parseCsv('"x\r\ny",z\r\n')).toEqual([['x\ny', 'z']]);
  });

  it('keeps blank lines in the middle, so row numbers stay those of the file', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('accepts a byte-order mark', () => {
    expect(parseCsv('\uFEFF单位名称\n教育局')).toEqual([['单位名称'], ['教育局']]);
  });

  it('takes tab or Chinese comma as the delimiter when the header uses it', () => {
    expect(parseCsv('单位名称\t类别\n锡林郭勒盟教育局\t政府\n')).toEqual([
      ['单位名称', '类别'],
      ['锡林郭勒盟教育局', '政府'],
    ]);
    expect(parseCsv('单位名称，类别\n锡林郭勒盟教育局，政府\n')).toEqual([
      ['单位名称', '类别'],
      ['锡林郭勒盟教育局', '政府'],
    ]);
  });

  it('splits on one delimiter only: a Chinese comma in a comma-separated cell stays in the cell', () => {
    expect(parseCsv('单位名称,备注\n锡林郭勒盟教育局,学习扎实，发言踊跃\n')).toEqual([
      ['单位名称', '备注'],
      ['锡林郭勒盟教育局', '学习扎实，发言踊跃'],
    ]);
  });

  it("is deterministic where papaparse's own guess gives up", () => {
    const text = '单位名称,类别\n锡林郭勒盟教育局,政府\n';
    expect(Papa.parse(text).errors.map((e) => e.code)).toContain('UndetectableDelimiter');
    expect(detectDelimiter(text)).toBe(',');
    expect(detectDelimiter('\n\n单位名称\t类别\t编号\n')).toBe('\t');
    expect(detectDelimiter('"单位,名称"\t类别\n')).toBe('\t'); // a comma inside quotes does not count
    expect(detectDelimiter('单位名称\n')).toBe(',');
    expect(detectDelimiter('a,b\tc\n')).toBe(','); // a tie goes to the comma
  });

  it('reports a quote that is never closed, with the row where it starts', () => {
    const r = parseCsvChecked('单位名称,类别\n锡林郭勒盟教育局,政府\n"锡林郭勒盟民政局,政府\n锡林郭勒盟财政局,政府\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].path).toBe('第 3 行');
    expect(r.problems[0].message).toContain('引号没有配对');
  });
});

describe('writeCsv', () => {
  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('writes UTF-8 with a byte-order mark and CRLF, so Excel on Chinese Windows shows Chinese', () => {
    const bytes = writeCsv([
      ['单位名称', '月份'],
      ['锡林郭勒盟教育局', 3],
    ]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toBe('\uFEFF单位名称,月份\r\n锡林郭勒盟教育局,3\r\n');
  });

  it('quotes cells with commas, quotes and line breaks (RFC 4180), and leaves empty cells empty', () => {
    expect(formatCsv([['a,b', 'say "hi"', '两行\n文字', null, '', '学习，研讨']])).toBe('"a,b","say ""hi""","两行\n文字",,,"学习，研讨"\r\n');
  });

  it('guards text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(formatCsv([['=HYPERLINK("http://x","点我")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', -5, 0, 2.5]])).toBe(
      `"'=HYPERLINK(""http://x"",""点我"")",'+1,'-1,'@SUM(A1),"'\tx","'\rx",-5,0,2.5\r\n`,
    );
  });

  it('also guards full-width ＝＋－＠ and blanks or line breaks before a formula sign (spreadsheets skip them)', () => {
    const cells = ['＝HYPERLINK("http://x")', '＋1', '－1', '＠SUM(A1)', ' =1+2', '\n=1+2', '\u3000＝1', '  @cmd'];
    expect(formatCsv([cells])).toBe(`"'＝HYPERLINK(""http://x"")",'＋1,'－1,'＠SUM(A1),' =1+2,"'\n=1+2",'\u3000＝1,'  @cmd\r\n`);
    // Text that merely contains a sign, or a blank before ordinary text, is left alone.
    expect(formatCsv([['锡林郭勒盟＝盟委', ' 锡林浩特市', 'a-b']])).toBe('锡林郭勒盟＝盟委," 锡林浩特市",a-b\r\n');
    const table = tableFromText(
      formatCsv([
        ['单位名称', '备注'],
        ['锡林浩特市委', '－1'],
      ]),
      'CSV',
    );
    expect(table.ok && table.value.rows).toEqual([
      ['单位名称', '备注'],
      ['锡林浩特市委', '－1'],
    ]);
  });

  it('round-trips through the reader: every cell comes back as it was, formulas as plain text', () => {
    const rows = [
      ['单位名称', '备注', '数值'],
      ['锡林郭勒盟"工委"', '第一行\n第二行', '=1+2'],
      ['<script>alert("x")</script>', '-3', '@cmd'],
      ['锡林郭勒盟教育局', '学习，研讨, 交流', '+86'],
    ];
    const decoded = decodeText(writeCsv(rows), 'CSV');
    if (!decoded.ok) throw new Error('not decoded');
    expect(decoded.encoding).toBe('utf-8');
    // Raw parse keeps the guard apostrophes, the table reader removes them.
    expect(parseCsv(decoded.text)[1][2]).toBe("'=1+2");
    const table = tableFromText(decoded.text, 'CSV');
    expect(table.ok && table.value.rows).toEqual(rows);
  });
});
