/**
 * `xunting ca init` and `xunting ca issue`: the supervisor's certification authority. The CA's
 * certificate (ca.pem) goes to everyone who verifies; its key stays in a passphrase-protected
 * PKCS#12 backup (ca.p12) on the supervisor's machine.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  certificateInfo,
  certificateToPem,
  checkPassphrase,
  createCa,
  issueCertificate,
  parseCsr,
  SignError,
  writePkcs12,
  type CertificateInfo,
} from '../utils/sign';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { readSecret, SecretUnavailable } from './read-secret';
import { existing, readFailure, readIdentityFile } from './sign-io';
import { writeFileAtomic } from './write-atomic';

export const CA_CERT_FILE = 'ca.pem';
export const CA_P12_FILE = 'ca.p12';

const usage = `用法：
  xunting ca init --name 名称 [--org 单位] --out 目录 [--years 10] [--force]
  xunting ca issue --ca 目录 请求.pem --out 证书.pem [--days 730]

ca init   新建巡听工作的证书颁发机构（CA）：ECDSA P-256 密钥和自签名 CA 证书（默认有效 10 年）。
          写出 目录/${CA_CERT_FILE}（CA 证书，发给各巡听人员和核验者）和 目录/${CA_P12_FILE}（含私钥的备份，
          用口令保护，请妥善保管）。已有文件不会被覆盖，除非加 --force。
ca issue  为浏览器中生成的证书请求（CSR）签发巡听人员证书（默认有效 2 年，不超过 CA 的有效期）。
          输出文件中先是签发的证书，后附 CA 证书。

口令：--passphrase 口令，或环境变量 XUNTING_PASSPHRASE；都没有时在终端提示输入（不回显）。
      口令至少 8 个字符。在命令行上写口令会留在 shell 历史中，建议用环境变量或终端输入。

退出码：0 成功；1 失败（不写出任何文件）；2 命令行有误。`;

export function describeCertificate(info: CertificateInfo): string {
  return [
    `  主体：${info.subject.text}`,
    `  签发者：${info.issuer.text}`,
    `  序列号：${info.serial}`,
    `  指纹（SHA-256）：${info.fingerprint}`,
    `  有效期：${info.notBefore.slice(0, 10)} 至 ${info.notAfter.slice(0, 10)}`,
  ].join('\n');
}

const positiveInt = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`${name} 须为正整数`);
  return Number(v);
};

async function init(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    name: { type: 'string' },
    org: { type: 'string' },
    out: { type: 'string', short: 'o' },
    years: { type: 'string' },
    force: { type: 'boolean' },
    passphrase: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  if (!values.name) throw new UsageError('请用 --name 指定 CA 的名称');
  if (!values.out) throw new UsageError('请用 --out 指定输出目录');
  const years = positiveInt(values.years, '--years');
  const dir = resolve(io.cwd, values.out);
  const files = [join(dir, CA_CERT_FILE), join(dir, CA_P12_FILE)];
  const taken = existing(files);
  if (taken.length && !values.force) {
    io.err(`${taken.join('、')} 已存在，未做任何改动。如确需重新建立 CA（旧 CA 签发的证书将不再被信任），请加 --force。`);
    return EXIT_FAIL;
  }
  const passphrase = await readSecret({
    option: values.passphrase,
    env: ['XUNTING_PASSPHRASE'],
    prompt: 'CA 备份文件的口令：',
    confirm: true,
    hint: '--passphrase 或环境变量 XUNTING_PASSPHRASE',
  });
  checkPassphrase(passphrase);
  const ca = await createCa({ name: values.name, org: values.org, validityYears: years });
  const p12 = await writePkcs12(ca, passphrase);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(files[1], p12);
  writeFileAtomic(files[0], certificateToPem(ca.certificate));
  io.out(
    `已建立 CA：\n${describeCertificate(await certificateInfo(ca.certificate))}\n  CA 证书：${files[0]}（发给各巡听人员和核验者）\n  CA 备份：${files[1]}（含私钥，请妥善保管）`,
  );
  return EXIT_OK;
}

async function issue(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ca: { type: 'string' },
    out: { type: 'string', short: 'o' },
    days: { type: 'string' },
    force: { type: 'boolean' },
    passphrase: { type: 'string' },
  });
  if (!values.ca) throw new UsageError('请用 --ca 指定 CA 目录（其中有 ca.p12）');
  if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能指定一个证书请求文件' : '请指定证书请求文件（CSR，PEM 格式）');
  if (!values.out) throw new UsageError('请用 --out 指定输出的证书文件');
  const days = positiveInt(values.days, '--days');
  const out = resolve(io.cwd, values.out);
  if (existing([out]).length && !values.force) {
    io.err(`${out} 已存在，未做任何改动（覆盖请加 --force）。`);
    return EXIT_FAIL;
  }
  let csrText: string;
  try {
    csrText = readFileSync(resolve(io.cwd, positionals[0]), 'utf8');
  } catch (e) {
    io.err(`无法读取证书请求 ${positionals[0]}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  const csr = parseCsr(csrText);
  const caFile = join(resolve(io.cwd, values.ca), CA_P12_FILE);
  const passphrase = await readSecret({
    option: values.passphrase,
    env: ['XUNTING_CA_PASSPHRASE', 'XUNTING_PASSPHRASE'],
    prompt: 'CA 口令：',
    hint: '--passphrase 或环境变量 XUNTING_PASSPHRASE',
  });
  const ca = await openCa(caFile, passphrase, io);
  if (!ca) return EXIT_FAIL;
  const cert = await issueCertificate(ca, csr, { validityDays: days });
  writeFileAtomic(out, certificateToPem(cert) + certificateToPem(ca.certificate));
  io.out(`已签发证书：${out}\n${describeCertificate(await certificateInfo(cert))}`);
  return EXIT_OK;
}

/** Open DIR/ca.p12; a missing file or a wrong passphrase is reported, not thrown. */
export async function openCa(caFile: string, passphrase: string, io: CliIo) {
  try {
    return await readIdentityFile(caFile, passphrase);
  } catch (e) {
    if (e instanceof SignError) io.err(`无法打开 CA（${caFile}）：${e.message}`);
    else if ((e as NodeJS.ErrnoException).code) io.err(`无法读取 ${caFile}：${readFailure(e)}（请先运行 xunting ca init）`);
    else throw e;
    return null;
  }
}

/** SignError and SecretUnavailable are the user's to fix: message and exit 1. */
export async function failSoftly(io: CliIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SignError || e instanceof SecretUnavailable) {
      io.err(e.message);
      return EXIT_FAIL;
    }
    throw e;
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub) throw new UsageError('请指定子命令：init 或 issue');
  if (sub === 'init') return failSoftly(io, () => init(rest, io));
  if (sub === 'issue') return failSoftly(io, () => issue(rest, io));
  throw new UsageError(`ca 没有子命令「${sub}」`);
}

export const caCommand: Command = { name: 'ca', summary: '建立 CA（ca init）、为证书请求签发证书（ca issue）', usage, run };
