/** The shape of one `xunting` subcommand; each lives in its own `command-*.ts` file. */
import type { CliIo } from './io';

export interface Command {
  name: string;
  /** One line for `xunting --help`. */
  summary: string;
  /** Full usage, shown by `xunting <command> --help` and after a usage error. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
