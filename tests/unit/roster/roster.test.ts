import { describe, expect, it } from 'vitest';
import { normalizeUnitName, parseRosterText, validateRoster, type Roster } from '../../../utils/roster';
import type { Problem } from '../../../utils/validate';
import { readDefaultRosterText } from '../../fixtures/defaults';
import { CHINESE, refusal } from '../../fixtures/problems';

function rosterOf(text: string): Roster {
  const r = parseRosterText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const problemsOf = (text: string): Problem[] => refusal(parseRosterText(text), 'roster');

describe('the built-in roster (public/defaults/units.json)', () => {
  it('validates with the 69 盟直 units, every name distinct', () => {
    const r = validateRoster(JSON.parse(readDefaultRosterText()));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.units).toHaveLength(69);
    expect(new Set(r.value.units.map((u) => normalizeUnitName(u.name))).size).toBe(69);
    expect(new Set(r.value.units.map((u) => u.id)).size).toBe(69);
    for (const u of r.value.units) expect(u.name).toMatch(CHINESE);
  });

  it('reads the same through parseRosterText (as when a user imports the file)', () => {
    expect(rosterOf(readDefaultRosterText()).units).toHaveLength(69);
  });
});

describe('CSV and plain-text rosters', () => {
  it('parses a CSV with the header 单位名称,类别', () => {
    const r = rosterOf('单位名称,类别\n锡林郭勒盟教育局,政府\n锡林郭勒盟委组织部,党群\n锡林郭勒日报社,事业\n');
    expect(r.units.map((u) => [u.name, u.category, u.active])).toEqual([
      ['锡林郭勒盟教育局', '政府', true],
      ['锡林郭勒盟委组织部', '党群', true],
      ['锡林郭勒日报社', '事业', true],
    ]);
    expect(new Set(r.units.map((u) => u.id)).size).toBe(3);
  });

  it('takes the ids from a 编号 column, with Windows line ends and quoted cells', () => {
    const r = rosterOf('编号,单位名称,类别\r\nA01,"锡林郭勒盟财政局",政府\r\nA02,"锡林郭勒盟""工委""",党群\r\n');
    expect(r.units.map((u) => [u.id, u.name])).toEqual([
      ['A01', '锡林郭勒盟财政局'],
      ['A02', '锡林郭勒盟"工委"'],
    ]);
  });

  it('parses a bare list of names, one per line, skipping blank lines', () => {
    const r = rosterOf('锡林郭勒盟教育局\n\n锡林郭勒盟卫生健康委员会\n  锡林郭勒盟民政局  \n');
    expect(r.units.map((u) => u.name)).toEqual(['锡林郭勒盟教育局', '锡林郭勒盟卫生健康委员会', '锡林郭勒盟民政局']);
    expect(r.units.every((u) => u.category === '其他')).toBe(true);
  });

  it('accepts a byte-order mark (as Excel saves UTF-8 CSV)', () => {
    const r = rosterOf('\uFEFF单位名称,类别\n锡林郭勒盟教育局,政府\n');
    expect(r.units.map((u) => u.name)).toEqual(['锡林郭勒盟教育局']);
    expect(rosterOf('\uFEFF锡林郭勒盟教育局\n锡林郭勒盟民政局').units).toHaveLength(2);
  });

  it('accepts a JSON list of units', () => {
    const r = rosterOf(JSON.stringify([{ id: 'x1', name: '阿拉善盟教育局', category: '政府' }]));
    expect(r.units).toEqual([{ id: 'x1', name: '阿拉善盟教育局', category: '政府', active: true }]);
  });
});

describe('rosters that are refused', () => {
  it('a duplicate name, naming both rows', () => {
    const ps = problemsOf('单位名称,类别\n锡林郭勒盟教育局,政府\n锡林郭勒盟民政局,政府\n锡林郭勒盟教育局,政府\n');
    expect(ps).toEqual([{ path: '第 4 行', message: '单位名称「锡林郭勒盟教育局」与第 2 行重复' }]);
  });

  it('names that differ only by spaces or full-width forms are duplicates', () => {
    // Row 2 and row 5 (a blank line between still counts as a row of the file).
    const spaced = problemsOf('单位名称\n锡林郭勒盟教育局\n锡林郭勒盟民政局\n\n锡林郭勒盟 教育局\u3000\n');
    expect(spaced).toEqual([{ path: '第 5 行', message: '单位名称「锡林郭勒盟 教育局」与第 2 行重复' }]);
    const fullWidth = problemsOf('锡林郭勒盟ＩＴ中心\n锡林郭勒盟IT中心');
    expect(fullWidth).toEqual([{ path: '第 2 行', message: '单位名称「锡林郭勒盟IT中心」与第 1 行重复' }]);
  });

  it('a duplicate in a JSON roster names both units', () => {
    const r = validateRoster({
      format: 'xunting.roster/1',
      units: [
        { id: 'a', name: '锡林郭勒盟教育局' },
        { id: 'b', name: '锡林郭勒盟 教育局' },
        { id: 'a', name: '锡林郭勒盟民政局' },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      { path: '$.units[1].name', message: '单位名称「锡林郭勒盟 教育局」与第 1 个单位重复' },
      { path: '$.units[2].id', message: '单位编号 "a" 与第 1 个单位重复' },
    ]);
  });

  it('an empty name, with its row number', () => {
    const ps = problemsOf('单位名称,类别\n锡林郭勒盟教育局,政府\n,政府\n锡林郭勒盟民政局,政府\n');
    expect(ps).toEqual([{ path: '第 3 行', message: '单位名称为空' }]);
  });

  it('a header without a unit-name column', () => {
    const ps = problemsOf('序号,类别\n1,政府\n2,党群\n');
    expect(ps).toHaveLength(1);
    expect(ps[0].path).toBe('第 1 行');
    expect(ps[0].message).toContain('找不到单位名称列');
  });

  it('an unknown category, with its row number', () => {
    const ps = problemsOf('单位名称,类别\n锡林郭勒盟教育局,政府\n锡林郭勒盟某公司,私企\n');
    expect(ps).toEqual([{ path: '第 3 行', message: '单位类别「私企」须为 党群、政府、事业、国企、其他 之一' }]);
  });

  it('every bad row at once', () => {
    const ps = problemsOf('单位名称,类别\n,政府\n锡林郭勒盟某公司,私企\n,党群\n');
    expect(ps.map((p) => p.path)).toEqual(['第 2 行', '第 3 行', '第 4 行']);
  });

  it('an empty file', () => {
    expect(problemsOf('')).toEqual([{ path: '第 1 行', message: '名单文件是空的' }]);
    expect(problemsOf('\uFEFF \n')).toHaveLength(1);
  });

  it('JSON that is broken, or a JSON roster with no units', () => {
    expect(problemsOf('{"format": "xunting.roster/1", "units": [')[0].message).toContain('名单文件不是有效的 JSON');
    expect(problemsOf('{"format": "xunting.roster/1", "units": []}')).toEqual([{ path: '$.units', message: '名单中没有单位' }]);
  });
});
