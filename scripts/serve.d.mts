import type { Server } from 'node:http';
export function serveDir(dir: string, opts?: { port?: number; host?: string }): Promise<Server>;
