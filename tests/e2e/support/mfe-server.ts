import { test } from '@playwright/test';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveDir } from '../../../scripts/serve.mjs';

/**
 * Serves the built micro-frontend (dist/mfe) to the tests of the file or describe block that
 * calls it, on a free port; returns the URL of a page on it.
 */
export function serveMfe(): (path?: string) => string {
  let server: Server;
  test.beforeAll(async () => {
    server = await serveDir('dist/mfe');
  });
  test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
  return (path = '/') => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}
