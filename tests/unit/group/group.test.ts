import { describe, expect, it } from 'vitest';
import { agreedEntry, AGREED_RULE_TEXT, memberRefusal, mergeGroup, reconcile, setAgreedScore, setOverrideReason, type MemberSheet } from '../../../utils/group';
import { finalizeRecord, validateRecord, type ObservationRecord } from '../../../utils/record';
import { item, section, template } from '../../fixtures/rubric';
import { readyRecord } from '../../fixtures/record';

const NOW = new Date('2026-03-12T03:00:00Z');
const e = (value: number | null, na = false) => ({ value, na });

describe('the agreed-score rule: the mean rounded half up to the step', () => {
  it('rounds the mean of the entries to the item step, a tie upwards', () => {
    expect(agreedEntry(item('a', 4), [e(3), e(4)]).value).toBe(4); // 3.5 → 4
    expect(agreedEntry(item('a', 4), [e(2), e(3), e(3)]).value).toBe(3); // 2.67 → 3
    expect(agreedEntry(item('a', 4), [e(1), e(1), e(2)]).value).toBe(1); // 1.33 → 1
    expect(agreedEntry(item('a', 3, { step: 0.5 }), [e(2), e(2.5)]).value).toBe(2.5); // 2.25 → 2.5
    expect(agreedEntry(item('a', 3, { step: 0.5 }), [e(2), e(2.5), e(2)]).value).toBe(2); // 2.1667 → 2
    // Binary noise: 0.1 + 0.2 style steps still land on the grid.
    expect(agreedEntry(item('a', 1, { step: 0.1 }), [e(0.1), e(0.2)]).value).toBe(0.2); // 0.15 → 0.2
    expect(agreedEntry(item('a', 1, { step: 0.1 }), [e(0.3), e(0.6)]).value).toBe(0.5); // 0.45 → 0.5
  });
  it('leaves out members who marked 不适用 or left the item blank; 不适用 when nobody scored it', () => {
    const na = item('a', 4, { allowNA: true });
    expect(agreedEntry(na, [e(2), e(null, true), e(null)])).toEqual({ value: 2, na: false, mean: 2 });
    expect(agreedEntry(na, [e(null, true), e(null)])).toEqual({ value: null, na: true, mean: null });
    expect(agreedEntry(item('a', 4), [e(null), undefined])).toEqual({ value: null, na: false, mean: null });
  });
  it('is stated in words', () => {
    expect(AGREED_RULE_TEXT).toContain('四舍五入');
  });
});

const t = template([
  section('s1', [item('a', 4), item('b', 10), item('c', 2, { allowNA: true, required: false })]),
  section('s2', [item('d', 6, { kind: 'deduction' })]),
]);

function sheet(scores: Record<string, number | null | 'na'>, name: string, edit?: (r: ObservationRecord) => void): MemberSheet {
  const full: Record<string, number | null | 'na'> = { a: 4, b: 10, d: 0, ...scores };
  const r = readyRecord(t, { score: (id) => full[id] ?? null, now: NOW });
  r.group = { role: 'member', member: name };
  edit?.(r);
  return { record: finalizeRecord(r, NOW), signer: { cn: name, fingerprint: `fp-${name}` } };
}

function leadRecord(scores: Record<string, number | null | 'na'>): ObservationRecord {
  const r = readyRecord(t, { score: (id) => scores[id] ?? null, now: NOW });
  r.group = { role: 'lead', member: '张明' };
  return r;
}

describe('reconcile: the table the lead sees', () => {
  it('lists every member entry, the spread, and flags a spread above a quarter of the maximum', () => {
    const members = [
      { name: '张明', role: 'lead' as const, signer: null, submittedAt: null, scores: { a: e(4), b: e(6), c: e(null, true), d: e(0) } },
      { name: '李华', role: 'member' as const, signer: null, submittedAt: null, scores: { a: e(3), b: e(9), c: e(2), d: e(1) } },
    ];
    const rows = reconcile(t, members);
    const by = Object.fromEntries(rows.map((r) => [r.item.id, r]));
    expect(by.a.entries).toEqual([e(4), e(3)]);
    expect(by.a.spread).toBe(1);
    expect(by.a.flagged).toBe(false); // 1 = ¼ × 4: not above
    expect(by.b.spread).toBe(3);
    expect(by.b.flagged).toBe(true); // 3 > 2.5
    expect(by.b.suggested).toEqual(e(8)); // 7.5 → 8
    expect(by.c.naSplit).toBe(true);
    expect(by.c.flagged).toBe(true);
    expect(by.d.suggested).toEqual(e(1)); // deducted 0.5 → 1
    expect(rows.every((r) => !r.overridden && !r.outsideRange)).toBe(true);
  });
  it('marks an agreed score the lead changed, and whether it lies outside the members range', () => {
    const members = [
      { name: '张明', role: 'lead' as const, signer: null, submittedAt: null, scores: { a: e(2), b: e(6), c: e(2), d: e(0) } },
      { name: '李华', role: 'member' as const, signer: null, submittedAt: null, scores: { a: e(4), b: e(8), c: e(2), d: e(0) } },
    ];
    const rows = reconcile(t, members, { a: e(4), b: e(10), c: e(null, true), d: e(0) });
    const by = Object.fromEntries(rows.map((r) => [r.item.id, r]));
    expect([by.a.overridden, by.a.outsideRange]).toEqual([true, false]);
    expect([by.b.overridden, by.b.outsideRange]).toEqual([true, true]);
    expect([by.c.overridden, by.c.outsideRange]).toEqual([true, true]); // nobody said 不适用
    expect([by.d.overridden, by.d.outsideRange]).toEqual([false, false]);
  });
});

describe('memberRefusal: a member file for another session is refused with the reason', () => {
  const lead = leadRecord({ a: 4, b: 10, d: 0 });
  it('accepts a finalised sheet of the same unit, date and template version', () => {
    expect(memberRefusal(lead, sheet({ a: 3 }, '李华').record)).toBeNull();
  });
  it('names the other unit, date or template version', () => {
    expect(memberRefusal(lead, sheet({}, '李华', (r) => (r.unit = { id: 'u002', name: '锡林郭勒盟财政局' })).record)).toBe(
      '这份评分是对单位「锡林郭勒盟财政局」的，本组巡听的是「锡林郭勒盟教育局」',
    );
    expect(memberRefusal(lead, sheet({}, '李华', (r) => (r.date = '2026-03-13')).record)).toContain('日期是 2026-03-13');
    expect(memberRefusal(lead, sheet({}, '李华', (r) => (r.template = { ...r.template, version: 2 })).record)).toBe(
      '这份评分用的是《测试评分表》第 2 版评分表，本组用的是《测试评分表》第 1 版，不能对照',
    );
  });
  it('refuses a draft sheet', () => {
    const r = readyRecord(t, { now: NOW });
    expect(memberRefusal(lead, r)).toContain('尚未定稿');
  });
});

describe('mergeGroup: the reconciled record', () => {
  const lead = leadRecord({ a: 4, b: 10, c: 'na', d: 0 });
  const sheets = [sheet({ a: 3, b: 6, c: 2, d: 2 }, '李华'), sheet({ a: 2, b: 7, c: 'na', d: 1 }, '王芳')];

  it('keeps every member scores and agrees on the rounded means', () => {
    const merged = mergeGroup(lead, sheets, { now: NOW });
    expect(merged.group?.independent?.map((m) => [m.name, m.role, m.scores.a.value])).toEqual([
      ['张明', 'lead', 4],
      ['李华', 'member', 3],
      ['王芳', 'member', 2],
    ]);
    expect(merged.group?.independent?.[1].signer).toEqual({ cn: '李华', fingerprint: 'fp-李华' });
    expect(merged.scores.a).toMatchObject({ value: 3, na: false }); // 3
    expect(merged.scores.b).toMatchObject({ value: 8, na: false }); // 7.67 → 8
    expect(merged.scores.c).toMatchObject({ value: 2, na: false }); // only 李华 scored it
    expect(merged.scores.d).toMatchObject({ value: 1, na: false }); // deducted 1
    expect(merged.id).toBe(lead.id);
    const valid = validateRecord(finalizeRecord(merged, NOW));
    expect(valid.ok).toBe(true);
  });

  it('refuses a sheet for another unit and a member twice, merging nothing', () => {
    const other = sheet({ a: 1 }, '赵强', (r) => (r.unit = { id: 'u009', name: '锡林郭勒盟财政局' }));
    expect(() => mergeGroup(lead, [...sheets, other])).toThrow('赵强：这份评分是对单位「锡林郭勒盟财政局」的');
    expect(() => mergeGroup(lead, [sheets[0], sheets[0]])).toThrow('李华：组员「李华」的独立评分已经导入过');
  });

  it('takes the lead overrides, and wants a reason outside the members range', () => {
    // b: the members gave 10, 6 and 7.
    expect(() => mergeGroup(lead, sheets, { overrides: { b: { value: 5, na: false, reason: ' ' } } })).toThrow(
      '「评分项b」的组定分超出组员评分范围，须填写理由',
    );
    const merged = mergeGroup(lead, sheets, {
      overrides: { b: { value: 5, na: false, reason: '会后核实未按计划学习' }, a: { value: 4, na: false, reason: '' } },
    });
    expect(merged.scores.b.value).toBe(5);
    expect(merged.scores.a.value).toBe(4);
    expect(merged.group?.overrides).toEqual({ b: { reason: '会后核实未按计划学习' }, a: { reason: '' } });
    // Merging a later sheet keeps the earlier overrides.
    const again = mergeGroup(merged, [sheet({ a: 4, b: 8, d: 0 }, '刘洋')]);
    expect(again.scores.b.value).toBe(5);
    expect(again.group?.independent?.map((m) => m.name)).toEqual(['张明', '李华', '王芳', '刘洋']);
  });

  it('a final record whose agreed score is not the rule and not an override is invalid', () => {
    const merged = finalizeRecord(mergeGroup(lead, sheets, { now: NOW }), NOW);
    merged.scores.b.value = 6;
    const v = validateRecord(merged);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0].message).toContain('组定分不是组员评分的平均值');
  });

  it('round-trips through JSON, and a reader drops fields it does not know (how older versions read `group`)', () => {
    const merged = finalizeRecord(mergeGroup(lead, sheets, { now: NOW }), NOW);
    const v = validateRecord(JSON.parse(JSON.stringify(merged)));
    expect(v.ok && v.value.group?.independent?.length).toBe(3);
    // Round 1's validator is this same zod object without `group`: an unknown key is stripped, not refused.
    const later = validateRecord({ ...JSON.parse(JSON.stringify(merged)), fieldOfALaterVersion: { x: 1 } });
    expect(later.ok && 'fieldOfALaterVersion' in later.value).toBe(false);
  });
});

describe('the lead edits an agreed score in the table', () => {
  const lead = leadRecord({ a: 4, b: 10, d: 0 });
  const merged = mergeGroup(lead, [sheet({ a: 2, b: 8 }, '李华')], { now: NOW }); // a: 4, 2 → 3; b: 10, 8 → 9
  const rowOf = (r: ObservationRecord, id: string) => reconcile(r.template, r.group!.independent!, r.scores).find((x) => x.item.id === id)!;

  it('a changed value starts an override; outside the range it needs a reason before finalising', () => {
    const d = structuredClone(merged);
    setAgreedScore(d, rowOf(d, 'a'), { value: 1, na: false });
    expect(d.scores.a.value).toBe(1);
    expect(d.group?.overrides).toEqual({ a: { reason: '' } });
    expect(() => finalizeRecord(d, NOW)).toThrow('「评分项a」的组定分超出组员评分范围，须填写理由');
    setOverrideReason(d, 'a', '学习计划未按时报备');
    expect(validateRecord(finalizeRecord(d, NOW)).ok).toBe(true);
  });

  it('inside the range no reason is needed; back to the mean drops the override', () => {
    const d = structuredClone(merged);
    setAgreedScore(d, rowOf(d, 'b'), { value: 8, na: false });
    expect(validateRecord(finalizeRecord(d, NOW)).ok).toBe(true);
    setAgreedScore(d, rowOf(d, 'b'), { value: 9, na: false });
    expect(d.group?.overrides).toEqual({});
  });

  it('a score changed elsewhere (the form) without an override is caught at finalising', () => {
    const d = structuredClone(merged);
    d.scores.b.value = 8;
    expect(() => finalizeRecord(d, NOW)).toThrow('「评分项b」的组定分不是组员评分的平均值，须说明调整理由');
  });
});
