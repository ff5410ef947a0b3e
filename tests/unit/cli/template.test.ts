/**
 * `xunting template publish` and `xunting template check 评分表.pdf` as a supervisor and an
 * observer run them, with a CA and an identity made by the CLI: the good sheet is named with its
 * version (exit 0); a changed byte, an appended update and a foreign CA are refused with the
 * reason (exit 1). Bad templates are refused by `check` and by `publish`, which writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RubricTemplate } from '../../../utils/rubric';
import { flipByte } from '../../fixtures/sign/pdf-bytes';
import { appendUpdate, forgedRecordStream, layoutOf } from '../../fixtures/sign/attacks';
import { pdfsig, run } from '../../fixtures/sign/tools';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/xunting.mjs');
const PASS = '巡听口令 2026-ok';
const DEFAULT = join(ROOT, 'public/defaults/rubric-default.json');
const T: RubricTemplate = JSON.parse(readFileSync(DEFAULT, 'utf8'));

function xunting(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XUNTING_PASSPHRASE: PASS } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
let sheet: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xunting-template-cli-'));
  expect(xunting(['ca', 'init', '--name', '巡听办', '--org', '锡林郭勒盟直属机关工委', '--out', 'ca'], dir).code).toBe(0);
  expect(xunting(['identity', 'new', '--name', '王主任', '--org', '锡林郭勒盟直属机关工委', '--ca', 'ca', '--out', 'wang'], dir).code).toBe(0);
  expect(xunting(['ca', 'init', '--name', '外单位', '--out', 'other'], dir).code).toBe(0);
  expect(xunting(['identity', 'new', '--name', '外人', '--ca', 'other', '--out', 'stranger'], dir).code).toBe(0);
  writeFileSync(join(dir, 'v2.json'), JSON.stringify({ ...T, version: 2 }));
  const r = xunting(['template', 'publish', 'v2.json', '--identity', 'wang/identity.p12', '--out', '评分表.pdf'], dir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^已发布评分表：.*评分表\.pdf（中心组学习巡听旁听评分表，第 2 版，\d+ KB，已由 王主任 签名）/);
  sheet = new Uint8Array(readFileSync(join(dir, '评分表.pdf')));
}, 120_000);

describe('xunting template publish', () => {
  it('the 评分表 shows every section and item title to pdftotext, and pdfsig says the signature is valid', () => {
    const text = run('pdftotext', [join(dir, '评分表.pdf'), '-']).out;
    for (const s of T.sections) {
      expect(text).toContain(s.title);
      for (const i of s.items) expect(text).toContain(i.title);
    }
    const sig = pdfsig(join(dir, '评分表.pdf')).text;
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Signer Certificate Common Name: 王主任');
  });

  it('without --identity it is a command-line mistake; a wrong passphrase writes nothing', () => {
    expect(xunting(['template', 'publish', 'v2.json', '--out', 'x.pdf'], dir).code).toBe(2);
    const r = xunting(['template', 'publish', 'v2.json', '--identity', 'wang/identity.p12', '--passphrase', 'wrong-passphrase', '--out', 'x.pdf'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未发布');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('xunting template check 评分表.pdf --trust ca.pem', () => {
  const check = (name: string, bytes: Uint8Array, trust = 'ca/ca.pem') => {
    writeFileSync(join(dir, name), bytes);
    return xunting(['template', 'check', name, '--trust', trust], dir);
  };

  it('a good sheet: exit 0, the signer, the title and the version', () => {
    const r = check('good.pdf', sheet);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ good.pdf：评分表有效，签名人 王主任（锡林郭勒盟直属机关工委）');
    expect(r.out).toContain('模板有效：中心组学习巡听旁听评分表（第 2 版）：7 个部分，23 个评分项');
  });

  it('one changed byte: exit 1 with the reason', () => {
    const r = check('flipped.pdf', flipByte(sheet, Math.floor(sheet.length / 2)));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^✗ flipped\.pdf：评分表无效：.*［digest-mismatch］/);
    expect(r.out).toBe('');
  });

  it('an appended update replacing rubric.json: exit 1, the forged version is never shown', () => {
    const L = layoutOf(sheet, 'rubric.json');
    const forged = `${JSON.stringify({ ...T, version: 3, title: '伪造的评分表' }, null, 2)}\n`;
    const r = check('appended.pdf', appendUpdate(sheet, [{ num: L.record, body: forgedRecordStream(forged) }], { layout: L }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/签名之后文件又被追加了 \d+ 字节.*［appended-after-signature］/);
    expect(r.out + r.err).not.toContain('伪造');
  });

  it('a sheet signed under another CA: exit 1, untrusted by name', () => {
    expect(xunting(['template', 'publish', 'v2.json', '--identity', 'stranger/identity.p12', '--out', 'foreign.pdf'], dir).code).toBe(0);
    const r = xunting(['template', 'check', 'foreign.pdf', '--trust', 'ca/ca.pem'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('签名人「外人」的证书不是由受信任的 CA 签发的');
  });

  it('a report is not a 评分表: exit 1, no rubric.json', () => {
    expect(xunting(['report', '--demo', '--identity', 'wang/identity.p12', '--out', 'report.pdf'], dir).code).toBe(0);
    const r = xunting(['template', 'check', 'report.pdf', '--trust', 'ca/ca.pem'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('rubric.json');
  });
});

describe('bad templates: refused by check, and by publish with nothing written', () => {
  const item = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    title: `评分项${id}`,
    max: 5,
    step: 1,
    kind: 'score',
    allowNA: false,
    required: true,
    ...over,
  });
  type Loose = { sections: { title: string; items: unknown[] }[]; bands: { min: number }[] };
  const base = () => JSON.parse(JSON.stringify(T)) as Loose;
  const cases: [string, (t: ReturnType<typeof base>) => void, string][] = [
    [
      '2,000 items',
      (t) => (t.sections = [{ ...t.sections[0], items: Array.from({ length: 2000 }, (_, i) => item(`x${i}`)) }]),
      '$.sections: 评分项共 2000 个，超过上限 300 个',
    ],
    ['a duplicate id', (t) => t.sections[1].items.push(item('s1-1')), '$.sections[1].items[4].id: 评分项编号 "s1-1" 重复（已用于 $.sections[0].items[0]）'],
    ['a maximum of 0', (t) => t.sections[0].items.push(item('z', { max: 0 })), '$.sections[0].items[3].max: 满分须大于 0'],
    [
      'a step that does not divide the maximum',
      (t) => t.sections[0].items.push(item('z', { max: 5, step: 2 })),
      '$.sections[0].items[3].step: 「评分项z」的步长 2 不能整除满分 5',
    ],
    ['overlapping bands', (t) => (t.bands[1].min = 95), '$.bands[1].min: 等次须按下限从高到低排列，且下限各不相同'],
    ['bands that leave a gap at the bottom', (t) => (t.bands[t.bands.length - 1].min = 30), '$.bands[3].min: 最低等次的下限须为 0，使任何得分都有等次'],
    ['an empty section', (t) => (t.sections[2].items = []), '$.sections[2].items: 部分「学习内容」没有评分项'.replace('学习内容', T.sections[2].title)],
  ];
  it.each(cases)('%s', (_, edit, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-template-bad-'));
    const t = base();
    edit(t);
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify(t));
    const c = xunting(['template', 'check', 'bad.json'], cwd);
    expect(c.code).toBe(1);
    expect(c.err.split('\n')).toContain(message);
    const p = spawnSync(process.execPath, [BIN, 'template', 'publish', 'bad.json', '--identity', join(dir, 'wang/identity.p12'), '--out', 'out.pdf'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, XUNTING_PASSPHRASE: PASS },
    });
    expect(p.status).toBe(1);
    expect(p.stderr).toContain(message);
    expect(p.stderr).toContain('模板无效，未发布。');
    expect(readdirSync(cwd)).toEqual(['bad.json']);
  });
});
