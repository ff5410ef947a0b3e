import { describe, expect, it } from 'vitest';
import {
  applyEnteredText,
  createRecord,
  finalizeProblems,
  finalizeRecord,
  unsetUntouchedDeductions,
  validateRecord,
  type ObservationRecord,
} from '../../../utils/record';
import { scoreTemplate } from '../../../utils/rubric';
import { readyRecord } from '../../fixtures/record';
import { smallTemplate } from '../../fixtures/rubric';

const ready = () => readyRecord(smallTemplate());

describe('refused entries kept in the record', () => {
  it('a refused score is stored as its text with a null value, validates, and is listed by 定稿 at its field', () => {
    const r = ready();
    r.scores.A = { value: null, na: false, note: '', entered: '3.3' };
    const v = validateRecord(JSON.parse(JSON.stringify(r)));
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.value.scores.A.entered).toBe('3.3');
    const ps = finalizeProblems(r);
    expect(ps).toEqual([{ path: '$.scores["A"]', message: '填写的“3.3”未被接受：「评分项A」的得分须为 1 的整数倍' }]);
    expect(() => finalizeRecord(r)).toThrow(/3\.3/);
  });

  it('an older reader (which strips the unknown key) sees the item as unscored, not as another number', () => {
    const r = ready();
    r.scores.A = { value: null, na: false, note: '', entered: '3.3' };
    const { entered: _, ...older } = r.scores.A;
    expect(scoreTemplate(r.template, { ...r.scores, A: older }).missingRequired).toEqual(['A']);
  });

  it('refused text beside a value is a record problem', () => {
    const r = ready() as ObservationRecord;
    r.scores.A = { value: 3, na: false, note: '', entered: '3.3' };
    const v = validateRecord(r);
    expect(v.ok).toBe(false);
  });

  it('a final record never holds refused text; an N/A item drops it on 定稿', () => {
    const r = ready();
    r.scores.B = { value: null, na: true, note: '', entered: 'x' };
    const final = finalizeRecord(r);
    expect(final.scores.B.entered).toBeUndefined();
    const forged = { ...final, scores: { ...final.scores, A: { value: null, na: false, note: '', entered: '1' } } };
    expect(validateRecord(forged).ok).toBe(false);
  });

  it('counts and times: refused text is kept with the field emptied, accepted text clears it', () => {
    const r = ready();
    applyEnteredText(r, 'attendance.expected', '三十');
    applyEnteredText(r, 'startTime', '9点半');
    expect(r.attendance.expected).toBeNull();
    expect(r.startTime).toBe('');
    expect(r.entered).toEqual({ 'attendance.expected': '三十', startTime: '9点半' });
    expect(validateRecord(JSON.parse(JSON.stringify(r))).ok).toBe(true);
    const ps = finalizeProblems(r);
    expect(ps).toContainEqual({ path: '$.attendance.expected', message: '应到人数“三十”须为不小于 0 的整数' });
    expect(ps).toContainEqual({ path: '$.startTime', message: '开始时间“9点半”不是 HH:MM 格式的时间' });
    applyEnteredText(r, 'attendance.expected', '30');
    applyEnteredText(r, 'startTime', '09:30');
    expect(r.attendance.expected).toBe(30);
    expect(r.startTime).toBe('09:30');
    expect(r.entered).toBeUndefined();
  });
});

describe('deduction items start unset', () => {
  it('a new record: 定稿 asks for the deduction, pointing at 无扣分', () => {
    const r = readyRecord(smallTemplate(), { score: (id, max) => (id === 'E' ? null : max) });
    expect(finalizeProblems(r)).toEqual([{ path: '$.scores["E"]', message: '必评项「评分项E」尚未填写扣分（没有扣分请选“无扣分”）' }]);
  });

  it('a new record shows no total and no grade', () => {
    const r = createRecord({ template: smallTemplate() });
    const s = scoreTemplate(r.template, r.scores);
    expect(s.total).toBeNull();
    expect(s.grade).toBeNull();
    expect(s.scored).toBe(0);
  });

  it('old first-revision drafts: an untouched 0 is unset; finals and corrections keep theirs', () => {
    const old = ready();
    old.scores.E = { value: 0, na: false, note: '' };
    expect(unsetUntouchedDeductions(old)!.scores.E.value).toBeNull();
    expect(old.scores.E.value).toBe(0);
    const chosen = ready();
    chosen.scores.E = { value: 1.5, na: false, note: '' };
    expect(unsetUntouchedDeductions(chosen)).toBeNull();
    expect(unsetUntouchedDeductions(finalizeRecord(old))).toBeNull();
    expect(unsetUntouchedDeductions({ ...old, revision: 2 })).toBeNull();
  });
});
