/**
 * `xunting coverage` on the seed case as a supervisor has it: a GBK roster CSV from Excel, the
 * plan as a CSV of unit names, and a folder of 50 PDFs (45 signed reports covering 40 units,
 * 3 tampered, 2 unsigned). The command verifies each as the inbox does and writes the summary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { cachedSeedCorpus, type SeedCorpus } from '../../fixtures/collect/seed-corpus';
import { qpdfCheck, textRaw } from '../pdf/poppler';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/xunting.mjs');
function xunting(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let c: SeedCorpus;
let dir: string;
let run: ReturnType<typeof xunting>;
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;

beforeAll(async () => {
  c = await cachedSeedCorpus();
  dir = mkdtempSync(join(tmpdir(), 'xunting-coverage-cli-'));
  run = xunting(
    [
      'coverage',
      '--roster',
      c.rosterGbkCsv,
      '--plan',
      c.planCsv,
      '--year',
      '2026',
      '--trust',
      c.caPemPath,
      c.pdfDir,
      '--out',
      'summary.pdf',
      '--out',
      'summary.xlsx',
      '--out',
      'units.csv',
    ],
    dir,
  );
}, 180_000);

describe('xunting coverage on the seed case', () => {
  const good = () => c.files.filter((f) => f.kind === 'good');
  const bad = () => c.files.filter((f) => f.kind !== 'good');
  const notCovered = () => c.units.filter((u) => !c.coveredUnitIds.includes(u.id));

  it('prints the verdict counts and names each rejected file with its reason', () => {
    expect(run.code).toBe(0);
    expect(run.out).toContain(`核验 ${c.files.length} 个文件：接收 ${good().length}，重复 0，被取代 0，拒收 ${bad().length}`);
    for (const f of c.files.filter((x) => x.kind === 'tampered')) expect(run.out).toMatch(new RegExp(`✗ .*${f.name}：拒收，.*摘要不符`));
    for (const f of c.files.filter((x) => x.kind === 'unsigned')) expect(run.out).toMatch(new RegExp(`✗ .*${f.name}：拒收，文件没有数字签名`));
    // The demo signs each report as its lead observer, so no report is flagged as signed by an outsider.
    expect(run.out).not.toContain('不在本记录的旁听人员');
  });

  it('prints 40 of 69 covered (58.0%) and lists the 29 others', () => {
    const covered = c.coveredUnitIds.length;
    expect(covered).toBe(40);
    expect(run.out).toContain(`${c.units.length} 个单位中已覆盖 ${covered} 个（${pct(covered, c.units.length)}），未覆盖 ${c.units.length - covered} 个`);
    expect(run.out).toContain('（58.0%）');
    const line = run.out.split('\n').find((l) => l.startsWith('2026 年度未覆盖'))!;
    expect(line).toContain(`（${notCovered().length} 个）`);
    for (const u of notCovered()) expect(line).toContain(u.name);
  });

  it('the workbook, read back by a library, holds the same numbers', async () => {
    const sheets = await readXlsxFile(join(dir, 'summary.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '单位明细', '未覆盖单位', '月度进度']);
    const summary = sheets[0].data;
    const row = (label: string) => summary.find((r) => r[0] === label)!;
    expect(row('在册单位')[1]).toBe(c.units.length);
    expect(row('已覆盖单位').slice(1, 4)).toEqual([40, '个', '58.0%']);
    expect(row('未覆盖单位')[1]).toBe(notCovered().length);
    expect(row('巡听场次')[1]).toBe(good().length);
    const units = sheets[1].data.slice(1);
    expect(units).toHaveLength(c.units.length);
    expect(units.filter((r) => r[9] === '已覆盖' || r[9] === '计划外覆盖')).toHaveLength(40);
    expect(sheets[2].data.slice(1).map((r) => r[1])).toEqual(notCovered().map((u) => u.name));
  });

  it('the CSV opens in Excel (UTF-8 with BOM) with a row per unit', () => {
    const bytes = readFileSync(join(dir, 'units.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r\n/);
    expect(lines[0]).toBe('序号,单位名称,类别,计划,巡听次数,巡听日期,巡听人员,得分,等次,状态');
    expect(lines).toHaveLength(c.units.length + 1);
  });

  it('the summary PDF says the same, and passes qpdf', () => {
    const pdf = join(dir, 'summary.pdf');
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
    const flat = textRaw(pdf).replace(/\s+/g, '');
    expect(flat).toContain('58.0%');
    for (const u of c.units) expect(flat).toContain(u.name);
  });
});

describe('xunting coverage refuses bad input and writes nothing', () => {
  it('a roster without a unit-name column: the headers it found, exit 1, no file', () => {
    const d = mkdtempSync(join(tmpdir(), 'xunting-coverage-bad-'));
    writeFileSync(join(d, 'roster.csv'), '编号,类型\n1,政府\n');
    const r = xunting(['coverage', '--roster', 'roster.csv', '--year', '2026', '--trust', c.caPemPath, c.pdfDir, '--out', 'out.xlsx'], d);
    expect(r.code).toBe(1);
    expect(r.err).toContain('单位名单 roster.csv 有误，未生成汇总');
    expect(r.err).toMatch(/单位名称/);
    expect(existsSync(join(d, 'out.xlsx'))).toBe(false);
  });

  it('a plan naming a unit not in the roster: the row and close matches, exit 1, no file', () => {
    const d = mkdtempSync(join(tmpdir(), 'xunting-coverage-bad-'));
    writeFileSync(join(d, 'plan.csv'), '年度,月份,单位名称,巡听组\n2026,3,锡林郭勒盟教育厅,第一巡听组\n');
    const r = xunting(['coverage', '--roster', c.rosterGbkCsv, '--plan', 'plan.csv', '--year', '2026', c.pdfDir, '--out', 'out.pdf'], d);
    expect(r.code).toBe(1);
    expect(r.err).toContain('第 2 行');
    expect(r.err).toContain('锡林郭勒盟教育厅');
    expect(r.err).toContain('锡林郭勒盟教育局');
    expect(existsSync(join(d, 'out.pdf'))).toBe(false);
  });

  it('usage mistakes exit 2', () => {
    const d = mkdtempSync(join(tmpdir(), 'xunting-coverage-bad-'));
    expect(xunting(['coverage', '--year', '2026', c.pdfDir, '--out', 'x.pdf'], d).code).toBe(2);
    expect(xunting(['coverage', '--roster', c.rosterGbkCsv, '--year', '26', c.pdfDir, '--out', 'x.pdf'], d).code).toBe(2);
    expect(xunting(['coverage', '--roster', c.rosterGbkCsv, '--year', '2026', c.pdfDir, '--out', 'x.docx'], d).code).toBe(2);
  });

  it('without --trust every report is refused, with a hint; --strict makes that exit 1', () => {
    const d = mkdtempSync(join(tmpdir(), 'xunting-coverage-notrust-'));
    const r = xunting(['coverage', '--roster', c.rosterGbkCsv, '--year', '2026', '--strict', c.pdfDir, '--out', 'x.csv'], d);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`接收 0，重复 0，被取代 0，拒收 ${c.files.length}`);
    expect(r.err).toContain('未用 --trust 指定受信任的 CA 证书');
  });
});
