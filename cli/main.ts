/** Entry point of the `xunting` command (bin/xunting.mjs imports this through tsx). */
import { nodeIo } from './io';
import { run } from './run';
import { useNativeDeflate } from './native-deflate';

useNativeDeflate();
process.exitCode = await run(process.argv.slice(2), nodeIo());
