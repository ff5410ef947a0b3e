/**
 * The `xunting` command as a person runs it: `node bin/xunting.mjs …` from another working
 * directory, files in and out, exit codes, and no half-written output.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRecordJson } from '../../../utils/record';
import { invalidRecordJson } from '../../fixtures/records/builders';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/xunting.mjs');
const FIXTURES = join(ROOT, 'tests/fixtures/records');

function xunting(args: string[], cwd = mkdtempSync(join(tmpdir(), 'xunting-cli-'))) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, cwd };
}

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
const text = (pdf: string) => spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout;

describe('xunting --help', () => {
  it('lists the commands', () => {
    const r = xunting(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/用法：xunting <命令>/);
    expect(r.out).toMatch(/report\s+生成《巡听旁听情况记录表》PDF/);
    expect(r.out).toMatch(/template\s+检查评分表模板/);
  });

  it('every command shows its own usage for --help or -h, wherever the flag stands', () => {
    for (const [args, usage] of [
      [['report', '--help'], /xunting report/],
      [['verify', '-h'], /xunting verify/],
      [['coverage', '--roster', 'x.csv', '--help'], /xunting coverage/],
      [['ca', 'issue', '-h'], /xunting ca/],
    ] as const) {
      const r = xunting([...args]);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(usage);
      expect(r.err).toBe('');
    }
  });

  it('an unknown command is a usage error (exit 2)', () => {
    const r = xunting(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有命令「frobnicate」');
  });
});

describe('xunting report --demo', () => {
  it('writes a report, and the same arguments give the same bytes', () => {
    const a = xunting(['report', '--demo', '--out', 'a.pdf', '--record-out', 'a.json']);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^已生成报告：.*a\.pdf（\d+ 页，\d+ KB）/);
    const pdf = join(a.cwd, 'a.pdf');
    expect(pages(pdf)).toBeGreaterThanOrEqual(2);
    expect(text(pdf)).toContain('锡林郭勒盟教育局');
    const parsed = parseRecordJson(readFileSync(join(a.cwd, 'a.json'), 'utf8'));
    expect(parsed.ok).toBe(true);
    const b = xunting(['report', '--demo', '--out', 'b.pdf'], a.cwd);
    expect(b.code).toBe(0);
    expect(readFileSync(join(a.cwd, 'b.pdf'))).toEqual(readFileSync(pdf));
    // Nothing but the outputs is left behind (no temporary files).
    expect(readdirSync(a.cwd).sort()).toEqual(['a.json', 'a.pdf', 'b.pdf']);
  });

  it('--unit and --date vary the session and its scores', () => {
    const r = xunting(['report', '--demo', '--unit', '锡林郭勒盟财政局', '--date', '2026-06-18', '--out', 'f.pdf', '--record-out', 'f.json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(readFileSync(join(r.cwd, 'f.json'), 'utf8'));
    expect(f.unit.name).toBe('锡林郭勒盟财政局');
    expect(f.date).toBe('2026-06-18');
    // What a demo session is, by its properties rather than against a stored copy: a valid final
    // record, every item scored or not applicable, one lead, a plausible meeting and attendance.
    const valid = parseRecordJson(JSON.stringify(f));
    expect(valid.ok).toBe(true);
    expect(f.status).toBe('final');
    expect(Object.values(f.scores as Record<string, { value: number | null; na: boolean }>).every((s) => s.value !== null || s.na)).toBe(true);
    expect(f.observers.filter((o: { lead: boolean }) => o.lead)).toHaveLength(1);
    expect(f.startTime < f.endTime).toBe(true);
    for (const n of f.timeline as { time: string }[]) expect(n.time >= f.startTime && n.time <= f.endTime).toBe(true);
    expect(f.attendance.present + f.attendance.onLeave).toBe(f.attendance.expected);
    expect(f.attendance.absentees).toHaveLength(f.attendance.onLeave);
    expect(f.speakers.length).toBeGreaterThan(0);
    const again = xunting(['report', '--demo', '--unit', '锡林郭勒盟财政局', '--date', '2026-06-18', '--out', 'f2.pdf', '--record-out', 'f2.json'], r.cwd);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(r.cwd, 'f2.json'), 'utf8'))).toEqual(f);
    const other = xunting(['report', '--demo', '--unit', '锡林郭勒盟财政局', '--date', '2026-09-03', '--out', 'g.pdf', '--record-out', 'g.json'], r.cwd);
    expect(other.code).toBe(0);
    const g = JSON.parse(readFileSync(join(r.cwd, 'g.json'), 'utf8'));
    expect(g.scores).not.toEqual(f.scores);
  });

  it('an unknown unit: exit 2, close matches listed, no file', () => {
    const r = xunting(['report', '--demo', '--unit', '锡林郭勒盟教育厅', '--out', 'x.pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('内置名单中没有单位「锡林郭勒盟教育厅」');
    expect(r.err).toMatch(/相近的单位：\n\s+锡林郭勒盟教育局/);
    expect(existsSync(join(r.cwd, 'x.pdf'))).toBe(false);
  });

  it('a bad date or an unknown option is a usage error', () => {
    expect(xunting(['report', '--demo', '--date', '2026-02-30']).code).toBe(2);
    const r = xunting(['report', '--demo', '--colour']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不认识的选项 --colour');
    expect(r.err).toContain('用法：');
  });
});

describe('xunting report RECORD.json', () => {
  it('renders a record file; the PDF carries it as observation.json', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-cli-'));
    copyFileSync(join(FIXTURES, 'finance-2026-06-18.json'), join(cwd, 'record.json'));
    mkdirSync(join(cwd, 'out'));
    const r = xunting(['report', 'record.json', '--out', 'out/report.pdf'], cwd);
    expect(r.code).toBe(0);
    const detached = join(cwd, 'detached');
    mkdirSync(detached);
    spawnSync('pdfdetach', ['-saveall', '-o', detached, join(cwd, 'out/report.pdf')]);
    expect(JSON.parse(readFileSync(join(detached, 'observation.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(cwd, 'record.json'), 'utf8')));
  });

  it('an invalid record: every problem on stderr as "path: message", exit 1, no output file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xunting-invalid-')), 'invalid.json');
    writeFileSync(file, JSON.stringify(invalidRecordJson(), null, 2));
    const r = xunting(['report', file, '--out', 'bad.pdf']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^记录无效，未生成报告：/);
    expect(r.err).toMatch(/^\$\.date: /m);
    expect(r.err).toMatch(/^\$\.attendance\.expected: 应到人数不能为负数$/m);
    expect(r.out).toBe('');
    expect(readdirSync(r.cwd)).toEqual([]);
  });

  it('a file that is not JSON, or is missing, fails with exit 1', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-cli-'));
    writeFileSync(join(cwd, 'broken.json'), '{ "format": ');
    const r = xunting(['report', 'broken.json', '--out', 'x.pdf'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^\$: 记录文件不是有效的 JSON/m);
    const m = xunting(['report', 'nope.json', '--out', 'x.pdf'], cwd);
    expect(m.code).toBe(1);
    expect(m.err).toContain('无法读取记录文件 nope.json：文件不存在');
    expect(readdirSync(cwd)).toEqual(['broken.json']);
  });

  it('a broken font: a clear error, exit 1, no output file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-cli-'));
    const fonts = join(cwd, 'fonts');
    mkdirSync(fonts);
    for (const f of ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Ext.ttf', 'coverage.json']) copyFileSync(join(ROOT, 'public/fonts', f), join(fonts, f));
    writeFileSync(join(fonts, 'NotoSerifSC-Bold.ttf'), Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(2000)]));
    const r = xunting(['report', '--demo', '--fonts', 'fonts', '--out', 'x.pdf'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^字体文件无效：NotoSerifSC-Bold\.ttf：.*OTTO/);
    expect(existsSync(join(cwd, 'x.pdf'))).toBe(false);
    expect(readdirSync(cwd)).toEqual(['fonts']);
  });
});

describe('xunting template check', () => {
  it('a valid template: exit 0 and a summary', () => {
    const r = xunting(['template', 'check', join(ROOT, 'public/defaults/rubric-default.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^模板有效：中心组学习巡听旁听评分表（第 1 版）：7 个部分，23 个评分项，满分 100 分/);
  });

  it('an invalid template: every problem "path: message", one per line, exit 1', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-cli-'));
    const bad = {
      format: 'xunting.rubric/1',
      id: 'bad id',
      version: 0,
      title: '',
      sections: [{ id: 's', title: '部分', items: [{ id: 'i', title: '项', max: 5, step: 2 }] }],
      bands: [],
    };
    writeFileSync(join(cwd, 't.json'), JSON.stringify(bad));
    const r = xunting(['template', 'check', 't.json'], cwd);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/^\$[^ ]*: \S/);
    expect(lines).toEqual(expect.arrayContaining(['$.version: 版本号须不小于 1', '$.title: 模板名称不能为空']));
  });
});

describe('xunting demo', () => {
  it('needs --out, and refuses a folder that is not empty unless --force', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-demo-'));
    expect(xunting(['demo'], cwd).code).toBe(2);
    mkdirSync(join(cwd, 'full'));
    writeFileSync(join(cwd, 'full', 'keep.txt'), '别删我');
    const r = xunting(['demo', '--out', 'full'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('目录 full 已存在且不为空');
    expect(readFileSync(join(cwd, 'full', 'keep.txt'), 'utf8')).toBe('别删我');
  });
});
