import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { displayWidth, readXlsx, sheetNames, writeXlsx } from '../../../utils/io';
import { handXlsx } from './hand-xlsx';
import { blanksWorkbook, farCellWorkbook, flateBombWorkbook, HEADER_ROW, rowsWorkbook, workbookWithSheet } from './xlsx-bombs';

async function sheetsOf(bytes: Uint8Array) {
  const r = await readXlsx(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value.sheets;
}
async function refusal(bytes: Uint8Array): Promise<string> {
  const r = await readXlsx(bytes, '计划.xlsx');
  if (r.ok) throw new Error('expected a refusal');
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0].path).toBe('计划.xlsx');
  return r.problems[0].message;
}

const summary = {
  name: '汇总',
  columns: [{ header: '指标' }, { header: '数值' }, { header: '说明', width: 40 }],
  rows: [
    ['已覆盖单位', 40, '锡林郭勒盟盟直机关企事业单位'],
    ['覆盖率（%）', 58, null],
    ['平均分', 87.25, '保留两位小数'],
    ['负数', -3, '=1+2'],
  ],
};
const detail = {
  name: '单位明细',
  columns: [{ header: '单位名称' }, { header: '巡听日期' }, { header: '得分' }],
  rows: [
    ['锡林郭勒盟委办公室', '2026-03-12', 92.5],
    ['<b>锡林郭勒盟教育局</b>', '', null],
    ['多行\n备注', '2026-04-01', 0],
  ],
};
const notCovered = { name: '未覆盖单位', columns: [{ header: '单位名称' }], rows: [['锡林郭勒盟审计局'], ['锡林郭勒盟统计局']] };

describe('writeXlsx', () => {
  it('writes a workbook that read-excel-file reads back cell for cell, Chinese sheet names in order', async () => {
    const bytes = await writeXlsx([summary, detail, notCovered]);
    const sheets = await readXlsxFile(bytes.slice().buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '单位明细', '未覆盖单位']);
    expect(sheets[0].data).toEqual([
      ['指标', '数值', '说明'],
      ['已覆盖单位', 40, '锡林郭勒盟盟直机关企事业单位'],
      ['覆盖率（%）', 58, null],
      ['平均分', 87.25, '保留两位小数'],
      ['负数', -3, '=1+2'],
    ]);
    expect(sheets[1].data).toEqual([
      ['单位名称', '巡听日期', '得分'],
      ['锡林郭勒盟委办公室', '2026-03-12', 92.5],
      ['<b>锡林郭勒盟教育局</b>', null, null],
      ['多行\n备注', '2026-04-01', 0],
    ]);
    expect(sheets[2].data).toEqual([['单位名称'], ['锡林郭勒盟审计局'], ['锡林郭勒盟统计局']]);
  });

  it('and our reader gives the same cells as displayed text', async () => {
    const sheets = await sheetsOf(await writeXlsx([summary]));
    expect(sheets[0].rows).toEqual([
      ['指标', '数值', '说明'],
      ['已覆盖单位', '40', '锡林郭勒盟盟直机关企事业单位'],
      ['覆盖率（%）', '58', ''],
      ['平均分', '87.25', '保留两位小数'],
      ['负数', '-3', '=1+2'],
    ]);
  });

  it('makes the header row bold and frozen, stores text as text (never a formula) and numbers as numbers', async () => {
    const files = unzipSync(await writeXlsx([summary]));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const styles = strFromU8(files['xl/styles.xml']);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"/);
    // The header cell A1 uses a style whose font is bold; a data cell (A2) does not.
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"[^>]*\\ss="(\\d+)"`).exec(sheet)?.[1] ?? 0);
    const xfs = [...(/<cellXfs[^>]*>([^]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map((m) =>
      Number(/fontId="(\d+)"/.exec(m[1])?.[1] ?? 0),
    );
    const fonts = [...(/<fonts[^>]*>([^]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>([^]*?)<\/font>|<font\/>/g)].map((m) => m[1] ?? '');
    expect(fonts[xfs[styleOf('A1')]]).toContain('<b');
    expect(fonts[xfs[styleOf('A2')]] ?? '').not.toContain('<b');
    // 40 is a number cell, '=1+2' a string cell.
    expect(sheet).toMatch(/<c r="B2"[^>]*><v>40<\/v>/);
    expect(sheet).toMatch(/<c r="C5"[^>]*t="s"/);
  });

  it('fits column widths to the content, counting a Chinese character as two', async () => {
    const files = unzipSync(await writeXlsx([summary]));
    const widths = [...strFromU8(files['xl/worksheets/sheet1.xml']).matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    // 覆盖率（%） is 6 wide characters and 1 narrow = 13; a number column stays narrow; an explicit width is kept.
    expect(widths[0]).toBeGreaterThanOrEqual(displayWidth('覆盖率（%）'));
    expect(widths[1]).toBeLessThan(widths[0]);
    expect(widths[2]).toBe(40);
    expect(displayWidth('锡林郭勒盟ABC')).toBe(13);
  });

  it('makes sheet names valid for Excel: no : / ? * [ ], at most 31 characters, unique', () => {
    expect(sheetNames(['2026/2027 汇总', '汇总', '汇总', 'a'.repeat(40), '', '[x]'])).toEqual([
      '2026_2027 汇总',
      '汇总',
      '汇总(2)',
      'a'.repeat(31),
      'Sheet5',
      '_x_',
    ]);
  });
});

describe('readXlsx: a workbook built by hand, as Excel lays one out', () => {
  const book = handXlsx([
    {
      name: '计划',
      rows: [
        ['单位名称', '月份', '人数', '日期', '时间', '在册', '公式'],
        [
          { inline: '锡林郭勒盟教育局' },
          3,
          { raw: '0.30000000000000004' },
          { date: '2026-03-01' },
          { date: '2026-03-01T09:30' },
          true,
          { formula: 'A2&"（盟直）"', cached: '锡林郭勒盟教育局（盟直）' },
        ],
        ['  锡林郭勒盟民政局  ', 12, 2.5, { date: '2027-12-31' }, null, false, { formula: '1/0', cached: '' }],
      ],
    },
    { name: 'Sheet2', firstRow: 3, rows: [['单位名称'], [null], ['锡林郭勒盟财政局']] },
  ]);

  it('every cell as it is displayed: numbers without .0, dates as YYYY-MM-DD, cached formula results', async () => {
    const [plan] = await sheetsOf(book);
    expect(plan.name).toBe('计划');
    expect(plan.rows).toEqual([
      ['单位名称', '月份', '人数', '日期', '时间', '在册', '公式'],
      ['锡林郭勒盟教育局', '3', '0.3', '2026-03-01', '2026-03-01 09:30', 'TRUE', '锡林郭勒盟教育局（盟直）'],
      ['锡林郭勒盟民政局', '12', '2.5', '2027-12-31', '', 'FALSE', ''],
    ]);
  });

  it('keeps row numbers: a sheet that starts at row 3 has two empty rows first, and empty rows inside stay', async () => {
    const [, second] = await sheetsOf(book);
    expect(second.rows).toEqual([[''], [''], ['单位名称'], [''], ['锡林郭勒盟财政局']]);
  });
});

describe('readXlsx refuses what is not a workbook, and says what it is', () => {
  it('a ZIP that holds something else', async () => {
    expect(await refusal(zipSync({ 'a.txt': strToU8('hello') }))).toBe('这是一个 ZIP 压缩包，请先解压，或导入 .xlsx/.csv');
  });

  it('a damaged .xlsx (cut short, as an interrupted download)', async () => {
    const bytes = await writeXlsx([notCovered]);
    expect(await refusal(bytes.slice(0, Math.floor(bytes.length / 2)))).toContain('已损坏');
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).toContain('已损坏');
  });

  it('a workbook whose parts are broken XML', async () => {
    const files = unzipSync(await writeXlsx([notCovered]));
    files['xl/workbook.xml'] = strToU8('<workbook><sheets><sheet name="x" r:id="rId9"/></sheets></workbook>');
    expect(await refusal(zipSync(files))).toContain('Excel 文件已损坏或格式异常');
  });

  it('an old .xls, an .ods, a .docx, an .xlsb, text and an empty file', async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toContain('请在 Excel 中另存为 .xlsx 或 CSV');
    const ods = zipSync(
      { mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') },
      { level: 0 },
    );
    expect(await refusal(ods)).toContain('.ods');
    expect(await refusal(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toContain('Word');
    expect(await refusal(zipSync({ 'xl/workbook.bin': new Uint8Array([1, 2, 3]) }))).toContain('.xlsb');
    expect(await refusal(strToU8('单位名称,月份\n'))).toContain('不是 .xlsx 文件');
    expect(await refusal(new Uint8Array(0))).toContain('空的');
  });
});

describe('readXlsx refuses bombs before the workbook reader sees them, saying why', () => {
  it('control: a workbook zipped by hand (as the bombs are) reads as usual', async () => {
    const [sheet] = await sheetsOf(
      workbookWithSheet(`<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>锡林浩特市委</t></is></c></row></sheetData></worksheet>`),
    );
    expect(sheet.rows).toEqual([['单位名称'], ['锡林浩特市委']]);
  });

  it('a 2 MB file whose sheet declares 2 GiB: refused from the ZIP directory, nothing inflated', async () => {
    const bomb = flateBombWorkbook(2048);
    expect(bomb.length).toBeLessThan(3 << 20);
    expect(await refusal(bomb)).toBe('Excel 文件解压后将超过 48.0 MB（50,331,648 字节）（可能是“压缩炸弹”），已拒绝；未解压任何内容');
  });

  it('the same sheet declaring 1,000 bytes: stopped as soon as it says more, refused as damaged', async () => {
    expect(await refusal(flateBombWorkbook(2048, 1000))).toBe('Excel 文件已损坏：部件 xl/worksheets/sheet1.xml 解压后的长度与 ZIP 目录所记（1000 字节）不符');
  });

  it('10 MiB of blanks in a 12 KB file (the reader used to run for a minute, then overflow its stack)', async () => {
    const blanks = blanksWorkbook(10);
    expect(blanks.length).toBeLessThan(16 << 10);
    expect(await refusal(blanks)).toContain('工作簿的 xl/worksheets/sheet1.xml 中有超过 4096 个连续的空白字符');
  });

  it('a cell at XFD1048576, a row past 20,000 or a column past IV: refused before the reader pads the table', async () => {
    expect(await refusal(farCellWorkbook())).toBe('工作表中有第 1,048,576 行，超出上限（最多 20,000 行）；请删去多余的行后再导入');
    expect(await refusal(workbookWithSheet(`<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="IW2"><v>1</v></c></row></sheetData></worksheet>`))).toBe(
      '工作表在 IW2 有单元格，超出上限（最多 256 列，即到 IV 列）；请删去多余的列后再导入',
    );
  });

  it('a million-row roster: refused from the declared size; 30,000 rows that fit the size are refused by the row count', async () => {
    expect(await refusal(rowsWorkbook(1_000_000))).toContain('Excel 文件解压后将超过 48.0 MB');
    expect(await refusal(rowsWorkbook(30_000))).toBe('工作表中有第 20,001 行，超出上限（最多 20,000 行）；请删去多余的行后再导入');
  });
});
