/**
 * `xunting coverage --roster UNITS.csv --year 2026 [--cycle 2026-2027] [--plan PLAN…] [--trust CA.pem…] PDFs… --out SUMMARY.pdf|.csv|.xlsx`:
 * the supervisor's summary from a folder of received reports, verifying every PDF exactly as
 * the inbox does (utils/collect), printing the verdict counts and the figures.
 */
import { statSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import { inspectReport, MemoryCollection, refuseBySize, type IngestOutcome } from '../utils/collect';
import { computeCoverage, coverageCsv, coverageXlsx, formatPct, parseScope, scopeForYear, type Coverage, type CoverageScope } from '../utils/coverage';
import { parsePlanFile, type Plan } from '../utils/plan';
import { parseRosterFile, type Unit } from '../utils/roster';
import { formatProblems } from '../utils/validate';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { loadTrust, NO_TRUST_HINT, pdfArguments, readBytes, readFailure } from './sign-io';
import { writeFileAtomic } from './write-atomic';

const usage = `用法：
  xunting coverage --roster 名单.csv|.xlsx --year 2026 [--cycle 2026-2027] [--plan 计划.csv|.xlsx|.json …]
                   [--trust CA证书.pem …] 报告PDF或目录… --out 汇总.pdf|.csv|.xlsx [--out …]

按年度（或两年一轮的周期）统计巡听旁听覆盖情况。每个 PDF 都像“报告收集”一样核验：签名有效、签名人受信任、
记录已定稿；同一记录的同一版本只计一次，新版本取代旧版本。输出核验计数、覆盖数字和未覆盖单位。

选项：
  --roster 文件   单位名单：CSV（UTF-8 或 GBK）、XLSX 或 JSON，含“单位名称”列
  --year 年份     统计年度（如 2026）
  --cycle 周期    统计周期（如 2026-2027）；给出时汇总文件按周期输出，并另行列出 --year 的年度数字
  --plan 文件     年度计划：CSV、XLSX 或 JSON（可重复，如 2026 与 2027 各一份）
  --trust 文件    受信任的 CA 证书（PEM，可重复）；不指定时所有报告都因签名人不受信任而被拒收
  --pin 文件      直接信任的签名人证书（PEM，可重复）
  --out 文件      汇总文件：.pdf（正式汇总表）、.xlsx（汇总、单位明细、未覆盖单位三张表）或 .csv（单位明细）；可重复
  --organisation  汇总 PDF 标题下的单位名称（如 锡林郭勒盟直属机关工委）
  --verbose       每个文件都输出一行（默认只列出未接收的文件）
  --strict        有文件被拒收时以退出码 1 结束（仍然生成汇总）

退出码：0 已生成汇总；1 名单、计划、证书或写入有误（不生成文件），或 --strict 时有文件被拒收；2 命令行有误。`;

const OUTCOME = { accepted: '接收', duplicate: '重复', superseded: '被取代', rejected: '拒收' } as const;

function figures(c: Coverage): string {
  const t = c.totals;
  return `${c.label}：${t.units} 个单位中已覆盖 ${t.covered} 个（${formatPct(t.coveredPct)}），未覆盖 ${c.notCovered.length} 个；计划 ${t.planned} 个，已完成 ${t.plannedCovered} 个（${formatPct(t.plannedPct)}）；计划外覆盖 ${t.coveredUnplanned} 个；巡听 ${t.sessions} 场`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    roster: { type: 'string' },
    year: { type: 'string' },
    cycle: { type: 'string' },
    plan: { type: 'string', multiple: true },
    trust: { type: 'string', multiple: true },
    pin: { type: 'string', multiple: true },
    out: { type: 'string', multiple: true },
    organisation: { type: 'string' },
    verbose: { type: 'boolean' },
    strict: { type: 'boolean' },
  });
  if (!values.roster) throw new UsageError('请用 --roster 指定单位名单');
  if (!values.year && !values.cycle) throw new UsageError('请用 --year 指定统计年度（或用 --cycle 指定周期）');
  let year: CoverageScope | null = null;
  if (values.year) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year 须为四位年份，如 2026（收到 "${values.year}"）`);
    year = scopeForYear(Number(values.year));
  }
  let cycle: CoverageScope | null = null;
  if (values.cycle) {
    const parsed = parseScope(values.cycle);
    if (!parsed.ok) throw new UsageError(`--cycle 有误：${parsed.problems.map((p) => p.message).join('；')}`);
    cycle = parsed.value;
  }
  const outs = (values.out ?? []).map((o) => ({ path: resolve(io.cwd, o), shown: o, ext: extname(o).toLowerCase() }));
  if (!outs.length) throw new UsageError('请用 --out 指定汇总文件（.pdf、.xlsx 或 .csv）');
  for (const o of outs) if (!['.pdf', '.xlsx', '.csv'].includes(o.ext)) throw new UsageError(`--out ${o.shown}：只能输出 .pdf、.xlsx 或 .csv`);
  if (!positionals.length) throw new UsageError('请指定报告 PDF 文件或存放报告的目录');

  // Roster and plans first: a mistake there costs nothing and writes nothing.
  let units: Unit[];
  try {
    const file = resolve(io.cwd, values.roster);
    const roster = await parseRosterFile(basename(file), readBytes(file));
    if (!roster.ok) {
      io.err(`单位名单 ${values.roster} 有误，未生成汇总：\n${formatProblems(roster.problems)}`);
      return EXIT_FAIL;
    }
    units = roster.value.units;
  } catch (e) {
    io.err(`无法读取单位名单 ${values.roster}：${readFailure(e)}`);
    return EXIT_FAIL;
  }
  const plans: Plan[] = [];
  for (const p of values.plan ?? []) {
    try {
      const file = resolve(io.cwd, p);
      const parsed = await parsePlanFile(basename(file), readBytes(file), units, { year: year?.fromYear ?? cycle?.fromYear });
      if (!parsed.ok) {
        io.err(`计划 ${p} 有误，未生成汇总：\n${formatProblems(parsed.problems)}`);
        return EXIT_FAIL;
      }
      plans.push(...parsed.value);
    } catch (e) {
      io.err(`无法读取计划 ${p}：${readFailure(e)}`);
      return EXIT_FAIL;
    }
  }
  const trust = loadTrust(values, io);
  if (!trust) return EXIT_FAIL;
  const { cas, pinned } = trust;

  const files = pdfArguments(positionals, io);
  if (!files) return EXIT_FAIL;
  const collection = new MemoryCollection();
  const counts = { accepted: 0, duplicate: 0, superseded: 0, rejected: 0 };
  const lines: string[] = [];
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    let outcome: IngestOutcome;
    try {
      const size = statSync(file).size;
      const early = refuseBySize(shown, size);
      outcome = collection.add(early ?? (await inspectReport(shown, readBytes(file), { cas, pinned })));
    } catch (e) {
      outcome = { outcome: 'rejected', reason: `无法读取：${readFailure(e)}` };
    }
    counts[outcome.outcome] += 1;
    const detail =
      outcome.outcome === 'rejected'
        ? outcome.reason
        : [`${outcome.unitName} 第 ${outcome.revision} 版`, outcome.note, outcome.warning && `注意：${outcome.warning}`].filter(Boolean).join('，');
    if (values.verbose || outcome.outcome !== 'accepted' || outcome.warning)
      lines.push(`${outcome.outcome === 'rejected' ? '✗' : outcome.outcome === 'accepted' ? '✓' : '·'} ${shown}：${OUTCOME[outcome.outcome]}，${detail}`);
  }
  io.out(`核验 ${files.length} 个文件：接收 ${counts.accepted}，重复 ${counts.duplicate}，被取代 ${counts.superseded}，拒收 ${counts.rejected}`);
  for (const l of lines) io.out(l);
  if (counts.rejected && !cas.length && !pinned.length) io.err(NO_TRUST_HINT);

  const input = { units, plans, records: collection.records() };
  const annual = year ? computeCoverage(input, year) : null;
  const main = cycle ? computeCoverage(input, cycle) : annual!;
  if (annual) io.out(figures(annual));
  if (cycle) io.out(figures(main));
  if (main.notCovered.length) io.out(`${main.label}未覆盖（${main.notCovered.length} 个）：${main.notCovered.map((u) => u.name).join('、')}`);
  for (const p of main.problems) io.out(`数据问题：${p.message}`);

  for (const o of outs) {
    try {
      let bytes: Uint8Array;
      if (o.ext === '.csv') bytes = coverageCsv(main);
      else if (o.ext === '.xlsx') bytes = await coverageXlsx(main);
      else {
        const [{ renderCoverageSummary }, { loadReportFonts }] = await Promise.all([import('../utils/pdf'), import('./node-fonts')]);
        bytes = renderCoverageSummary(main, loadReportFonts(), { organisation: values.organisation });
      }
      writeFileAtomic(o.path, bytes);
      io.out(`已生成 ${o.shown}（${Math.max(1, Math.round(bytes.length / 1024))} KB）`);
    } catch (e) {
      io.err(`无法生成 ${o.shown}：${e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : readFailure(e)}`);
      return EXIT_FAIL;
    }
  }
  return values.strict && counts.rejected ? EXIT_FAIL : EXIT_OK;
}

export const coverageCommand: Command = { name: 'coverage', summary: '核验收到的报告并统计年度/周期覆盖情况，输出 PDF、Excel 或 CSV 汇总', usage, run };
