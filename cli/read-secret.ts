/**
 * Passphrases for the signing commands: from `--passphrase`, else an environment variable
 * (XUNTING_PASSPHRASE), else typed at the terminal without echo; with no terminal, a clear
 * failure. A passphrase is never printed.
 */
import { EXIT_FAIL } from './io';

export class SecretUnavailable extends Error {
  readonly exitCode = EXIT_FAIL;
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnavailable';
  }
}

export interface SecretSource {
  /** The value of a `--passphrase`-style option, if given. */
  option?: string;
  /** Environment variables to try, in order. */
  env: string[];
  /** Shown at the terminal, e.g. `CA 口令：`. */
  prompt: string;
  /** Ask twice and compare (for a new file). */
  confirm?: boolean;
  /** How to name the option and variable in the failure message. */
  hint: string;
}

/** Read one line from the terminal with echo off (raw mode); Ctrl-C aborts. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolvePromise, reject) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolvePromise(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new SecretUnavailable('已取消'));
        if (ch === '\u0004' && !value) return done(new SecretUnavailable('已取消'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readSecret(src: SecretSource): Promise<string> {
  if (src.option !== undefined) return src.option;
  for (const name of src.env) {
    const v = process.env[name];
    if (v !== undefined && v !== '') return v;
  }
  if (!process.stdin.isTTY || typeof process.stdin.setRawMode !== 'function') {
    throw new SecretUnavailable(`需要${src.prompt.replace(/[：:]\s*$/, '')}：请用 ${src.hint} 提供（标准输入不是终端，无法提示输入）`);
  }
  const first = await readHidden(src.prompt);
  if (src.confirm) {
    const again = await readHidden('再输入一次：');
    if (again !== first) throw new SecretUnavailable('两次输入的口令不一致');
  }
  return first;
}
