/** File helpers shared by the signing commands: read an identity (.p12), refuse to overwrite, walk folders for PDFs. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCertificates, readPkcs12, SignError, type Certificate, type Identity } from '../utils/sign';
import type { CliIo } from './io';
import { readSecret, SecretUnavailable } from './read-secret';

export function readBytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A Chinese reason a file could not be read (ENOENT → 文件不存在, …). */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : String(code ?? e);
}

export async function readIdentityFile(path: string, passphrase: string): Promise<Identity> {
  return readPkcs12(readBytes(path), passphrase);
}

/**
 * The identity a signing command was given (`--identity FILE`, `path` resolved), its passphrase
 * from --passphrase, XUNTING_PASSPHRASE or a prompt without echo. Null when it cannot be opened:
 * the reason is printed (a wrong passphrase, a missing file, no terminal to ask at), followed by
 * `nothing` (what was therefore not written, e.g. 未生成报告。).
 */
export async function openIdentity(file: string, path: string, passphraseOption: string | undefined, io: CliIo, nothing: string): Promise<Identity | null> {
  try {
    const passphrase = await readSecret({
      option: passphraseOption,
      env: ['XUNTING_PASSPHRASE'],
      prompt: '身份文件的口令：',
      hint: '--passphrase 或环境变量 XUNTING_PASSPHRASE',
    });
    return await readIdentityFile(path, passphrase);
  } catch (e) {
    if (e instanceof SignError || e instanceof SecretUnavailable) io.err(`${e.message}\n${nothing}`);
    else if ((e as NodeJS.ErrnoException).code) io.err(`无法读取身份文件 ${file}：${readFailure(e)}\n${nothing}`);
    else throw e;
    return null;
  }
}

/** The files among `paths` that exist (for the overwrite check). */
export function existing(paths: readonly string[]): string[] {
  return paths.filter((p) => existsSync(p));
}

/** Files as given; folders walked (recursively, sorted) for *.pdf. */
function pdfFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.pdf$/i.test(name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as unreadable by the caller
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Certificates from PEM files given on the command line (--trust, --pin); null after printing why one cannot be read. */
function loadCertificates(files: readonly string[], io: CliIo, what: string): Certificate[] | null {
  const out: Certificate[] = [];
  for (const f of files) {
    try {
      out.push(...parseCertificates(readFileSync(resolve(io.cwd, f), 'utf8')));
    } catch (e) {
      io.err(`无法读取${what} ${f}：${e instanceof SignError ? e.message : readFailure(e)}`);
      return null;
    }
  }
  return out;
}

/**
 * What the command line trusts: CA certificates (--trust) and pinned certificates (--pin, called
 * `pinnedWhat` in messages). Both lists are read, so every unreadable file is named; null then.
 */
export function loadTrust(
  values: { trust?: string[]; pin?: string[] },
  io: CliIo,
  pinnedWhat = '签名人证书',
): { cas: Certificate[]; pinned: Certificate[] } | null {
  const cas = loadCertificates(values.trust ?? [], io, '受信任的 CA 证书');
  const pinned = loadCertificates(values.pin ?? [], io, pinnedWhat);
  return cas && pinned ? { cas, pinned } : null;
}

/** Said after a refusal when nothing was trusted: the likely cause. */
export const NO_TRUST_HINT = '提示：未用 --trust 指定受信任的 CA 证书，任何签名人都不受信任。';

/** The PDFs named (folders walked); null after saying there are none. */
export function pdfArguments(positionals: readonly string[], io: CliIo): string[] | null {
  const files = pdfFiles(positionals.map((p) => resolve(io.cwd, p)));
  if (!files.length) io.err('没有找到 PDF 文件');
  return files.length ? files : null;
}
