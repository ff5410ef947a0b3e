/**
 * `xunting verify FILE… [--trust CA.pem …] [--json]`: one line per report with its verdict.
 * Exit 0 only when every file is signed, intact, and signed by someone the given CA vouches
 * for. Folders are walked for *.pdf.
 */
import { relative } from 'node:path';
import { verifyPdf, type Verdict } from '../utils/sign';
import type { Command } from './command';
import { EXIT_FAIL, EXIT_OK, UsageError, type CliIo } from './io';
import { parseOptions } from './parse-options';
import { loadTrust, NO_TRUST_HINT, pdfArguments, readBytes, readFailure } from './sign-io';

const usage = `用法：
  xunting verify 文件或目录… [--trust CA证书.pem …] [--json]

核验报告 PDF 的数字签名：每个文件输出一行结论。目录会递归查找其中的 *.pdf。
签名有效的条件：文件未被改动、签名之后没有追加内容、签名人的证书由受信任的 CA 签发且在签名时有效，
并且嵌入的巡听记录完整有效。

选项：
  --trust 文件   受信任的 CA 证书（PEM，可含多个；本选项可重复）。不指定时任何签名人都不受信任。
  --pin 文件     直接信任的签名人证书（PEM，可重复），用于未经 CA 签发的身份
  --json         每个文件输出一行 JSON（file、ok、code、reason、signatures、record 概要）

退出码：0 所有文件都有效且受信任；1 至少一个文件无效或无法读取；2 命令行有误。`;

const local = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
};

function line(file: string, v: Verdict): string {
  if (!v.ok) return `✗ ${file}：${v.reason}［${v.code}］`;
  const who = v.signatures
    .map((s) => `${s.signer?.cn ?? '?'}${s.signer?.o ? `（${s.signer.o}）` : ''}${s.signingTime ? ` ${local(s.signingTime)}` : ''}`)
    .join('；');
  const rec = v.record ? `；记录：${v.record.unit.name} ${v.record.date}` : '';
  return `✓ ${file}：有效，签名人 ${who}${rec}`;
}

function jsonLine(file: string, v: Verdict): string {
  const record = v.record ? { id: v.record.id, revision: v.record.revision, unit: v.record.unit, date: v.record.date, status: v.record.status } : undefined;
  return JSON.stringify({ file, ok: v.ok, code: v.code, reason: v.reason, signatures: v.signatures, record });
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    trust: { type: 'string', multiple: true },
    pin: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (!positionals.length) throw new UsageError('请指定要核验的 PDF 文件或目录');
  const trust = loadTrust(values, io);
  if (!trust) return EXIT_FAIL;
  const { cas, pinned } = trust;
  const files = pdfArguments(positionals, io);
  if (!files) return EXIT_FAIL;
  let allOk = true;
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    let verdict: Verdict;
    try {
      verdict = await verifyPdf(readBytes(file), { trust: { cas, pinned } });
    } catch (e) {
      allOk = false;
      const reason = `无法读取：${readFailure(e)}`;
      io.out(values.json ? JSON.stringify({ file: shown, ok: false, code: 'unreadable', reason, signatures: [] }) : `✗ ${shown}：${reason}`);
      continue;
    }
    if (!verdict.ok) allOk = false;
    io.out(values.json ? jsonLine(shown, verdict) : line(shown, verdict));
  }
  if (!values.json && !cas.length && !pinned.length && !allOk) io.err(NO_TRUST_HINT);
  return allOk ? EXIT_OK : EXIT_FAIL;
}

export const verifyCommand: Command = { name: 'verify', summary: '核验报告 PDF 的数字签名（可批量）', usage, run };
