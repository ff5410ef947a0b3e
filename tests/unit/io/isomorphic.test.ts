import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('utils/io and utils/plan run in browsers and Node alike', () => {
  for (const folder of ['io', 'plan']) {
    it(`no node: imports, no require, no Buffer, no process in utils/${folder}`, () => {
      const dir = join(__dirname, `../../../utils/${folder}`);
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8').replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        expect(text, f).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|process\./);
        // Only the universal entries of the Excel libraries work in both.
        expect(text, f).not.toMatch(/from ['"](?:read|write)-excel-file(?:\/(?:node|browser))?['"]/);
      }
    });
  }
});
