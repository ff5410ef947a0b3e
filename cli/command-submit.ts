/**
 * `xunting submit MEMBER.json --identity ME.p12 --out SHEET.pdf`: a group member's 提交独立评分
 * — their record, marked as a member's and finalised, rendered as the one-page 组员独立评分表
 * with the record embedded, and signed. The lead reconciles such sheets with `xunting merge`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { finalizeProblems, finalizeRecord, validateRecord, type ObservationRecord } from '../utils/record';
import { FontError, InvalidRecordError, renderMemberSheet, UnprintableError } from '../utils/pdf';
import { loadReportFonts } from './node-fonts';
import { certificateInfo, SignError, signPdf } from '../utils/sign';
import { parseJsonText, type Problem } from '../utils/validate';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { readFailure, openIdentity } from './sign-io';
import { writeFileAtomic } from './write-atomic';

const usage = `用法：
  xunting submit 组员记录.json --identity 组员身份.p12 [--name 姓名] [--out 独立评分表.pdf]

组员提交独立评分：把组员自己的巡听记录（xunting.observation/1）标为组员记录（group.role = member）、
定稿，生成一页《组员独立评分表》PDF（记录作为附件 observation.json 嵌入），并用组员的签名身份签名。
组长用 xunting merge 汇总各组员的独立评分表。独立评分表不是巡听报告，工委的报告收集会拒收。

选项：
  --identity 文件   组员的签名身份（.p12），必填：独立评分表须签名
  --name 姓名       评分人姓名（默认：记录中已写明的组员，否则为签名证书上的姓名）
  --out 文件        输出的 PDF（默认：独立评分表-单位-日期-姓名.pdf）
  --fonts 目录      字体目录（默认 public/fonts）
  --passphrase 口令 身份文件的口令（也可用环境变量 XUNTING_PASSPHRASE；都没有时在终端提示输入）

退出码：0 成功；1 记录无效、不能定稿、签名或写入失败（不生成文件）；2 命令行有误。`;

const problemLines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${p.message}`).join('\n');

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    identity: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string', short: 'o' },
    fonts: { type: 'string' },
    passphrase: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能指定一个记录文件' : '请指定组员的记录文件');
  if (!values.identity) throw new UsageError('请用 --identity 指定组员的签名身份（.p12）：独立评分表须签名');
  const at = (p: string) => resolve(io.cwd, p);

  let text: string;
  try {
    text = readFileSync(at(positionals[0]), 'utf8');
  } catch (e) {
    io.err(`无法读取记录文件 ${positionals[0]}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  const json = parseJsonText(text, '记录文件');
  const valid = json.ok ? validateRecord(json.value) : json;
  if (!valid.ok) {
    io.err(`记录无效，未生成独立评分表：\n${problemLines(valid.problems)}`);
    return EXIT_FAIL;
  }
  let record: ObservationRecord = valid.value;
  if (record.group?.independent?.length) {
    io.err('这是组长汇总后的记录（含各组员评分），不是组员自己的评分，未生成独立评分表。');
    return EXIT_FAIL;
  }

  const identity = await openIdentity(values.identity, at(values.identity), values.passphrase, io, '未生成独立评分表。');
  if (!identity) return EXIT_FAIL;
  const signer = (await certificateInfo(identity.certificate)).subject.cn;
  const member = values.name?.trim() || (record.group?.role === 'member' ? record.group.member : '') || signer;
  record = { ...record, group: { ...record.group, role: 'member', member } };
  if (record.status !== 'final') {
    const problems = finalizeProblems(record);
    if (problems.length) {
      io.err(`记录尚不能定稿，未生成独立评分表：\n${problemLines(problems)}`);
      return EXIT_FAIL;
    }
    record = finalizeRecord(record);
  }

  let pdf: Uint8Array;
  try {
    pdf = renderMemberSheet(record, loadReportFonts(values.fonts ? { dir: at(values.fonts) } : {}));
    pdf = await signPdf(pdf, { key: identity.privateKey, certificate: identity.certificate, chain: identity.chain, reason: '组员独立评分' });
  } catch (e) {
    if (e instanceof InvalidRecordError) io.err(`记录无效，未生成独立评分表：\n${problemLines(e.problems)}`);
    else if (e instanceof FontError || e instanceof UnprintableError || e instanceof SignError) io.err(`${e.message}\n未生成独立评分表。`);
    else throw e;
    return EXIT_FAIL;
  }
  const shown = values.out ?? `独立评分表-${record.unit.name}-${record.date}-${member}.pdf`;
  try {
    writeFileAtomic(at(shown), pdf);
  } catch (e) {
    io.err(`无法写入 ${shown}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  io.out(`已生成独立评分表：${at(shown)}（${member}，${record.unit.name} ${record.date}，${Math.round(pdf.length / 1024)} KB，已由 ${signer} 签名）`);
  return EXIT_OK;
}

export const submitCommand: Command = { name: 'submit', summary: '组员提交独立评分（签名的《组员独立评分表》PDF）', usage, run };
