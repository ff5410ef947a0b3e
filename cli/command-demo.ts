/**
 * `xunting demo --out DIR`: the seed case as a supervisor receives it, to try the dashboard or
 * `xunting coverage` on: signed reports, tampered and unsigned ones, the CA to trust, the
 * roster and the 2026 plan.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from './command';
import { writeDemoCorpus } from './demo-corpus';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';

const usage = `用法：
  xunting demo --out 目录 [--force]

生成演示数据（种子案例）：目录/reports 中 45 份已签名的 2026 年报告（覆盖 69 个单位中的 40 个，其中 5 个单位巡听两次）、
3 份签名后被篡改的报告和 2 份未签名的报告；目录/ca.pem（要信任的 CA 证书）、目录/盟直单位名单.xlsx 和
目录/2026年巡听计划.csv。生成约需半分钟。

试用工委工作台：在“信任列表”导入 ca.pem，在“名单与计划”导入名单和计划，把 reports 文件夹拖入“报告收集”。
或在命令行：xunting coverage --roster 目录/盟直单位名单.xlsx --plan 目录/2026年巡听计划.csv --year 2026 \\
            --trust 目录/ca.pem 目录/reports --out 汇总.pdf

退出码：0 成功；1 失败（不留下半个目录）；2 命令行有误。`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { out: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  if (!values.out) throw new UsageError('请用 --out 指定输出目录');
  const dir = resolve(io.cwd, values.out);
  if (existsSync(dir) && readdirSync(dir).length && !values.force) {
    io.err(`目录 ${values.out} 已存在且不为空；加 --force 覆盖`);
    return EXIT_FAIL;
  }
  // Built beside the target and renamed, so an interrupted run leaves no half folder.
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    let last = 0;
    const corpus = await writeDemoCorpus(building, {
      onProgress: (done, total) => {
        if (done === total || Date.now() - last > 2000) {
          last = Date.now();
          io.err(`正在生成演示报告 ${done}/${total}…`);
        }
      },
    });
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
    const show = (p: string) => relative(io.cwd, p.replace(building, dir));
    const count = (k: string) => corpus.files.filter((f) => f.kind === k).length;
    io.out(`已生成演示数据：${show(dir)}
  报告：${show(corpus.pdfDir)}（已签名 ${count('good')} 份，覆盖 ${corpus.coveredUnitIds.length} 个单位；篡改 ${count('tampered')} 份；未签名 ${count('unsigned')} 份）
  CA 证书：${show(corpus.caPemPath)}
  名单：${show(corpus.rosterXlsx)}
  计划：${show(corpus.planCsv)}`);
    return EXIT_OK;
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    io.err(`未能生成演示数据：${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAIL;
  }
}

export const demoCommand: Command = { name: 'demo', summary: '生成演示数据：签名报告、篡改和未签名的报告、CA 证书、名单和计划', usage, run };
