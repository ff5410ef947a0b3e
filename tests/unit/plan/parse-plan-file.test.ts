import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { formatCsv, writeCsv, writeXlsx } from '../../../utils/io';
import { parsePlanFile, planToRows, type Plan } from '../../../utils/plan';
import type { Problem } from '../../../utils/validate';
import { handXlsx } from '../io/hand-xlsx';
import { demoPlan, demoUnits, utf8 } from '../io/fixtures';

const units = demoUnits();
const idOf = (name: string) => units.find((u) => u.name === name)!.id;

async function plansOf(name: string, bytes: Uint8Array, year?: number): Promise<Plan[]> {
  const r = await parsePlanFile(name, bytes, units, { year });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
async function problemsOf(name: string, bytes: Uint8Array, year?: number): Promise<Problem[]> {
  const r = await parsePlanFile(name, bytes, units, { year });
  if (r.ok) throw new Error(`expected the plan to be refused, got ${JSON.stringify(r.value)}`);
  for (const p of r.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  return r.problems;
}

describe('parsePlanFile: the demo plans exported and imported again', () => {
  const plans = [demoPlan(2026), demoPlan(2027)];

  it('planToRows writes 年度, 月份, 单位名称, 巡听组 with the roster names', () => {
    const rows = planToRows(demoPlan(2026), units);
    expect(rows[0]).toEqual(['年度', '月份', '单位名称', '巡听组']);
    expect(rows).toHaveLength(41);
    expect(rows[1]).toEqual([2026, 3, '锡林郭勒盟委办公室', '第一巡听组']);
  });

  it('a GBK CSV of the 2026 plan (Excel on Chinese Windows) gives plan-2026.json back', async () => {
    const gbk = iconv.encode(formatCsv(planToRows(demoPlan(2026), units)), 'gbk');
    expect(await plansOf('2026年计划.csv', gbk)).toEqual([demoPlan(2026)]);
  });

  it('an .xlsx of both years gives both plans back, one per year, sorted', async () => {
    const rows = planToRows([plans[1], plans[0]], units);
    const xlsx = await writeXlsx([{ name: '巡听计划', columns: rows[0].map((h) => ({ header: String(h) })), rows: rows.slice(1) }]);
    expect(await plansOf('计划.xlsx', xlsx)).toEqual(plans);
  });

  it('a JSON plan, or an array of plans', async () => {
    expect(await plansOf('plan-2027.json', utf8(JSON.stringify(demoPlan(2027))))).toEqual([demoPlan(2027)]);
    expect(await plansOf('plans.json', utf8(JSON.stringify([demoPlan(2027), demoPlan(2026)])))).toEqual(plans);
  });
});

describe('parsePlanFile: tables as supervisors write them', () => {
  it('months written every way, the year from opts when the table has none', async () => {
    const csv =
      '单位名称,计划月份,巡听小组\n锡林郭勒盟教育局,3,第一巡听组\n锡林郭勒盟民政局,04,\n锡林郭勒盟财政局,5月,第二巡听组\n锡林郭勒盟审计局,十二月,第二巡听组\n';
    expect(await plansOf('计划.csv', utf8(csv), 2026)).toEqual([
      {
        format: 'xunting.plan/1',
        year: 2026,
        entries: [
          { unitId: idOf('锡林郭勒盟教育局'), month: 3, group: '第一巡听组' },
          { unitId: idOf('锡林郭勒盟民政局'), month: 4, group: '' },
          { unitId: idOf('锡林郭勒盟财政局'), month: 5, group: '第二巡听组' },
          { unitId: idOf('锡林郭勒盟审计局'), month: 12, group: '第二巡听组' },
        ],
      },
    ]);
  });

  it('the year from a 年度 column or from full months (2026-03, 2026年3月, 2026/3), over several years', async () => {
    const csv =
      '年份,单位名称,月份,组别\n2027,锡林郭勒盟教育局,3,第一组\n,锡林郭勒盟民政局,2026-03,第二组\n,锡林郭勒盟教育局,2026年9月,第一组\n2026年,锡林郭勒盟财政局,2026/3,\n';
    const plans = await plansOf('计划.csv', utf8(csv));
    expect(plans.map((p) => [p.year, p.entries.map((e) => [e.unitId, e.month])])).toEqual([
      [
        2026,
        [
          [idOf('锡林郭勒盟民政局'), 3],
          [idOf('锡林郭勒盟教育局'), 9],
          [idOf('锡林郭勒盟财政局'), 3],
        ],
      ],
      [2027, [[idOf('锡林郭勒盟教育局'), 3]]],
    ]);
  });

  it('units by 编号 instead of name; names compared ignoring spaces and full-width forms', async () => {
    const csv = '单位编号,月份\nu001,3\nu069,11\n';
    expect((await plansOf('计划.csv', utf8(csv), 2027))[0].entries.map((e) => e.unitId)).toEqual(['u001', 'u069']);
    const spaced = '单位名称,月份\n锡林郭勒盟 教育局,3\n锡林郭勒盟委办公室\u3000,4\n';
    expect((await plansOf('计划.csv', utf8(spaced), 2027))[0].entries.map((e) => e.unitId)).toEqual([idOf('锡林郭勒盟教育局'), 'u001']);
  });

  it('an .xlsx built by hand: a title row, month cells that Excel made dates, a second sheet of notes', async () => {
    const xlsx = handXlsx([
      { name: '说明', rows: [['本表由盟委直属机关工委制定']] },
      {
        name: '计划',
        rows: [
          ['2026 年度专项巡听旁听计划'],
          ['序号', '单位名称', '月份', '巡听组'],
          [1, '锡林郭勒盟教育局', { date: '2026-03-01' }, '第一巡听组'],
          [2, '锡林郭勒盟民政局', 4, '第二巡听组'],
        ],
      },
    ]);
    expect(await plansOf('计划.xlsx', xlsx, 2026)).toEqual([
      {
        format: 'xunting.plan/1',
        year: 2026,
        entries: [
          { unitId: idOf('锡林郭勒盟教育局'), month: 3, group: '第一巡听组' },
          { unitId: idOf('锡林郭勒盟民政局'), month: 4, group: '第二巡听组' },
        ],
      },
    ]);
  });

  it('a formula-looking group name round-trips as text through the CSV guard', async () => {
    const plan: Plan = { format: 'xunting.plan/1', year: 2026, entries: [{ unitId: 'u001', month: 3, group: '=第一组' }] };
    expect(await plansOf('计划.csv', writeCsv(planToRows(plan, units)))).toEqual([plan]);
  });
});

describe('parsePlanFile refuses, with every problem and nothing half-parsed', () => {
  it('a unit not in the roster, naming the row and up to 3 close names', async () => {
    const ps = await problemsOf('计划.csv', utf8('单位名称,月份\n锡林郭勒盟教育局,3\n锡林郭勒盟教育厅,4\n'), 2026);
    expect(ps).toHaveLength(1);
    expect(ps[0].path).toBe('第 3 行');
    expect(ps[0].message).toMatch(/^单位「锡林郭勒盟教育厅」不在单位名单中；是不是：/);
    expect(ps[0].message).toContain('「锡林郭勒盟教育局」');
    expect(ps[0].message.match(/「/g)!.length - 1).toBeLessThanOrEqual(3);
  });

  it('a name unlike anything in the roster, and HTML in a name, which is just text', async () => {
    const ps = await problemsOf('计划.csv', utf8('单位名称,月份\n<script>alert(1)</script>,3\n'), 2026);
    expect(ps).toEqual([{ path: '第 2 行', message: '单位「<script>alert(1)</script>」不在单位名单中，请改成名单中的名称，或先把它加入单位名单' }]);
  });

  it('a unit twice in one year names both rows; the same unit in two years is fine', async () => {
    const ps = await problemsOf('计划.csv', utf8('年度,单位名称,月份\n2026,锡林郭勒盟教育局,3\n2027,锡林郭勒盟教育局,3\n2026,锡林郭勒盟教育局,10\n'));
    expect(ps).toEqual([{ path: '第 4 行', message: '单位「锡林郭勒盟教育局」在 2026 年的计划中重复（已在第 2 行）；每个单位每年只计划一次' }]);
  });

  it('rows without a year, bad months and years, a 年度 that contradicts the month: all at once, in row order', async () => {
    const csv =
      '单位名称,月份,年度\n锡林郭勒盟教育局,3,\n锡林郭勒盟民政局,13,2026\n锡林郭勒盟财政局,2026-03,2027\n锡林郭勒盟审计局,,2026\n锡林郭勒盟统计局,4,明年\n锡林郭勒盟教育厅,5,2026\n';
    const ps = await problemsOf('计划.csv', utf8(csv));
    expect(ps.map((p) => p.path)).toEqual(['第 2 行', '第 3 行', '第 4 行', '第 5 行', '第 6 行', '第 7 行']);
    expect(ps.map((p) => p.message)).toEqual([
      '没有年度：请加「年度」列，或把月份写成 2026-03 这样带年份的形式',
      '月份「13」须在 1 到 12 之间',
      '月份「2026-03」与年度「2027」不一致',
      '月份为空',
      '年度「明年」无法识别（应为四位数的年份，如 2026）',
      expect.stringMatching(/^单位「锡林郭勒盟教育厅」不在单位名单中；是不是：.*「锡林郭勒盟教育局」/),
    ]);
  });

  it('编号 and 单位名称 that name different units, and an unknown 编号', async () => {
    const ps = await problemsOf('计划.csv', utf8('编号,单位名称,月份\nu002,锡林郭勒盟委办公室,3\nu999,,4\n'), 2026);
    expect(ps).toEqual([
      { path: '第 2 行', message: '单位名称「锡林郭勒盟委办公室」与编号「u002」（锡林郭勒盟委组织部）不是同一个单位' },
      { path: '第 3 行', message: '单位编号「u999」不在单位名单中' },
    ]);
  });

  it('a table without a month column (a roster picked by mistake) lists the headers found', async () => {
    const ps = await problemsOf('名单.csv', utf8('编号,单位名称,类别\nu001,锡林郭勒盟委办公室,党群\n'), 2026);
    expect(ps).toEqual([{ path: '第 1 行', message: '表头中找不到月份列（月份、计划月份、巡听月份）；表头是：「编号」「单位名称」「类别」' }]);
  });

  it('a table with neither unit nor month column, and a header with nothing under it', async () => {
    const none = await problemsOf('x.csv', utf8('姓名,电话\n张三,123\n'), 2026);
    expect(none[0].message).toContain('这一行是：「姓名」「电话」');
    expect(await problemsOf('x.csv', utf8('单位名称,月份\n'), 2026)).toEqual([{ path: '第 1 行', message: '表头下面没有计划行' }]);
  });

  it('JSON plans: problems at their path, a unit not in the roster, two plans for one year', async () => {
    const bad = [
      demoPlan(2026),
      { ...demoPlan(2027), entries: [{ unitId: 'u999', month: 3, group: '' }] },
      { format: 'xunting.plan/1', year: 2026, entries: [] },
    ];
    expect(await problemsOf('plans.json', utf8(JSON.stringify(bad)))).toEqual([
      { path: '$[1].entries[0].unitId', message: '单位编号 "u999" 不在单位名单中（2027 年计划第 1 条）' },
      { path: '$[2].year', message: '2026 年的计划重复（与 $[0] 同一年）；每年只有一份计划' },
    ]);
    expect(await problemsOf('plan.json', utf8(JSON.stringify({ ...demoPlan(2026), year: 1999 })))).toEqual([
      { path: '$.year', message: '年度须为 2000 到 2100 之间的整数' },
    ]);
    expect(await problemsOf('plans.json', utf8('[]'))).toEqual([{ path: '$', message: '文件中没有计划' }]);
  });

  it('files that are not plans at all', async () => {
    expect((await problemsOf('计划.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))[0].message).toContain('另存为 .xlsx 或 CSV');
    expect((await problemsOf('计划.pdf', utf8('%PDF-1.7\n')))[0]).toEqual({
      path: '计划.pdf',
      message: '这是一个 PDF 文件，不是文本或表格；请导入 .xlsx 或 .csv',
    });
  });
});
