/** `xunting template check TEMPLATE.json`: validate a rubric template (xunting.rubric/1). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTemplateJson, templateItems, type RubricTemplate } from '../utils/rubric';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';

const usage = `用法：
  xunting template check 模板.json

检查评分表模板（xunting.rubric/1 格式的 JSON）：有效时输出“模板有效：”及概要，退出码 0；
无效时每行输出一个问题（“路径: 说明”），退出码 1。`;

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

async function check(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UsageError(args.length ? '只能指定一个模板文件' : '请指定模板文件');
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, args[0]), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`$: 无法读取模板文件 ${args[0]}（${code === 'ENOENT' ? '文件不存在' : String(code ?? e)}）`);
    return EXIT_FAIL;
  }
  const result = parseTemplateJson(text);
  if (!result.ok) {
    io.err(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    return EXIT_FAIL;
  }
  io.out(templateSummary(result.value));
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.out(usage);
    return EXIT_OK;
  }
  const [sub, ...rest] = positionals;
  if (sub === 'check') return check(rest, io);
  throw new UsageError(sub ? `template 没有子命令「${sub}」` : '请指定子命令：check');
}

export const templateCommand: Command = { name: 'template', summary: '检查评分表模板（template check）', usage, run };
