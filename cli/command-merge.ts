/**
 * `xunting merge LEAD.json MEMBER.pdf… --out MERGED.json`: the lead's reconciliation without a
 * browser. Each member file is a signed PDF carrying the member's record (the 组员独立评分表 of
 * `xunting submit`, or a member's own report), verified by the strict verifier; one for another
 * unit, date or template version is refused with the reason, and then nothing is written.
 * Agreed scores follow the mean rule (utils/group) with no overrides.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AGREED_RULE_TEXT, mergeGroup, reconcile, sheetRefusal, leadEntries, memberEntries, type MemberSheet } from '../utils/group';
import { validateRecord, type IndependentScores, type ObservationRecord } from '../utils/record';
import { reportRecordJson } from '../utils/pdf/render-report';
import { scoreTemplate } from '../utils/rubric';
import { verifyPdf, type Certificate } from '../utils/sign';
import { parseJsonText } from '../utils/validate';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { loadTrust, readBytes, readFailure } from './sign-io';
import { writeFileAtomic } from './write-atomic';

const usage = `用法：
  xunting merge 组长记录.json 组员评分.pdf… --out 汇总记录.json [--trust CA证书.pem …] [--pin 证书.pem …]

组长汇总巡听组各成员的独立评分：组长自己的记录（JSON）加上各组员签名的《组员独立评分表》
（xunting submit 生成；组员签名的巡听报告也可以），逐项对照，写出汇总后的记录：
每位组员的独立评分保存在 group.independent，组定分写入 scores。
${AGREED_RULE_TEXT}
极差（最高分减最低分）超过该项满分四分之一的项目标为分歧较大。

每份组员文件都用严格核验（与报告收集相同）：签名有效、签名后未被改动、嵌入的记录有效且已定稿；
被巡听单位、日期或评分表版本与组长记录不同的文件拒收并说明原因，此时不写出任何文件。

选项：
  --out 文件     汇总后的记录（xunting.observation/1 JSON），必填
  --trust 文件   受信任的 CA 证书（PEM，可重复）：组员的签名证书须由它签发。
                 不指定时只核验签名和文件完整性，并提示签名人未经核验
  --pin 文件     直接信任的组员证书（PEM，可重复）

退出码：0 成功；1 有文件被拒收或无法读取（不写出文件）；2 命令行有误。`;

const mark = (r: ObservationRecord['scores'][string] | { value: number | null; na: boolean } | undefined) =>
  !r ? '—' : r.na ? '不适用' : r.value === null ? '未评' : String(r.value);

async function readMember(file: string, opts: { cas: Certificate[]; pinned: Certificate[]; strict: boolean }): Promise<MemberSheet | string> {
  if (!/\.pdf$/i.test(file)) return '组员的评分须是签名的独立评分表 PDF（xunting submit 生成）';
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    return `无法读取：${readFailure(e)}`;
  }
  const verdict = await verifyPdf(bytes, { trust: { cas: opts.cas, pinned: opts.pinned }, allowUntrusted: !opts.strict });
  if (!verdict.ok || !verdict.record) return `核验未通过：${verdict.reason ?? '文件中没有记录'}`;
  const first = verdict.signatures[0]?.signer;
  return { record: verdict.record, signer: first ? { cn: first.cn, fingerprint: first.fingerprint } : null };
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string', short: 'o' },
    trust: { type: 'string', multiple: true },
    pin: { type: 'string', multiple: true },
  });
  if (!positionals.length) throw new UsageError('请指定组长的记录（JSON）和组员的独立评分表（PDF）');
  if (positionals.length < 2) throw new UsageError('请至少指定一份组员的独立评分表（PDF）');
  if (!values.out) throw new UsageError('请用 --out 指定汇总后记录的输出文件');
  const at = (p: string) => resolve(io.cwd, p);

  let text: string;
  try {
    text = readFileSync(at(positionals[0]), 'utf8');
  } catch (e) {
    io.err(`无法读取组长记录 ${positionals[0]}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  const json = parseJsonText(text, '组长记录');
  const valid = json.ok ? validateRecord(json.value) : json;
  if (!valid.ok) {
    io.err(`组长记录无效，未汇总：\n${valid.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    return EXIT_FAIL;
  }
  const lead = valid.value;
  if (lead.group?.role === 'member') {
    io.err(`${positionals[0]} 是组员「${lead.group.member}」的记录，不是组长的记录，未汇总。`);
    return EXIT_FAIL;
  }

  const trust = loadTrust(values, io, '组员证书');
  if (!trust) return EXIT_FAIL;
  const { cas, pinned } = trust;
  const strict = cas.length > 0 || pinned.length > 0;

  const independent: IndependentScores[] = [leadEntries(lead), ...(lead.group?.independent?.filter((m) => m.role === 'member') ?? [])];
  const sheets: MemberSheet[] = [];
  let refused = 0;
  for (const p of positionals.slice(1)) {
    const shown = relative(io.cwd, at(p)) || p;
    const sheet = await readMember(at(p), { cas, pinned, strict });
    const why = typeof sheet === 'string' ? sheet : sheetRefusal(lead, independent, sheet);
    if (why) {
      refused++;
      io.out(`✗ ${shown}：拒收，${why}`);
      continue;
    }
    const s = sheet as MemberSheet;
    const entries = memberEntries(s);
    independent.push(entries);
    sheets.push(s);
    const trusted = strict ? '' : '（未指定 --trust，签名人身份未经核验）';
    io.out(`✓ ${shown}：组员「${entries.name}」的独立评分，签名人 ${s.signer?.cn ?? '?'}${trusted}`);
  }
  if (refused) {
    io.err(`${refused} 个文件被拒收，未写出汇总记录。`);
    return EXIT_FAIL;
  }

  let merged: ObservationRecord;
  try {
    merged = mergeGroup(lead, sheets);
  } catch (e) {
    io.err(`无法汇总：${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAIL;
  }
  // A finalised lead record stays final, finalised again now: its scores are the group's now.
  if (merged.status === 'final') merged = { ...merged, finalizedAt: merged.updatedAt };
  const check = validateRecord(merged);
  if (!check.ok) {
    io.err(`汇总后的记录无效，未写出：\n${check.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    return EXIT_FAIL;
  }
  try {
    writeFileAtomic(at(values.out), reportRecordJson(merged));
  } catch (e) {
    io.err(`无法写入 ${values.out}：${readFailure(e)}`);
    return EXIT_FAIL;
  }

  const rows = reconcile(merged.template, merged.group!.independent!);
  const flagged = rows.filter((r) => r.flagged);
  const names = merged.group!.independent!.map((m) => (m.role === 'lead' ? `${m.name}（组长）` : m.name));
  io.out(`汇总 ${names.length} 人的独立评分：${names.join('、')}`);
  for (const r of flagged) io.out(`  ⚑ ${r.item.title}：${r.entries.map(mark).join(' / ')}，极差 ${r.spread}（满分 ${r.item.max}），组定分 ${mark(r.agreed)}`);
  const total = scoreTemplate(merged.template, merged.scores);
  io.out(`分歧较大 ${flagged.length} 项；组定分合计 ${total.total ?? '—'} 分${total.grade ? `，${total.grade}` : ''}`);
  io.out(`已写出汇总记录：${at(values.out)}${merged.status === 'draft' ? '（草稿，定稿后可生成报告）' : ''}`);
  return EXIT_OK;
}

export const mergeCommand: Command = { name: 'merge', summary: '组长汇总各组员的独立评分（逐项对照，取平均）', usage, run };
