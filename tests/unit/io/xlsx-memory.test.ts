/**
 * What a hostile roster costs the real command: `xunting coverage --roster` run in a child
 * process under GNU time, whose maximum resident set size is the whole process's peak (tsx's
 * compiler included). Before the guard, the million-row roster took 1.0–1.7 GB and the 2 MB bomb
 * killed Node; the bar is the issue's: refused, with the reason, under 500 MB.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { flateBombWorkbook, rowsWorkbook } from './xlsx-bombs';

const BIN = resolve(__dirname, '../../../bin/xunting.mjs');
const TIME = '/usr/bin/time';
const MB = 1024;

/** Exit code, stderr, and the peak RSS in MB of `xunting coverage --roster FILE`. */
function coverageWithRoster(roster: Uint8Array): { code: number | null; err: string; peakMb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'xunting-xlsx-mem-'));
  writeFileSync(join(dir, 'roster.xlsx'), roster);
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.4\n');
  const r = spawnSync(
    TIME,
    ['-f', 'PEAK_KB=%M', process.execPath, BIN, 'coverage', '--roster', 'roster.xlsx', '--year', '2026', '--out', 'out.csv', 'report.pdf'],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  const peak = /PEAK_KB=(\d+)/.exec(r.stderr);
  expect(peak, r.stderr).not.toBeNull();
  expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  return { code: r.status, err: r.stderr, peakMb: Number(peak![1]) / MB };
}

describe.skipIf(!existsSync(TIME))('hostile rosters cost the CLI little memory and end in a refusal', () => {
  it('a 1,000,000-row roster: exit 1, the reason, peak RSS under 500 MB', () => {
    const r = coverageWithRoster(rowsWorkbook(1_000_000));
    expect(r.code).toBe(1);
    expect(r.err).toContain('roster.xlsx：Excel 文件解压后将超过 48.0 MB');
    expect(r.peakMb).toBeLessThan(500);
  });

  it('a 2 MB sheet that inflates to 2 GiB while declaring 1,000 bytes: exit 1, the reason, peak RSS under 500 MB', () => {
    const r = coverageWithRoster(flateBombWorkbook(2048, 1000));
    expect(r.code).toBe(1);
    expect(r.err).toContain('部件 xl/worksheets/sheet1.xml 解压后的长度与 ZIP 目录所记（1000 字节）不符');
    expect(r.peakMb).toBeLessThan(500);
  });
});
