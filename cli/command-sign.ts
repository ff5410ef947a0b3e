/**
 * `xunting sign REPORT.pdf --identity ME.p12 --out SIGNED.pdf`: add a signature to a report,
 * signed or not (a countersignature is a second incremental update; the first stays valid).
 * A report whose existing signatures are already broken is refused.
 */
import { basename, extname, resolve } from 'node:path';
import { certificateInfo, signPdf, verifyPdf, type VerdictCode } from '../utils/sign';
import type { Command } from './command';
import { failSoftly } from './command-ca';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { existing, readBytes, readFailure, openIdentity } from './sign-io';
import { writeFileAtomic } from './write-atomic';
import { FontError, signatureFaces } from '../utils/pdf';
import { loadReportFonts } from './node-fonts';

const usage = `用法：
  xunting sign 报告.pdf --identity 身份.p12 [--out 输出.pdf] [--reason 理由] [--location 地点] [--force]

用签名身份（xunting identity new 生成的 .p12，或 OpenSSL 导出的 PKCS#12）给报告 PDF 加数字签名
（PAdES，增量更新）。已签名的报告可以再签（会签），原有签名保持有效；原有签名已失效的报告拒绝再签。

选项：
  --identity 文件   签名身份（.p12/.pfx）
  --out 文件        输出的 PDF（默认：原文件名加 -signed.pdf）；不会覆盖已有文件，除非加 --force
  --reason 理由     签名理由（默认：巡听旁听情况记录）
  --location 地点   签名地点
  --passphrase 口令 身份文件的口令（也可用环境变量 XUNTING_PASSPHRASE；都没有时在终端提示输入）

退出码：0 成功；1 失败（不写出文件）；2 命令行有误。`;

/** Problems with existing signatures that make countersigning pointless (trust is not judged here). */
const BROKEN: readonly VerdictCode[] = [
  'byterange-invalid',
  'cms-invalid',
  'not-detached',
  'digest-mismatch',
  'signature-invalid',
  'appended-after-signature',
  'revision-invalid',
];

async function sign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    identity: { type: 'string' },
    out: { type: 'string', short: 'o' },
    reason: { type: 'string' },
    location: { type: 'string' },
    force: { type: 'boolean' },
    passphrase: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能指定一个 PDF 文件' : '请指定要签名的 PDF 文件');
  if (!values.identity) throw new UsageError('请用 --identity 指定签名身份（.p12 文件）');
  const input = resolve(io.cwd, positionals[0]);
  const out = resolve(io.cwd, values.out ?? `${basename(input, extname(input))}-signed.pdf`);
  if (existing([out]).length && !values.force) {
    io.err(`${out} 已存在，未做任何改动（覆盖请加 --force）。`);
    return EXIT_FAIL;
  }
  let pdf: Uint8Array;
  try {
    pdf = readBytes(input);
  } catch (e) {
    io.err(`无法读取 ${positionals[0]}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  const existingVerdict = await verifyPdf(pdf, { trust: { cas: [] }, requireRecord: false, allowUntrusted: true });
  if (existingVerdict.code && BROKEN.includes(existingVerdict.code)) {
    io.err(`${positionals[0]} 原有的签名已失效，拒绝再签：${existingVerdict.reason}`);
    return EXIT_FAIL;
  }
  const identity = await openIdentity(values.identity, resolve(io.cwd, values.identity), values.passphrase, io, '未签名。');
  if (!identity) return EXIT_FAIL;
  let appearanceFonts: Uint8Array[];
  try {
    // The visible box under the 巡听人员 table (a PDF that keeps no room for it is signed invisibly).
    appearanceFonts = signatureFaces(loadReportFonts());
  } catch (e) {
    if (!(e instanceof FontError)) throw e;
    io.err(`${e.message}\n未签名。`);
    return EXIT_FAIL;
  }
  const signed = await signPdf(pdf, {
    key: identity.privateKey,
    certificate: identity.certificate,
    chain: identity.chain,
    reason: values.reason,
    location: values.location,
    appearanceFonts,
  });
  writeFileAtomic(out, signed);
  const who = (await certificateInfo(identity.certificate)).subject;
  const n = existingVerdict.signatures.length + 1;
  io.out(`已签名：${out}（签名人 ${who.cn}${who.o ? `，${who.o}` : ''}；第 ${n} 个签名）`);
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  return failSoftly(io, () => sign(args, io));
}

export const signCommand: Command = { name: 'sign', summary: '给报告 PDF 加数字签名（可会签）', usage, run };
