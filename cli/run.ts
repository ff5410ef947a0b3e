/**
 * The `xunting` command: dispatch to one file per subcommand. Later commands (ca, identity,
 * verify, coverage) register here the same way.
 */
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';

/** Commands load on demand, so `xunting --help` does not pay for jsPDF. */
const COMMANDS: readonly { name: string; summary: string; load(): Promise<Command> }[] = [
  { name: 'report', summary: '生成《巡听旁听情况记录表》PDF（记录嵌入其中）', load: async () => (await import('./command-report')).reportCommand },
  { name: 'template', summary: '检查评分表模板（template check）', load: async () => (await import('./command-template')).templateCommand },
  { name: 'ca', summary: '建立 CA（ca init）、为证书请求签发证书（ca issue）', load: async () => (await import('./command-ca')).caCommand },
  { name: 'identity', summary: '为巡听人员生成签名身份（identity new）', load: async () => (await import('./command-identity')).identityCommand },
  { name: 'sign', summary: '给报告 PDF 加数字签名（可会签）', load: async () => (await import('./command-sign')).signCommand },
  { name: 'verify', summary: '核验报告 PDF 的数字签名（可批量）', load: async () => (await import('./command-verify')).verifyCommand },
  { name: 'submit', summary: '组员提交独立评分（签名的《组员独立评分表》PDF）', load: async () => (await import('./command-submit')).submitCommand },
  { name: 'merge', summary: '组长汇总各组员的独立评分（逐项对照，取平均）', load: async () => (await import('./command-merge')).mergeCommand },
  {
    name: 'demo',
    summary: '生成演示数据（签名报告、CA 证书、名单、计划），用于试用工委工作台',
    load: async () => (await import('./command-demo')).demoCommand,
  },
  { name: 'coverage', summary: '核验收到的报告并统计覆盖情况（PDF、Excel、CSV 汇总）', load: async () => (await import('./command-coverage')).coverageCommand },
];

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `巡听旁听 Xunting：理论学习中心组学习巡听评分、报告与统计

用法：xunting <命令> [参数]

命令：
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  xunting <命令> --help 查看各命令的用法。

示例：
  npx xunting report 记录.json --out 报告.pdf
  npx xunting report --demo --unit 锡林郭勒盟财政局 --date 2026-06-18 --out 报告.pdf
  npx xunting template check 模板.json
  npx xunting ca init --name 巡听办 --org 单位 --out ca
  npx xunting identity new --name 张三 --org 单位 --ca ca --out 张三
  npx xunting report 记录.json --identity 张三/identity.p12 --out 报告.pdf
  npx xunting verify 报告目录 --trust ca/ca.pem
  npx xunting submit 组员记录.json --identity 李四/identity.p12 --out 独立评分表-李四.pdf
  npx xunting merge 组长记录.json 独立评分表-李四.pdf 独立评分表-王五.pdf --out 汇总记录.json --trust ca/ca.pem
  npx xunting demo --out 演示数据
  npx xunting coverage --roster 名单.csv --plan 计划2026.xlsx --year 2026 --trust ca/ca.pem 报告目录 --out 汇总.pdf`;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && args[0]) return run([args[0], '--help'], io);
    io.out(mainUsage());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.out('xunting 0.1.0');
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`没有命令「${name}」。\n\n${mainUsage()}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  // Every command's --help, here rather than in each: its usage, whatever else was typed.
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    io.err(`出错了：${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAIL;
  }
}
