/** `node:util` parseArgs with Chinese messages: a mistake on the command line is a UsageError. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`不认识的选项 ${unknown[1]}`);
    const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(msg);
    if (missing) throw new UsageError(`选项 ${missing[1]} 后须跟一个值`);
    const noValue = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(msg);
    if (noValue) throw new UsageError(`选项 ${noValue[1]} 不带值`);
    throw new UsageError(`命令行有误：${msg}`);
  }
}
