import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_DB_VERSION, BACKUP_TABLES, EXCLUDED_TABLES, TABLE_KEYS } from '../../../utils/backup';
import { DB_VERSION, SCHEMA } from '../../../utils/db';

describe('utils/backup', () => {
  it('runs in browsers and Node alike: no node: imports, no require, no Buffer, no process', () => {
    const dir = join(__dirname, '../../../utils/backup');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(text, f).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|process\./);
      // The core stays below the database: utils/db uses utils/backup, not the other way round.
      expect(text, f).not.toMatch(/from ['"]\.\.\/db|from ['"]dexie/);
    }
  });

  it('describes the current schema: every table of it is backed up or excluded with a reason, with the same primary key', () => {
    expect(BACKUP_DB_VERSION).toBe(DB_VERSION);
    const schema = SCHEMA[DB_VERSION];
    expect([...BACKUP_TABLES, ...Object.keys(EXCLUDED_TABLES)].sort()).toEqual(Object.keys(schema).sort());
    for (const t of BACKUP_TABLES) {
      const primary = schema[t].split(',')[0].trim().replace(/^\+\+/, '').replace(/^\[|\]$/g, '');
      expect(TABLE_KEYS[t].join('+'), t).toBe(primary);
    }
  });
});
