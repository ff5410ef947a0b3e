import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { MAX_FILE_BYTES, MAX_TABLE_ROWS, readJsonOrTable, readTable, writeCsv, writeXlsx, type Table } from '../../../utils/io';
import { handXlsx } from './hand-xlsx';
import { utf8 } from './fixtures';

async function tableOf(name: string, bytes: Uint8Array, headers?: string[]): Promise<Table> {
  const r = await readTable(name, bytes, '计划文件', { headers });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const r = await readTable(name, bytes, '计划文件');
  if (r.ok) throw new Error('expected a refusal');
  expect(r.problems).toHaveLength(1);
  return `${r.problems[0].path}：${r.problems[0].message}`;
}

const rows = [
  ['单位名称', '月份', '巡听组'],
  ['锡林郭勒盟教育局', '3', '第一巡听组'],
  ['锡林郭勒盟民政局', '4', '第二巡听组'],
];

describe('readTable chooses by the bytes, not the name', () => {
  it('a CSV in UTF-8 and in GBK, with cells trimmed', async () => {
    const text = ' 单位名称 ,月份,巡听组\r\n锡林郭勒盟教育局, 3 ,第一巡听组\r\n锡林郭勒盟民政局,4,第二巡听组\r\n';
    expect(await tableOf('计划.csv', utf8(text))).toEqual({ rows, format: 'csv', encoding: 'utf-8' });
    expect(await tableOf('计划.csv', iconv.encode(text, 'gbk'))).toEqual({ rows, format: 'csv', encoding: 'gb18030' });
  });

  it('a CSV saved with an .xlsx name, and an .xlsx saved with a .csv name', async () => {
    expect((await tableOf('计划.xlsx', writeCsv(rows))).format).toBe('csv');
    const xlsx = await tableOf('计划.csv', await writeXlsx([{ name: '计划', rows }]));
    expect(xlsx).toEqual({ rows, format: 'xlsx', sheet: '计划' });
  });

  it('a TSV (Excel\'s "文本文件（制表符分隔）") and a GBK CSV with a line break inside quotes', async () => {
    expect((await tableOf('计划.txt', utf8(rows.map((r) => r.join('\t')).join('\n')))).rows).toEqual(rows);
    const gbk = iconv.encode('单位名称,备注\r\n锡林郭勒盟教育局,"第一行\r\n第二行"\r\n锡林郭勒盟民政局,\r\n', 'gbk');
    expect((await tableOf('名单.csv', gbk)).rows).toEqual([['单位名称', '备注'], ['锡林郭勒盟教育局', '第一行\n第二行'], ['锡林郭勒盟民政局']]);
  });

  it('in a workbook, the sheet whose top rows hold a wanted header (else the first non-empty sheet)', async () => {
    const book = handXlsx([
      { name: '空白', rows: [] },
      { name: '填表说明', rows: [['请按模板填写'], ['月份写 1–12']] },
      { name: '2026年计划', rows: [['2026 年巡听旁听计划'], [], ...rows] },
    ]);
    const wanted = await tableOf('计划.xlsx', book, ['单位名称']);
    expect(wanted.sheet).toBe('2026年计划');
    // rows[i] is row i + 1 of the sheet: the title in row 1, a blank row 2, the header in row 3.
    expect(wanted.rows).toEqual([['2026 年巡听旁听计划'], [], ...rows]);
    expect((await tableOf('计划.xlsx', book)).sheet).toBe('填表说明');
  });
});

describe('readTable refuses, saying why', () => {
  it('a file over 10 MB, stating its size', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(await refusal('大文件.csv', big)).toBe(
      '大文件.csv：计划文件大小为 10.0 MB（10,485,761 字节），超过 10 MB 的上限；请确认选对了文件，或删去无关的内容后再导入',
    );
  });

  it('more than 10,000 rows (and accepts exactly 10,000)', async () => {
    const lines = (n: number) => utf8(['单位名称,月份', ...Array.from({ length: n - 1 }, (_, i) => `单位${i},3`)].join('\n'));
    expect((await tableOf('计划.csv', lines(MAX_TABLE_ROWS))).rows).toHaveLength(10_000);
    expect(await refusal('计划.csv', lines(MAX_TABLE_ROWS + 1))).toBe('计划.csv：计划文件有 10,001 行，超过 10,000 行的上限');
  });

  it('an empty file, and one with only blank lines', async () => {
    expect(await refusal('计划.csv', new Uint8Array(0))).toBe('计划.csv：计划文件是空的（0 字节）');
    expect(await refusal('计划.csv', utf8('\uFEFF\r\n , ,\r\n\r\n'))).toBe('计划.csv：计划文件中没有任何内容');
    expect(await refusal('计划.xlsx', handXlsx([{ name: 'Sheet1', rows: [[null]] }]))).toBe('计划.xlsx：计划文件中所有工作表都是空的');
  });

  it('an old binary .xls', async () => {
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal('计划.xls', xls)).toContain('请在 Excel 中另存为 .xlsx 或 CSV');
  });

  it('an HTML page exported under an .xls name, as some systems do', async () => {
    const html = utf8('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>单位名称</td></tr></table></body></html>');
    expect(await refusal('导出.xls', html)).toContain('网页（HTML）');
  });

  it('a CSV with an unclosed quote', async () => {
    expect(await refusal('计划.csv', utf8('单位名称,月份\n"锡林郭勒盟教育局,3\n锡林郭勒盟民政局,4\n'))).toContain('第 2 行：引号没有配对');
  });
});

describe('readJsonOrTable', () => {
  it('reads JSON by name or by content, and reports broken JSON', async () => {
    const plan = { format: 'xunting.plan/1', year: 2026, entries: [] };
    expect(await readJsonOrTable('plan.json', utf8(JSON.stringify(plan)), '计划文件')).toEqual({ ok: true, value: { kind: 'json', value: plan } });
    expect(await readJsonOrTable('plan.txt', iconv.encode(JSON.stringify([plan]), 'utf-16le'), '计划文件')).toEqual({
      ok: true,
      value: { kind: 'json', value: [plan] },
    });
    const broken = await readJsonOrTable('plan.json', utf8('{"format": '), '计划文件');
    expect(!broken.ok && broken.problems[0].message).toContain('计划文件不是有效的 JSON');
  });
});
