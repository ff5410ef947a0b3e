import { describe, expect, it } from 'vitest';
import { EMPTY_FIELD, headerRows } from '../../../utils/pdf/header-rows';
import { scoreRows } from '../../../utils/pdf/score-rows';
import { scoreTemplate } from '../../../utils/rubric';
import { demo } from '../../fixtures/records/builders';

describe('基本情况: one rule for empty fields', () => {
  it('prints "—" for every empty field, never a blank cell or 无', () => {
    const r = demo();
    r.place = '';
    r.leadReader = ' ';
    r.attendance = { expected: null, present: null, onLeave: null, absentees: [] };
    r.speakers = [];
    const cells = headerRows(r).flatMap((row) => row.cells.filter((_, i) => i % 2 === 1));
    const byLabel = new Map(headerRows(r).flatMap((row) => row.cells.flatMap((c, i) => (i % 2 === 0 ? [[c.text, row.cells[i + 1].text]] : []))));
    for (const label of ['地点', '领学人', '出勤情况', '发言人']) expect(byLabel.get(label), label).toBe(EMPTY_FIELD);
    expect(cells.every((c) => (c.text ?? '').trim() !== '' && c.text !== '无')).toBe(true);
  });
});

describe('评分: the subtotal reads down the 得分 column', () => {
  it('puts each section’s points in the 得分 cell and 小计 in 说明, not merged across both', () => {
    const r = demo();
    const summary = scoreTemplate(r.template, r.scores);
    const sectionRows = scoreRows(r).filter((row) => /^[一二三四五六七八九十]+、/.test(row.cells[0].text ?? ''));
    expect(sectionRows).toHaveLength(r.template.sections.length);
    sectionRows.forEach((row, i) => {
      expect(row.cells).toHaveLength(4);
      expect(row.cells.every((c) => (c.span ?? 1) === 1)).toBe(true);
      expect(Number(row.cells[2].text ?? '')).toBe(summary.sections[i].earned);
      expect(row.cells[3].text ?? '').toMatch(/^小计/);
    });
  });
});
