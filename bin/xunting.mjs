#!/usr/bin/env node
// The `xunting` command. The CLI is TypeScript (cli/); tsx compiles it on the fly, so it
// runs straight from a fresh clone after `npm install`, from any working directory. The
// caller's tsconfig (whatever directory they are in) is deliberately ignored.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
await import('../cli/main.ts');
