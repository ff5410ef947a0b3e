#!/usr/bin/env node
// `npm start`: build the extension (Chrome/Edge and Firefox) and the micro-frontend, then serve
// the standalone form (micro-frontend host page with the built-in template and 69-unit demo
// roster) on localhost, and print where everything is.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDir } from './serve.mjs';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: false });
  if (r.status !== 0) {
    console.error(`\n构建失败：${cmd} ${args.join(' ')}（退出码 ${r.status}）`);
    process.exit(r.status ?? 1);
  }
};

if (!process.argv.includes('--no-build')) {
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '-b', 'firefox']);
  run('npx', ['vite', 'build', '-c', 'vite.mfe.config.ts']);
}

// Demo reports for the supervisor's side (the seed case), made once: 45 signed, 3 tampered, 2 unsigned.
const demo = join(root, 'demo');
if (!existsSync(join(demo, 'reports'))) {
  console.log('\n正在生成演示报告（首次启动时，约半分钟）…');
  run(process.execPath, [join(root, 'bin', 'xunting.mjs'), 'demo', '--out', demo, '--force']);
}

const port = Number(process.env.PORT ?? 5178);
let server;
try {
  server = await serveDir(join(root, 'dist', 'mfe'), { port, host: process.env.HOST ?? '127.0.0.1' });
} catch (e) {
  console.error(`无法在端口 ${port} 上启动服务（${e.code ?? e.message}）。可用 PORT=5179 npm start 换一个端口。`);
  process.exit(1);
}

const actual = server.address().port;
console.log(`
巡听旁听已构建并启动。

  独立表单（微前端示例页，内置评分表与 69 个单位的演示名单）：
    http://127.0.0.1:${actual}/
  工委工作台（收集报告、覆盖统计，内置 2026、2027 年演示计划）：
    http://127.0.0.1:${actual}/supervisor.html
    演示报告：${join(demo, 'reports')}
    先在“信任列表”导入 ${join(demo, 'ca.pem')}，再把 reports 文件夹拖入“报告收集”。

  浏览器扩展（Chrome/Edge：打开 chrome://extensions，开启“开发者模式”，点“加载已解压的扩展程序”，选择此文件夹）：
    ${join(root, '.output', 'chrome-mv3')}
  Firefox（about:debugging → 临时载入附加组件，选择其中的 manifest.json）：
    ${join(root, '.output', 'firefox-mv2')}

按 Ctrl+C 停止。
`);
