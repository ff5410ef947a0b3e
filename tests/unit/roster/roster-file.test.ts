import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { writeCsv, writeXlsx } from '../../../utils/io';
import { parseRosterFile, parseRosterText, type Roster, type Unit } from '../../../utils/roster';
import type { Problem } from '../../../utils/validate';
import { handXlsx } from '../io/hand-xlsx';
import { blanksWorkbook, farCellWorkbook, flateBombWorkbook } from '../io/xlsx-bombs';
import { demoUnits, utf8 } from '../io/fixtures';

const units = demoUnits();

async function rosterOf(name: string, bytes: Uint8Array): Promise<Roster> {
  const r = await parseRosterFile(name, bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
async function problemsOf(name: string, bytes: Uint8Array): Promise<Problem[]> {
  const r = await parseRosterFile(name, bytes);
  if (r.ok) throw new Error('expected the roster to be refused');
  for (const p of r.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  return r.problems;
}
const rosterTable = (list: Unit[]) => [['编号', '单位名称', '类别', '状态'], ...list.map((u) => [u.id, u.name, u.category, u.active ? '在册' : '撤销'])];

describe('parseRosterFile: the 69 demo units in every form a supervisor may have them', () => {
  it('the JSON roster as shipped', async () => {
    const r = await rosterOf('units.json', utf8(JSON.stringify({ format: 'xunting.roster/1', units })));
    expect(r.units).toEqual(units);
  });

  it('a UTF-8 CSV (with BOM) and a GBK CSV, as Excel saves them, give the roster back', async () => {
    const csv = writeCsv(rosterTable(units));
    expect((await rosterOf('名单.csv', csv)).units).toEqual(units);
    const gbkText =
      rosterTable(units)
        .map((r) => r.join(','))
        .join('\r\n') + '\r\n';
    expect((await rosterOf('名单.csv', iconv.encode(gbkText, 'gbk'))).units).toEqual(units);
  });

  it('an .xlsx written by our writer and one built by hand (title row above the header)', async () => {
    const withDissolved = units.map((u) => (u.id === 'u069' ? { ...u, active: false } : u));
    const xlsx = await writeXlsx([
      { name: '单位名单', columns: rosterTable(withDissolved)[0].map((header) => ({ header })), rows: rosterTable(withDissolved).slice(1) },
    ]);
    expect((await rosterOf('名单.xlsx', xlsx)).units).toEqual(withDissolved);

    const hand = handXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['锡林郭勒盟盟直机关企事业单位名单'],
          ['序号', '单位全称', '单位类别', '是否在册'],
          [1, '锡林郭勒盟教育局', '政府部门', '是'],
          [2, '锡林郭勒日报社', '事业单位', '否'],
          [3, '锡林郭勒盟宏源集团有限公司', '国有企业', null],
        ],
      },
    ]);
    expect((await rosterOf('名单.xlsx', hand)).units).toEqual([
      { id: '1', name: '锡林郭勒盟教育局', category: '政府', active: true },
      { id: '2', name: '锡林郭勒日报社', category: '事业', active: false },
      { id: '3', name: '锡林郭勒盟宏源集团有限公司', category: '国企', active: true },
    ]);
  });

  it('a TSV with a 备注 column whose cells span lines: rows and row numbers stay those Excel shows', async () => {
    const text = '单位名称\t备注\r\n锡林郭勒盟教育局\t"2025 年已巡听\r\n整改完成"\r\n锡林郭勒盟民政局\t\r\n锡林郭勒盟教育局\t重复\r\n';
    expect(await problemsOf('名单.txt', utf8(text))).toEqual([{ path: '第 4 行', message: '单位名称「锡林郭勒盟教育局」与第 2 行重复' }]);
    const ok = await rosterOf('名单.txt', utf8(text.split('\r\n').slice(0, 4).join('\r\n')));
    expect(ok.units.map((u) => u.name)).toEqual(['锡林郭勒盟教育局', '锡林郭勒盟民政局']);
  });

  it('HTML or script in a unit name is just text, kept as written', async () => {
    const r = await rosterOf('名单.csv', writeCsv([['单位名称'], ['<script>alert("x")</script>'], ['<b>锡林郭勒盟教育局</b>']]));
    expect(r.units.map((u) => u.name)).toEqual(['<script>alert("x")</script>', '<b>锡林郭勒盟教育局</b>']);
  });

  it('ids left blank are numbered without colliding with ids the file gives', async () => {
    const r = await rosterOf('名单.csv', utf8('编号,单位名称\n,锡林郭勒盟教育局\nu001,锡林郭勒盟民政局\n,锡林郭勒盟财政局\n'));
    expect(r.units.map((u) => u.id)).toEqual(['u002', 'u001', 'u003']);
  });
});

describe('parseRosterFile refuses, naming the row as the user sees it', () => {
  it('no unit-name column: the message lists the headers it found', async () => {
    const ps = await problemsOf('名单.csv', utf8('序号,部门,类别\n1,锡林郭勒盟教育局,政府\n'));
    expect(ps).toEqual([
      { path: '第 1 行', message: '表头中找不到单位名称列（应为 单位名称、单位、名称、单位全称 之一）；这一行是：「序号」「部门」「类别」' },
    ]);
  });

  it('an unknown status word and an unknown category, all at once, in row order', async () => {
    const ps = await problemsOf('名单.csv', utf8('单位名称,类别,状态\n锡林郭勒盟教育局,政府,在册\n锡林郭勒盟民政局,政府,待定\n锡林郭勒盟某公司,私企,在册\n'));
    expect(ps).toEqual([
      { path: '第 3 行', message: '状态「待定」无法识别：须为 是/否 或 在册/撤销' },
      { path: '第 4 行', message: '单位类别「私企」须为 党群、政府、事业、国企、其他 之一' },
    ]);
  });

  it('a header with no units under it', async () => {
    expect(await problemsOf('名单.csv', utf8('单位名称,类别\n'))).toEqual([{ path: '第 1 行', message: '表头下面没有单位' }]);
  });

  it('an old .xls and a ZIP', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await problemsOf('名单.xls', xls))[0]).toMatchObject({ path: '名单.xls' });
    expect((await problemsOf('名单.xls', xls))[0].message).toContain('请在 Excel 中另存为 .xlsx 或 CSV');
  });
});

describe('parseRosterText (the options page) goes through the same table reader', () => {
  it('a quoted name with a line break (Excel "wrap text") is one unit, its line break removed', () => {
    const r = parseRosterText('单位名称,类别\n"锡林郭勒盟\n教育局",政府\n锡林郭勒盟民政局,政府\n');
    expect(r.ok && r.value.units.map((u) => u.name)).toEqual(['锡林郭勒盟教育局', '锡林郭勒盟民政局']);
  });

  it('blank lines before the header do not shift row numbers', () => {
    const r = parseRosterText('\n\n单位名称\n锡林郭勒盟教育局\n锡林郭勒盟教育局\n');
    expect(!r.ok && r.problems).toEqual([{ path: '第 5 行', message: '单位名称「锡林郭勒盟教育局」与第 4 行重复' }]);
  });
});

describe('parseRosterFile refuses hostile workbooks with a message (the dashboard, the options page and the CLI read rosters through it)', () => {
  it('a sheet that declares 2 GiB, one that hides 2 GiB behind 1,000 declared bytes, 10 MiB of blanks, a cell at XFD1048576', async () => {
    expect((await problemsOf('名单.xlsx', flateBombWorkbook(2048)))[0].message).toContain('Excel 文件解压后将超过 48.0 MB');
    expect((await problemsOf('名单.xlsx', flateBombWorkbook(2048, 1000)))[0].message).toContain('解压后的长度与 ZIP 目录所记（1000 字节）不符');
    expect((await problemsOf('名单.xlsx', blanksWorkbook(10)))[0].message).toContain('个连续的空白字符');
    expect((await problemsOf('名单.xlsx', farCellWorkbook()))[0].message).toContain('工作表中有第 1,048,576 行');
  });
});
