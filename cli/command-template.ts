/**
 * `xunting template check TEMPLATE.json | 评分表.pdf --trust CA.pem`: validate a rubric template
 * (xunting.rubric/1), or verify a published 评分表 and the template signed into it.
 * `xunting template publish TEMPLATE.json --identity ID.p12 --out 评分表.pdf`: the blank printable
 * 评分表 with the template embedded, signed; nothing written unless the whole PDF was made.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTemplateJson, templateItems, type RubricTemplate } from '../utils/rubric';
import { FontError, UnprintableError } from '../utils/pdf';
import { sniffBytes } from '../utils/io';
import { loadReportFonts } from './node-fonts';
import { certificateInfo, SignError } from '../utils/sign';
import { publishRubricSheet, verifyRubricSheet } from '../utils/template-publish';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { loadTrust, NO_TRUST_HINT, readBytes, readFailure, openIdentity } from './sign-io';
import { writeFileAtomic } from './write-atomic';

const usage = `用法：
  xunting template check 模板.json
  xunting template check 评分表.pdf --trust CA证书.pem [--pin 证书.pem]
  xunting template publish 模板.json --identity 身份.p12 [--out 评分表.pdf]

check（JSON）：检查评分表模板（xunting.rubric/1 格式的 JSON）：有效时输出“模板有效：”及概要，退出码 0；
  无效时每行输出一个问题（“路径: 说明”），退出码 1。
check（PDF）：核验发布的评分表 PDF：签名有效、签名后未被改动或追加、签名人由受信任的 CA 签发，
  并且嵌入的 rubric.json 是有效模板；有效时输出“评分表有效：”、签名人和模板的名称与版本，退出码 0；
  否则输出原因，退出码 1。
publish：把模板生成为可打印的空白评分表 PDF（各部分、评分项的满分和步长、测评细则、等次、
  空白的得分和说明栏、版本和发布日期），模板作为附件 rubric.json 嵌入，并用签名身份签名。

选项：
  --trust 文件      （check PDF）受信任的 CA 证书（PEM，可重复）
  --pin 文件        （check PDF）直接信任的签名人证书（PEM，可重复）
  --identity 文件   （publish）签名身份（.p12；口令用 --passphrase 或环境变量 XUNTING_PASSPHRASE，
                    都没有时在终端提示输入）
  --out 文件        （publish）输出的 PDF（默认：评分表-模板编号-v版本.pdf）
  --fonts 目录      （publish）字体目录（默认 public/fonts）

退出码：0 成功；1 模板无效、文件被改动或不受信任、写入失败（不生成文件）；2 命令行有误。`;

const num = (v: number) => String(Math.round(v * 100) / 100);

/** `模板有效：中心组学习巡听旁听评分表（第 1 版）：7 个部分，23 个评分项，满分 100 分，…` */
export function templateSummary(t: RubricTemplate): string {
  const items = templateItems(t).map((x) => x.item);
  const max = items.reduce((a, i) => a + i.max, 0);
  const parts = [`${t.sections.length} 个部分`, `${items.length} 个评分项`, `满分 ${num(max)} 分`];
  const deductions = items.filter((i) => i.kind === 'deduction').length;
  if (deductions) parts.push(`${deductions} 个扣分项`);
  const na = items.filter((i) => i.allowNA).length;
  if (na) parts.push(`${na} 项可标为不适用`);
  const optional = items.filter((i) => !i.required).length;
  if (optional) parts.push(`${optional} 项选填`);
  const bands = t.bands.map((b) => `${b.grade}≥${num(b.min)}`).join('，');
  return `模板有效：${t.title}（第 ${t.version} 版）：${parts.join('，')}；等次 ${bands}`;
}

/** A PDF by its first bytes (a 评分表 renamed .json is still checked as a PDF), or by its name when it cannot be read. */
function isPdf(io: CliIo, path: string): boolean {
  try {
    const head = readBytes(resolve(io.cwd, path)).subarray(0, 5);
    return sniffBytes(head) === 'pdf';
  } catch {
    return /\.pdf$/i.test(path);
  }
}

function readTemplateFile(path: string, io: CliIo): RubricTemplate | null {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    io.err(`$: 无法读取模板文件 ${path}（${readFailure(e)}）`);
    return null;
  }
  const result = parseTemplateJson(text);
  if (!result.ok) {
    io.err(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    return null;
  }
  return result.value;
}

const local = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function checkPdf(path: string, trustFiles: string[], pinFiles: string[], io: CliIo): Promise<number> {
  const trust = loadTrust({ trust: trustFiles, pin: pinFiles }, io);
  if (!trust) return EXIT_FAIL;
  const { cas, pinned } = trust;
  let bytes: Uint8Array;
  try {
    bytes = readBytes(resolve(io.cwd, path));
  } catch (e) {
    io.err(`无法读取评分表 ${path}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  const v = await verifyRubricSheet(bytes, { cas, pinned });
  if (!v.ok) {
    io.err(`✗ ${path}：评分表无效：${v.reason}［${v.code}］`);
    if (!cas.length && !pinned.length) io.err(NO_TRUST_HINT);
    return EXIT_FAIL;
  }
  const who = `${v.signer.cn}${v.signer.o ? `（${v.signer.o}）` : ''}${v.publishedAt ? ` ${local(v.publishedAt)}` : ''}`;
  io.out(`✓ ${path}：评分表有效，签名人 ${who}`);
  io.out(templateSummary(v.template));
  return EXIT_OK;
}

async function check(args: string[], io: CliIo, trust: string[], pin: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError(args.length ? '只能指定一个模板文件' : '请指定模板文件');
  if (isPdf(io, args[0])) return checkPdf(args[0], trust, pin, io);
  if (trust.length || pin.length) throw new UsageError('--trust 和 --pin 只用于核验评分表 PDF');
  const template = readTemplateFile(args[0], io);
  if (!template) return EXIT_FAIL;
  io.out(templateSummary(template));
  return EXIT_OK;
}

interface PublishOptions {
  identity?: string;
  passphrase?: string;
  out?: string;
  fonts?: string;
}

async function publish(args: string[], io: CliIo, o: PublishOptions): Promise<number> {
  if (args.length !== 1) throw new UsageError(args.length ? '只能指定一个模板文件' : '请指定模板文件');
  if (!o.identity) throw new UsageError('请用 --identity 指定发布者的签名身份（.p12）');
  const at = (p: string) => resolve(io.cwd, p);
  const template = readTemplateFile(args[0], io);
  if (!template) {
    io.err('模板无效，未发布。');
    return EXIT_FAIL;
  }
  const identity = await openIdentity(o.identity, at(o.identity), o.passphrase, io, '未发布。');
  if (!identity) return EXIT_FAIL;
  let pdf: Uint8Array;
  try {
    const fonts = loadReportFonts({ ...(o.fonts ? { dir: at(o.fonts) } : {}), ext: true });
    pdf = await publishRubricSheet(template, fonts, identity);
  } catch (e) {
    if (e instanceof FontError || e instanceof UnprintableError || e instanceof SignError) io.err(`${e.message}\n未发布。`);
    else throw e;
    return EXIT_FAIL;
  }
  const outName = o.out ?? `评分表-${template.id}-v${template.version}.pdf`;
  try {
    writeFileAtomic(at(outName), pdf);
  } catch (e) {
    io.err(`无法写入 ${outName}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return EXIT_FAIL;
  }
  const who = (await certificateInfo(identity.certificate)).subject.cn;
  io.out(`已发布评分表：${at(outName)}（${template.title}，第 ${template.version} 版，${Math.round(pdf.length / 1024)} KB，已由 ${who} 签名）`);
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    trust: { type: 'string', multiple: true },
    pin: { type: 'string', multiple: true },
    identity: { type: 'string' },
    passphrase: { type: 'string' },
    out: { type: 'string', short: 'o' },
    fonts: { type: 'string' },
  });
  const [sub, ...rest] = positionals;
  const publishOnly = values.identity !== undefined || values.passphrase !== undefined || values.out !== undefined || values.fonts !== undefined;
  if (sub === 'check') {
    if (publishOnly) throw new UsageError('--identity、--passphrase、--out、--fonts 只用于 template publish');
    return check(rest, io, values.trust ?? [], values.pin ?? []);
  }
  if (sub === 'publish') {
    if (values.trust || values.pin) throw new UsageError('--trust 和 --pin 只用于 template check');
    return publish(rest, io, values);
  }
  throw new UsageError(sub ? `template 没有子命令「${sub}」` : '请指定子命令：check 或 publish');
}

export const templateCommand: Command = { name: 'template', summary: '检查评分表模板，发布和核验签名的评分表 PDF（template check / publish）', usage, run };
