import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildUnitIndex, matchUnits, type Unit } from '../../../utils/roster';

const units: Unit[] = JSON.parse(readFileSync('public/defaults/units.json', 'utf8')).units;

describe('unit type-ahead', () => {
  it('finds a unit by part of its name', async () => {
    const ix = await buildUnitIndex(units);
    expect(matchUnits(ix, '教育').map((u) => u.name)).toContain('锡林郭勒盟教育局');
  });
  it('finds a unit by pinyin initials (jyj → 教育局)', async () => {
    const ix = await buildUnitIndex(units);
    expect(matchUnits(ix, 'jyj')[0].name).toBe('锡林郭勒盟教育局');
  });
  it('finds a unit by full pinyin', async () => {
    const ix = await buildUnitIndex(units);
    expect(matchUnits(ix, 'shenji').map((u) => u.name)).toContain('锡林郭勒盟审计局');
  });
  it('leaves out inactive units and returns nothing for nonsense', async () => {
    const ix = await buildUnitIndex(units.map((u) => (u.name === '锡林郭勒盟教育局' ? { ...u, active: false } : u)));
    expect(matchUnits(ix, 'jyj').map((u) => u.name)).not.toContain('锡林郭勒盟教育局');
    expect(matchUnits(ix, '不存在的单位名称')).toEqual([]);
  });
});
