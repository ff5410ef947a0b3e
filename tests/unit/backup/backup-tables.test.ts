import { describe, expect, it } from 'vitest';
import { BACKUP_DB_VERSION, BACKUP_TABLES, EXCLUDED_TABLES, TABLE_KEYS } from '../../../utils/backup';
import { DB_VERSION, SCHEMA } from '../../../utils/db';

describe('utils/backup', () => {
  it('describes the current schema: every table of it is backed up or excluded with a reason, with the same primary key', () => {
    expect(BACKUP_DB_VERSION).toBe(DB_VERSION);
    const schema = SCHEMA[DB_VERSION];
    expect([...BACKUP_TABLES, ...Object.keys(EXCLUDED_TABLES)].sort()).toEqual(Object.keys(schema).sort());
    for (const t of BACKUP_TABLES) {
      const primary = schema[t]
        .split(',')[0]
        .trim()
        .replace(/^\+\+/, '')
        .replace(/^\[|\]$/g, '');
      expect(TABLE_KEYS[t].join('+'), t).toBe(primary);
    }
  });
});
