/**
 * `xunting report RECORD.json --out REPORT.pdf` and `xunting report --demo …`: render the
 * 巡听旁听情况记录表, signed with `--identity ME.p12`. Nothing is written unless the whole
 * PDF was made (temp file + rename).
 */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { isCalendarDate, type ObservationRecord } from '../utils/record';
import { FontError, InvalidRecordError, renderReport, reportRecordJson, SignatureImageError, signatureFaces, UnprintableError } from '../utils/pdf';
import { loadReportFonts } from './node-fonts';
import { certificateInfo, SignError, signPdf, type Identity } from '../utils/sign';
import { latin1 } from '../utils/sign/bytes';
import { parseJsonText, type Problem } from '../utils/validate';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { writeFileAtomic } from './write-atomic';
import { defaultObserverNames, defaultTemplate, defaultUnits } from './defaults';
import { demoRecord } from './demo-record';
import { findUnit } from '../utils/roster';
import { openIdentity } from './sign-io';

export const DEMO_UNIT = '锡林郭勒盟教育局';
export const DEMO_DATE = '2026-05-12';

const usage = `用法：
  xunting report 记录.json [--out 报告.pdf]
  xunting report --demo [--unit 单位名称] [--date YYYY-MM-DD] [--out 报告.pdf] [--record-out 记录.json]

把巡听旁听记录（xunting.observation/1 格式的 JSON）生成为《巡听旁听情况记录表》PDF，
记录本身作为附件 observation.json 嵌入 PDF。

选项：
  --out 文件        输出的 PDF（默认：记录文件同名 .pdf；演示记录为 巡听旁听情况记录表-单位-日期.pdf）
  --demo            使用内置演示记录（锡林郭勒盟某单位的一次中心组学习）
  --unit 名称       演示记录的被巡听单位，须是内置名单 public/defaults/units.json 中的单位（默认 ${DEMO_UNIT}）
  --date 日期       演示记录的日期（默认 ${DEMO_DATE}）；同一单位和日期总是生成同一份记录
  --record-out 文件 另存演示记录的 JSON（即嵌入 PDF 的内容）
  --fonts 目录      字体目录（默认 public/fonts）
  --identity 文件   用签名身份（.p12）给报告加数字签名（口令用 --passphrase 或环境变量 XUNTING_PASSPHRASE，
                    都没有时在终端提示输入）

退出码：0 成功；1 记录无效、字体无效或写入失败（不生成文件）；2 命令行有误。`;

const problemLines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${p.message}`).join('\n');

function countPages(pdf: Uint8Array): number {
  return (latin1(pdf).match(/\/Type \/Page[^s]/g) ?? []).length;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string', short: 'o' },
    demo: { type: 'boolean' },
    unit: { type: 'string' },
    date: { type: 'string' },
    'record-out': { type: 'string' },
    fonts: { type: 'string' },
    identity: { type: 'string' },
    passphrase: { type: 'string' },
  });
  const at = (p: string) => resolve(io.cwd, p);

  let record: ObservationRecord;
  let defaultOut: string;
  if (values.demo) {
    if (positionals.length) throw new UsageError('使用 --demo 时不能再指定记录文件');
    const date = values.date ?? DEMO_DATE;
    if (!isCalendarDate(date)) throw new UsageError(`日期「${date}」无效，须为 YYYY-MM-DD 格式的真实日期`);
    const units = defaultUnits();
    const query = values.unit ?? DEMO_UNIT;
    const found = await findUnit(units, query);
    if (!found.unit) {
      const hint = found.suggestions.length
        ? `相近的单位：\n${found.suggestions.map((u) => `  ${u.name}`).join('\n')}`
        : '可用 xunting report --help 查看用法。';
      io.err(`内置名单中没有单位「${query}」。${hint}`);
      return EXIT_USAGE;
    }
    record = demoRecord({ unit: { id: found.unit.id, name: found.unit.name }, date, template: defaultTemplate(), observerNames: defaultObserverNames() });
    defaultOut = `巡听旁听情况记录表-${found.unit.name}-${date}.pdf`;
  } else {
    if (values.unit || values.date || values['record-out']) throw new UsageError('--unit、--date、--record-out 只能与 --demo 一起使用');
    if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能指定一个记录文件' : '请指定记录文件（或使用 --demo）');
    const file = at(positionals[0]);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(`无法读取记录文件 ${positionals[0]}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : String(code ?? e)}`);
      return EXIT_FAIL;
    }
    const json = parseJsonText(text, '记录文件');
    if (!json.ok) {
      io.err(`记录无效，未生成报告：\n${problemLines(json.problems)}`);
      return EXIT_FAIL;
    }
    record = json.value as ObservationRecord;
    defaultOut = `${basename(file, extname(file))}.pdf`;
  }

  if (values.passphrase !== undefined && !values.identity) throw new UsageError('--passphrase 只能与 --identity 一起使用');
  // The identity is opened before rendering: a wrong passphrase costs nothing and writes nothing.
  let identity: Identity | undefined;
  if (values.identity) {
    const opened = await openIdentity(values.identity, at(values.identity), values.passphrase, io, '未生成报告。');
    if (!opened) return EXIT_FAIL;
    identity = opened;
  }

  let pdf: Uint8Array;
  let pages: number;
  try {
    const fonts = loadReportFonts(values.fonts ? { dir: at(values.fonts) } : {});
    pdf = renderReport(record, fonts);
    // Counted before signing: the signature's update writes the page holding its box once more.
    pages = countPages(pdf);
    if (identity)
      pdf = await signPdf(pdf, { key: identity.privateKey, certificate: identity.certificate, chain: identity.chain, appearanceFonts: signatureFaces(fonts) });
  } catch (e) {
    if (e instanceof InvalidRecordError) io.err(`记录无效，未生成报告：\n${problemLines(e.problems)}`);
    else if (e instanceof FontError || e instanceof UnprintableError || e instanceof SignatureImageError || e instanceof SignError)
      io.err(`${e.message}\n未生成报告。`);
    else throw e;
    return EXIT_FAIL;
  }

  const out = at(values.out ?? defaultOut);
  try {
    writeFileAtomic(out, pdf);
    if (values['record-out']) writeFileAtomic(at(values['record-out']), reportRecordJson(record));
  } catch (e) {
    io.err(`无法写入 ${values.out ?? defaultOut}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return EXIT_FAIL;
  }
  const signedBy = identity ? `，已由 ${(await certificateInfo(identity.certificate)).subject.cn} 签名` : '';
  io.out(`已生成报告：${out}（${pages} 页，${Math.round(pdf.length / 1024)} KB${signedBy}）`);
  return EXIT_OK;
}

export const reportCommand: Command = { name: 'report', summary: '生成《巡听旁听情况记录表》PDF（记录嵌入其中）', usage, run };
