import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('utils/template-publish runs in a browser and in Node', () => {
  it('no node: imports, no Buffer, no process, no Preact', () => {
    const dir = join(__dirname, '../../../utils/template-publish');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('render-sheet.ts');
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8')
        .replace(/\/\*[^]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(text, f).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|process\.|from ['"]preact/);
    }
  });
});
