/**
 * `xunting identity new`: a signing identity for an observer, made on the supervisor's machine
 * (for observers who do not make their own in the browser): a new key, a certificate issued by
 * the CA in --ca DIR, both written as DIR/identity.p12 (with the CA certificate as its chain)
 * and the certificate alone as DIR/cert.pem.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { certificateInfo, certificateToPem, checkPassphrase, createIdentityRequest, issueCertificate, parseCsr, writePkcs12 } from '../utils/sign';
import type { Command } from './command';
import { CA_P12_FILE, describeCertificate, failSoftly, openCa } from './command-ca';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { readSecret } from './read-secret';
import { existing } from './sign-io';
import { writeFileAtomic } from './write-atomic';

export const IDENTITY_FILE = 'identity.p12';
export const IDENTITY_CERT_FILE = 'cert.pem';

const usage = `用法：
  xunting identity new --name 姓名 [--org 单位] --ca CA目录 --out 目录 [--days 730] [--force]

为巡听人员生成签名身份：新的 ECDSA P-256 密钥，由 CA目录/${CA_P12_FILE} 中的 CA 签发证书（默认有效 2 年）。
写出 目录/${IDENTITY_FILE}（私钥、证书和 CA 证书，用口令保护，交给本人）和 目录/${IDENTITY_CERT_FILE}（证书）。
已有文件不会被覆盖，除非加 --force。

口令：新身份文件的口令用 --passphrase 或环境变量 XUNTING_PASSPHRASE；
      CA 的口令用 --ca-passphrase 或环境变量 XUNTING_CA_PASSPHRASE（未给出时与前者相同）。
      都没有时在终端提示输入（不回显）。口令至少 8 个字符。

退出码：0 成功；1 失败（不写出任何文件）；2 命令行有误。`;

async function create(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    name: { type: 'string' },
    org: { type: 'string' },
    ca: { type: 'string' },
    out: { type: 'string', short: 'o' },
    days: { type: 'string' },
    force: { type: 'boolean' },
    passphrase: { type: 'string' },
    'ca-passphrase': { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  if (!values.name) throw new UsageError('请用 --name 指定姓名');
  if (!values.ca) throw new UsageError('请用 --ca 指定 CA 目录（其中有 ca.p12）');
  if (!values.out) throw new UsageError('请用 --out 指定输出目录');
  if (values.days !== undefined && !/^[1-9]\d*$/.test(values.days)) throw new UsageError('--days 须为正整数');
  const dir = resolve(io.cwd, values.out);
  const files = [join(dir, IDENTITY_FILE), join(dir, IDENTITY_CERT_FILE)];
  const taken = existing(files);
  if (taken.length && !values.force) {
    io.err(`${taken.join('、')} 已存在，未做任何改动（覆盖请加 --force）。`);
    return EXIT_FAIL;
  }
  const passphrase = await readSecret({
    option: values.passphrase,
    env: ['XUNTING_PASSPHRASE'],
    prompt: '新身份文件的口令：',
    confirm: true,
    hint: '--passphrase 或环境变量 XUNTING_PASSPHRASE',
  });
  checkPassphrase(passphrase);
  let caSecret = values['ca-passphrase'] ?? (process.env.XUNTING_CA_PASSPHRASE || undefined);
  if (caSecret === undefined) {
    // Given on the command line or in the environment: the same passphrase opens the CA. Typed: ask for the CA's.
    const given = values.passphrase !== undefined || !!process.env.XUNTING_PASSPHRASE;
    caSecret = given ? passphrase : await readSecret({ env: [], prompt: 'CA 口令：', hint: '--ca-passphrase 或环境变量 XUNTING_CA_PASSPHRASE' });
  }
  const ca = await openCa(join(resolve(io.cwd, values.ca), CA_P12_FILE), caSecret, io);
  if (!ca) return EXIT_FAIL;
  const req = await createIdentityRequest({ name: values.name, org: values.org }, { extractable: true });
  const cert = await issueCertificate(ca, parseCsr(req.csr), { validityDays: values.days ? Number(values.days) : undefined });
  const p12 = await writePkcs12({ privateKey: req.keys.privateKey, certificate: cert, chain: [ca.certificate] }, passphrase);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(files[0], p12);
  writeFileAtomic(files[1], certificateToPem(cert));
  io.out(`已生成签名身份：\n${describeCertificate(await certificateInfo(cert))}\n  身份文件：${files[0]}（含私钥，交给本人，妥善保管）\n  证书：${files[1]}`);
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub) throw new UsageError('请指定子命令：new');
  if (sub === 'new') return failSoftly(io, () => create(rest, io));
  throw new UsageError(`identity 没有子命令「${sub}」`);
}

export const identityCommand: Command = { name: 'identity', summary: '为巡听人员生成签名身份（identity new）', usage, run };
