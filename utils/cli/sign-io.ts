/** File helpers shared by the signing commands: read an identity (.p12), refuse to overwrite, walk folders for PDFs. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPkcs12, type Identity } from '../sign';

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

/** The files among `paths` that exist (for the overwrite check). */
export function existing(paths: readonly string[]): string[] {
  return paths.filter((p) => existsSync(p));
}

/** Files as given; folders walked (recursively, sorted) for *.pdf. */
export function pdfFiles(paths: readonly string[]): string[] {
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
