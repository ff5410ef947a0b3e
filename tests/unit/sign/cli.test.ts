/**
 * The signing commands as a supervisor and observers run them: `node bin/xunting.mjs …` in a
 * temporary folder, passphrases from XUNTING_PASSPHRASE (or typed at a terminal, never echoed).
 * Outputs are checked with openssl and pdfsig; exit codes say whether every file is good.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createIdentityRequest, importIssuedCertificate, readPkcs12, signPdf } from '../../../utils/sign';
import { flipByte } from '../../fixtures/sign/pdf-bytes';
import { appendUpdate, editedObject, layoutOf } from '../../fixtures/sign/attacks';
import { pdfsig, run } from '../../fixtures/sign/tools';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/xunting.mjs');
const PASS = '巡听口令 2026-ok';

function xunting(args: string[], cwd: string, env: Record<string, string | undefined> = { XUNTING_PASSPHRASE: PASS }) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, XUNTING_PASSPHRASE: undefined, XUNTING_CA_PASSPHRASE: undefined, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const bytes = (p: string) => new Uint8Array(readFileSync(p));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xunting-sign-cli-'));
  expect(xunting(['ca', 'init', '--name', '锡林郭勒盟委巡听办', '--org', '中共锡林郭勒盟委员会', '--out', 'ca'], dir).code).toBe(0);
  expect(xunting(['identity', 'new', '--name', '张三', '--org', '锡林郭勒盟委组织部', '--ca', 'ca', '--out', 'zhang'], dir).code).toBe(0);
  expect(xunting(['identity', 'new', '--name', '李四', '--org', '锡林郭勒盟委组织部', '--ca', 'ca', '--out', 'li'], dir).code).toBe(0);
  expect(xunting(['report', '--demo', '--identity', 'zhang/identity.p12', '--out', 'signed.pdf'], dir).code).toBe(0);
}, 120_000);

describe('xunting ca init', () => {
  it('writes ca.pem and ca.p12, which openssl opens with the passphrase', () => {
    expect(readdirSync(join(dir, 'ca')).sort()).toEqual(['ca.p12', 'ca.pem']);
    const text = run('openssl', ['x509', '-in', join(dir, 'ca/ca.pem'), '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb']).out;
    expect(text).toContain('Subject: CN=锡林郭勒盟委巡听办,O=中共锡林郭勒盟委员会,C=CN');
    expect(text).toMatch(/CA:TRUE/);
    const p12 = run('openssl', ['pkcs12', '-in', join(dir, 'ca/ca.p12'), '-passin', `pass:${PASS}`, '-nocerts', '-nodes']);
    expect(p12.code).toBe(0);
    expect(p12.out).toContain('BEGIN PRIVATE KEY');
  });

  it('refuses to overwrite an existing CA unless --force', () => {
    const before = readFileSync(join(dir, 'ca/ca.pem'), 'utf8');
    const r = xunting(['ca', 'init', '--name', '另一个', '--out', 'ca'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已存在，未做任何改动');
    expect(readFileSync(join(dir, 'ca/ca.pem'), 'utf8')).toBe(before);
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-sign-cli-'));
    expect(xunting(['ca', 'init', '--name', '甲', '--out', '.'], cwd).code).toBe(0);
    const first = readFileSync(join(cwd, 'ca.pem'), 'utf8');
    expect(xunting(['ca', 'init', '--name', '乙', '--out', '.', '--force'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'ca.pem'), 'utf8')).not.toBe(first);
    expect(readdirSync(cwd).sort()).toEqual(['ca.p12', 'ca.pem']);
  });

  it('an empty or short passphrase is refused in Chinese; no passphrase and no terminal is a clear failure', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-sign-cli-'));
    const short = xunting(['ca', 'init', '--name', '甲', '--out', 'x'], cwd, { XUNTING_PASSPHRASE: '1234567' });
    expect(short.code).toBe(1);
    expect(short.err).toContain('口令太短：至少需要 8 个字符');
    const empty = xunting(['ca', 'init', '--name', '甲', '--out', 'x', '--passphrase', ''], cwd, {});
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('口令不能为空');
    const none = xunting(['ca', 'init', '--name', '甲', '--out', 'x'], cwd, {});
    expect(none.code).toBe(1);
    expect(none.err).toContain('请用 --passphrase 或环境变量 XUNTING_PASSPHRASE 提供（标准输入不是终端，无法提示输入）');
    expect(readdirSync(cwd)).toEqual([]);
    expect(short.err + short.out).not.toContain('1234567');
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('at a terminal, asks twice without echo (script(1) provides the terminal)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-sign-cli-'));
    const secret = 'typed-secret-1234';
    const cmd = `${process.execPath} ${BIN} ca init --name 终端测试 --out tty`;
    // The typing waits for node to start and turn echo off (on a busy machine that takes seconds).
    const r = spawnSync('sh', ['-c', `(sleep 5; printf '${secret}\\r'; sleep 1; printf '${secret}\\r') | script -qec "${cmd}" /dev/null`], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, XUNTING_PASSPHRASE: undefined },
    });
    expect(r.stdout).toContain('CA 备份文件的口令：');
    expect(r.stdout).toContain('再输入一次：');
    expect(r.stdout).toContain('已建立 CA');
    expect(r.stdout).not.toContain(secret);
    expect(run('openssl', ['pkcs12', '-in', join(cwd, 'tty/ca.p12'), '-passin', `pass:${secret}`, '-nokeys']).code).toBe(0);
  });
});

describe('xunting identity new', () => {
  it('writes identity.p12 (key, certificate, CA) and cert.pem, issued by the CA', async () => {
    expect(readdirSync(join(dir, 'zhang')).sort()).toEqual(['cert.pem', 'identity.p12']);
    expect(run('openssl', ['verify', '-CAfile', join(dir, 'ca/ca.pem'), join(dir, 'zhang/cert.pem')]).out).toContain(': OK');
    const id = await readPkcs12(bytes(join(dir, 'zhang/identity.p12')), PASS);
    expect(id.chain).toHaveLength(1);
    const info = run('openssl', ['pkcs12', '-in', join(dir, 'zhang/identity.p12'), '-passin', `pass:${PASS}`, '-info', '-nokeys']);
    expect(info.err).toContain('Iteration 100000');
  });

  it('a wrong CA passphrase: exit 1, nothing written, the passphrase not repeated', () => {
    const r = xunting(['identity', 'new', '--name', '王五', '--ca', 'ca', '--out', 'wang', '--ca-passphrase', 'wrong-passphrase-x'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('口令不正确');
    expect(r.err + r.out).not.toContain('wrong-passphrase-x');
    expect(r.err + r.out).not.toContain(PASS);
    expect(existsSync(join(dir, 'wang'))).toBe(false);
  });

  it('a missing CA folder says so', () => {
    const r = xunting(['identity', 'new', '--name', '王五', '--ca', 'nope', '--out', 'wang'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('请先运行 xunting ca init');
  });
});

describe('xunting ca issue', () => {
  it('issues a certificate for a CSR made in a browser; the browser imports it with the CA as chain', async () => {
    const req = await createIdentityRequest({ name: '赵六', org: '锡林郭勒盟委组织部' });
    writeFileSync(join(dir, 'zhao.csr'), req.csrPem);
    const r = xunting(['ca', 'issue', '--ca', 'ca', 'zhao.csr', '--out', 'zhao.pem'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已签发证书');
    expect(r.out).toContain('主体：CN=赵六, O=锡林郭勒盟委组织部, C=CN');
    const id = await importIssuedCertificate(req.keys, readFileSync(join(dir, 'zhao.pem'), 'utf8'));
    expect(id.chain).toHaveLength(1);
    expect(run('openssl', ['verify', '-CAfile', join(dir, 'ca/ca.pem'), join(dir, 'zhao.pem')]).out).toContain(': OK');
  });

  it('refuses a tampered CSR', async () => {
    const req = await createIdentityRequest({ name: '赵六' });
    const der = req.csr.slice();
    der[der.length - 3] ^= 1;
    writeFileSync(join(dir, 'bad.csr'), `-----BEGIN CERTIFICATE REQUEST-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`);
    expectIssueRefused('bad.csr', '证书请求的签名无效');
  });
});

/** `ca issue` refuses the request `csr` (in the test folder): exit 1, `why` on stderr, no certificate written. */
function expectIssueRefused(csr: string, why: string) {
  const out = csr.replace(/\.csr$/, '.pem');
  const r = xunting(['ca', 'issue', '--ca', 'ca', csr, '--out', out], dir);
  expect(r.code).toBe(1);
  expect(r.err).toContain(why);
  expect(existsSync(join(dir, out))).toBe(false);
}

describe('xunting ca issue: the key floor', () => {
  it('refuses a CSR for an RSA-1024 key, saying why; writes nothing', () => {
    const key = join(dir, 'weak.key');
    expect(run('openssl', ['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-keyout', key, '-out', join(dir, 'weak.csr'), '-subj', '/CN=Weak']).code).toBe(0);
    expectIssueRefused('weak.csr', '证书请求中的密钥强度不够，不能签发：RSA 密钥只有 1024 位，至少需要 2048 位');
  });
});

describe('xunting report --identity, sign, verify', () => {
  it('report --identity writes a signed report that pdfsig validates', () => {
    const s = pdfsig(join(dir, 'signed.pdf')).signatures;
    expect(s).toHaveLength(1);
    expect(s[0].valid).toBe(true);
    expect(s[0].text).toContain('Signer Certificate Common Name: 张三');
  });

  it('report --identity with a wrong passphrase writes nothing', () => {
    const r = xunting(['report', '--demo', '--identity', 'zhang/identity.p12', '--out', 'nope.pdf'], dir, { XUNTING_PASSPHRASE: 'not the passphrase' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('口令不正确');
    expect(r.err).toContain('未生成报告');
    expect(existsSync(join(dir, 'nope.pdf'))).toBe(false);
  });

  it('sign countersigns; verify --json reports both signatures; exit 0', () => {
    const r = xunting(['sign', 'signed.pdf', '--identity', 'li/identity.p12', '--out', 'both.pdf'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('签名人 李四，锡林郭勒盟委组织部；第 2 个签名');
    const v = xunting(['verify', 'both.pdf', '--trust', 'ca/ca.pem', '--json'], dir);
    expect(v.code).toBe(0);
    const lines = v.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const verdict = JSON.parse(lines[0]);
    expect(verdict.ok).toBe(true);
    expect(verdict.file).toBe('both.pdf');
    expect(verdict.signatures.map((s: { signer: { cn: string } }) => s.signer.cn)).toEqual(['张三', '李四']);
    expect(verdict.record.unit.name).toBe('锡林郭勒盟教育局');
  });

  it('verify walks folders: one line per file, exit 1 when any is bad', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xunting-sign-cli-'));
    const reports = join(cwd, 'reports');
    spawnSync('mkdir', ['-p', join(reports, 'sub')]);
    copyFileSync(join(dir, 'signed.pdf'), join(reports, 'good.pdf'));
    writeFileSync(join(reports, 'sub', 'tampered.pdf'), flipByte(bytes(join(dir, 'signed.pdf')), 5000));
    const good = xunting(['verify', 'reports/good.pdf', '--trust', join(dir, 'ca/ca.pem')], cwd);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(
      /^✓ reports\/good\.pdf：有效，签名人 张三（锡林郭勒盟委组织部） \d{4}-\d{2}-\d{2} \d{2}:\d{2}；记录：锡林郭勒盟教育局 2026-05-12\n$/,
    );
    const all = xunting(['verify', 'reports', '--trust', join(dir, 'ca/ca.pem')], cwd);
    expect(all.code).toBe(1);
    const lines = all.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^✓ reports\/good\.pdf/);
    expect(lines[1]).toBe('✗ reports/sub/tampered.pdf：文件内容在签名后被改动（摘要不符）［digest-mismatch］');
    const untrusted = xunting(['verify', 'reports/good.pdf'], cwd);
    expect(untrusted.code).toBe(1);
    expect(untrusted.out).toContain('［untrusted-signer］');
    expect(untrusted.err).toContain('未用 --trust 指定受信任的 CA 证书');
  });

  it('sign refuses a report whose signature is already broken', () => {
    writeFileSync(join(dir, 'broken.pdf'), flipByte(bytes(join(dir, 'signed.pdf')), 5000));
    const r = xunting(['sign', 'broken.pdf', '--identity', 'li/identity.p12', '--out', 'broken-2.pdf'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('原有的签名已失效，拒绝再签');
    expect(existsSync(join(dir, 'broken-2.pdf'))).toBe(false);
  });

  it('sign refuses a report whose countersignature was made over more than a signature (an annotation over the scores)', async () => {
    const signed = bytes(join(dir, 'signed.pdf'));
    const L = layoutOf(signed);
    const covered = appendUpdate(signed, [
      { num: L.size, body: `<< /Type /Annot /Subtype /Square /F 4 /Rect [56 300 539 700] /IC [1 1 1] /P ${L.page1} 0 R >>` },
      editedObject(signed, L.page1, (b) => b.replace(/>>\s*$/, `/Annots [${L.size} 0 R] >>`)),
    ]);
    const li = await readPkcs12(bytes(join(dir, 'li/identity.p12')), PASS);
    writeFileSync(join(dir, 'covered.pdf'), await signPdf(covered, { key: li.privateKey, certificate: li.certificate, chain: li.chain }));
    const r = xunting(['sign', 'covered.pdf', '--identity', 'zhang/identity.p12', '--out', 'covered-2.pdf'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('原有的签名已失效，拒绝再签：第 2 个签名的版本除了签名还改动了文件：加入了签名以外的注释（/Subtype /Square');
    expect(existsSync(join(dir, 'covered-2.pdf'))).toBe(false);
  });

  it('--help lists the signing commands', () => {
    const r = xunting(['--help'], dir);
    for (const name of ['ca', 'identity', 'sign', 'verify']) expect(r.out).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    expect(statSync(join(dir, 'signed.pdf')).size).toBeGreaterThan(100_000);
  });
});
