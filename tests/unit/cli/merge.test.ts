/**
 * A group's independent scoring on the command line, as a lead and two members would run it:
 * three records of one session made from the demo record with different scores, two members
 * submit signed 独立评分表 (`xunting submit`), the lead merges (`xunting merge`), and the merged
 * record renders as a report that signs. Run as `node bin/xunting.mjs …` in a temporary folder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ObservationRecord } from '../../../utils/record';
import { templateItems, type RubricItem } from '../../../utils/rubric';
import { inspectReport } from '../../../utils/collect';
import { parseCertificates } from '../../../utils/sign';
import { nssDbTrusting, pdfsig, run } from '../../fixtures/sign/tools';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/xunting.mjs');
const PASS = '巡听口令 2026-ok';

function xunting(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, XUNTING_PASSPHRASE: PASS, XUNTING_CA_PASSPHRASE: undefined },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as ObservationRecord;

/** The demo record with every scored item moved by `shift(index)` steps, kept within 0..max. */
function variant(base: ObservationRecord, shift: (i: number) => number): ObservationRecord {
  const r = structuredClone(base);
  templateItems(r.template).forEach(({ item }, i) => {
    const s = r.scores[item.id];
    if (s.na || s.value === null) return;
    s.value = Math.max(0, Math.min(item.max, Number((s.value + shift(i) * item.step).toFixed(3))));
  });
  return r;
}

/** Independently of utils/group: the mean, rounded half up to the step. */
function expectedAgreed(item: RubricItem, values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Number((Math.floor(mean / item.step + 0.5 + 1e-9) * item.step).toFixed(3));
}

let dir: string;
let lead: ObservationRecord;
let m1: ObservationRecord;
let m2: ObservationRecord;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xunting-merge-'));
  const ok = (args: string[]) => {
    const r = xunting(args, dir);
    expect(r.code, `${args.join(' ')}\n${r.err}`).toBe(0);
  };
  ok(['report', '--demo', '--unit', '锡林郭勒盟财政局', '--date', '2026-06-18', '--out', 'x.pdf', '--record-out', 'x.json']);
  ok(['ca', 'init', '--name', '巡听办', '--org', '锡林郭勒盟直属机关工委', '--out', 'ca']);
  for (const [name, folder] of [
    ['李四', 'li'],
    ['王五', 'wang'],
    ['张三', 'zhang'],
  ])
    ok(['identity', 'new', '--name', name, '--org', '组织部', '--ca', 'ca', '--out', folder]);
  const base = readJson(join(dir, 'x.json'));
  lead = base;
  m1 = variant(base, (i) => (i % 3) - 1);
  m2 = variant(base, (i) => 2 * (1 - (i % 3)));
  writeFileSync(join(dir, 'lead.json'), JSON.stringify(lead));
  writeFileSync(join(dir, 'm1.json'), JSON.stringify(m1));
  writeFileSync(join(dir, 'm2.json'), JSON.stringify(m2));
  ok(['submit', 'm1.json', '--identity', 'li/identity.p12', '--out', 'm1.pdf']);
  ok(['submit', 'm2.json', '--identity', 'wang/identity.p12', '--out', 'm2.pdf']);
  // A member sheet of another unit's session.
  ok(['report', '--demo', '--unit', '锡林郭勒盟教育局', '--date', '2026-06-18', '--out', 'o.pdf', '--record-out', 'other.json']);
  ok(['submit', 'other.json', '--identity', 'li/identity.p12', '--out', 'other.pdf']);
}, 180_000);

describe('xunting submit', { timeout: 120_000 }, () => {
  it('writes a one-page signed 组员独立评分表 that pdfsig validates, carrying the member record', () => {
    const pdf = join(dir, 'm1.pdf');
    const sig = pdfsig(pdf, nssDbTrusting(readFileSync(join(dir, 'ca/ca.pem'), 'utf8')));
    expect(sig.signatures).toHaveLength(1);
    expect(sig.signatures[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
    const text = run('pdftotext', ['-layout', pdf, '-']).out;
    expect(text).toContain('组员独立评分表');
    expect(text).toContain('李四（组员）');
    expect(run('pdfinfo', [pdf]).out).toMatch(/Pages:\s+1\n/);
  });

  it('is refused by the supervisor inbox: a member sheet is not a report', async () => {
    const ca = parseCertificates(readFileSync(join(dir, 'ca/ca.pem'), 'utf8'));
    const got = await inspectReport('m1.pdf', new Uint8Array(readFileSync(join(dir, 'm1.pdf'))), { cas: ca });
    expect(got).toMatchObject({ ok: false, code: 'member-sheet' });
    if (!got.ok) expect(got.reason).toContain('独立评分表，不是巡听报告');
  });
});

describe('xunting merge', { timeout: 120_000 }, () => {
  it('agrees on the means rounded to each item step and keeps every member scores', () => {
    const r = xunting(['merge', 'lead.json', 'm1.pdf', 'm2.pdf', '--out', 'merged.json', '--trust', 'ca/ca.pem'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('汇总 3 人的独立评分');
    const merged = readJson(join(dir, 'merged.json'));
    expect(merged.group?.independent?.map((m) => [m.name, m.role])).toEqual([
      [lead.observers.find((o) => o.lead)!.name, 'lead'],
      ['李四', 'member'],
      ['王五', 'member'],
    ]);
    let differs = 0;
    for (const { item } of templateItems(merged.template)) {
      const own = [lead, m1, m2].map((x) => x.scores[item.id].value);
      expect(merged.group!.independent!.map((m) => m.scores[item.id].value)).toEqual(own);
      if (own.some((v) => v === null)) continue;
      expect(merged.scores[item.id].value, item.title).toBe(expectedAgreed(item, own as number[]));
      if (merged.scores[item.id].value !== lead.scores[item.id].value) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });

  it('refuses a member file for another unit, and writes nothing', () => {
    const r = xunting(['merge', 'lead.json', 'm1.pdf', 'other.pdf', '--out', 'refused.json', '--trust', 'ca/ca.pem'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ other.pdf：拒收，这份评分是对单位「锡林郭勒盟教育局」的，本组巡听的是「锡林郭勒盟财政局」');
    expect(r.err).toContain('未写出汇总记录');
    expect(existsSync(join(dir, 'refused.json'))).toBe(false);
  });

  it('refuses an unsigned file, and a signer the given CA did not certify', () => {
    const r = xunting(['merge', 'lead.json', 'x.pdf', '--out', 'refused.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ x.pdf：拒收，核验未通过：文件没有数字签名');
    const otherCa = mkdtempSync(join(tmpdir(), 'xunting-merge-ca-'));
    expect(xunting(['ca', 'init', '--name', '别处', '--out', '.'], otherCa).code).toBe(0);
    const u = xunting(['merge', 'lead.json', 'm1.pdf', '--out', 'refused.json', '--trust', join(otherCa, 'ca.pem')], dir);
    expect(u.code).toBe(1);
    expect(u.out).toContain('不是由受信任的 CA 签发的');
  });

  it('without --trust checks the signatures and says the signers were not checked', () => {
    const r = xunting(['merge', 'lead.json', 'm1.pdf', 'm2.pdf', '--out', 'merged-untrusted.json'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('未指定 --trust，签名人身份未经核验');
  });

  it('the merged record renders as a report with the appendix 组员独立评分对照, and signs', () => {
    const r = xunting(['report', 'merged.json', '--identity', 'zhang/identity.p12', '--out', 'final.pdf'], dir);
    expect(r.code, r.err).toBe(0);
    const text = run('pdftotext', ['-layout', join(dir, 'final.pdf'), '-']).out;
    const appendix = text.slice(text.indexOf('附：组员独立评分对照'));
    expect(text.indexOf('附：组员独立评分对照')).toBeGreaterThan(text.indexOf('巡听人员'));
    expect(appendix).toMatch(/李四\s+王五\s+极差\s+组定分/);
    expect(appendix).toContain('※ 极差超过该项满分的四分之一');
    expect(run('pdftotext', ['-layout', join(dir, 'x.pdf'), '-']).out).not.toContain('组员独立评分对照');
    const sig = pdfsig(join(dir, 'final.pdf'), nssDbTrusting(readFileSync(join(dir, 'ca/ca.pem'), 'utf8')));
    expect(sig.signatures[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
  });
});
