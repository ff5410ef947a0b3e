import { describe, expect, it } from 'vitest';
import {
  createRecord,
  finalizeProblems,
  finalizeRecord,
  parseRecordJson,
  reviseRecord,
  TEXT_LIMITS,
  validateRecord,
  type ObservationRecord,
} from '../../../utils/record';
import { templateItems, validateTemplate, type RubricTemplate } from '../../../utils/rubric';
import type { Problem } from '../../../utils/validate';
import { readDefaultTemplateJson } from '../../fixtures/defaults';
import { readyRecord } from '../../fixtures/record';
import { at, CHINESE, refusal } from '../../fixtures/problems';
import { smallTemplate } from '../../fixtures/rubric';

const NOW = new Date('2026-03-12T01:30:00Z');

function defaultTemplate(): RubricTemplate {
  const r = validateTemplate(readDefaultTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const problemsOf = (input: unknown): Problem[] => refusal(validateRecord(input), 'record');

/** A valid record changed by `edit`, on a deep copy. */
function broken(edit: (r: Record<string, any>) => void): unknown {
  const r = structuredClone(readyRecord(smallTemplate())) as Record<string, any>;
  edit(r);
  return r;
}

describe('a new record from the built-in template', () => {
  it('validates as created, with every item present and unscored (deductions too)', () => {
    const t = defaultTemplate();
    const r = createRecord({ template: t, observers: ['张明', '李华'], now: NOW });
    const v = validateRecord(r);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(r.status).toBe('draft');
    expect(r.revision).toBe(1);
    expect(r.finalizedAt).toBeNull();
    expect(r.template).toEqual(t);
    const items = templateItems(t).map((x) => x.item);
    expect(Object.keys(r.scores).sort()).toEqual(items.map((i) => i.id).sort());
    for (const i of items) expect(r.scores[i.id].value).toBe(null);
    expect(r.observers.map((o) => [o.name, o.lead])).toEqual([
      ['张明', true],
      ['李华', false],
    ]);
  });

  it('keeps its own copy of the template (editing the template later does not change the record)', () => {
    const t = defaultTemplate();
    const r = createRecord({ template: t, now: NOW });
    t.sections[0].items[0].max = 1;
    expect(r.template.sections[0].items[0].max).not.toBe(1);
  });

  it('round-trips through JSON unchanged', () => {
    const r = readyRecord(defaultTemplate());
    const text = JSON.stringify(r);
    const back = parseRecordJson(text);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.value).toEqual(r);
    expect(JSON.stringify(back.value)).toBe(text);
  });
});

describe('records that are refused, with a path and a Chinese message', () => {
  it('the baseline record is valid', () => {
    expect(validateRecord(broken(() => {})).ok).toBe(true);
  });

  it('a score above the item maximum', () => {
    const ps = problemsOf(broken((r) => (r.scores.A.value = 25)));
    expect(at(ps, '$.scores["A"].value').message).toBe('「评分项A」的得分须在 0 至 20 之间');
  });

  it('a score off the step grid', () => {
    const ps = problemsOf(broken((r) => (r.scores.E.value = 0.3)));
    expect(at(ps, '$.scores["E"].value').message).toBe('「评分项E」的扣分须为 0.5 的整数倍');
  });

  it('N/A on an item that does not allow it', () => {
    const ps = problemsOf(broken((r) => (r.scores.A = { value: null, na: true, note: '' })));
    expect(at(ps, '$.scores["A"].na').message).toContain('不允许标为不适用');
  });

  it('a score for an item that is not in the template', () => {
    const ps = problemsOf(broken((r) => (r.scores.Z9 = { value: 1, na: false, note: '' })));
    expect(at(ps, '$.scores["Z9"]').message).toBe('评分项 "Z9" 不在记录所附的评分表中');
  });

  it('two group leads', () => {
    const ps = problemsOf(broken((r) => r.observers.forEach((o: { lead: boolean }) => (o.lead = true))));
    expect(at(ps, '$.observers').message).toBe('巡听组只能有一位组长');
  });

  it('a record from a newer version of the program', () => {
    const ps = problemsOf(broken((r) => (r.format = 'xunting.observation/2')));
    expect(ps).toHaveLength(1);
    expect(ps[0].path).toBe('$.format');
    expect(ps[0].message).toContain('xunting.observation/2');
    expect(ps[0].message).toContain('升级');
  });

  it('a file that is not a record at all', () => {
    const ps = problemsOf(broken((r) => (r.format = 'xunting.rubric/1')));
    expect(at(ps, '$.format').message).toContain('xunting.observation/1');
  });

  it.each(['2026/03/12', '12.03.2026', '2026-13-01', '2026-3-12', '2026-02-30', '2027-02-29'])('a date written as %s', (date) => {
    const ps = problemsOf(broken((r) => (r.date = date)));
    expect(at(ps, '$.date').message).toBe('日期须为 YYYY-MM-DD 格式的真实日期');
  });

  it('a time that is not HH:MM', () => {
    const ps = problemsOf(broken((r) => (r.startTime = '9点')));
    expect(at(ps, '$.startTime').message).toBe('开始时间须为 HH:MM 格式');
  });

  it('text as long as the form lets through is accepted; one character more is refused', () => {
    expect(validateRecord(broken((r) => (r.theme = '学'.repeat(TEXT_LIMITS.theme)))).ok).toBe(true);
    expect(at(problemsOf(broken((r) => (r.theme = '学'.repeat(TEXT_LIMITS.theme + 1)))), '$.theme').message).toBe('学习主题不能超过 500 个字');
    expect(validateRecord(broken((r) => (r.narrative.problems = '问'.repeat(TEXT_LIMITS.narrative)))).ok).toBe(true);
    expect(at(problemsOf(broken((r) => (r.narrative.problems = '问'.repeat(TEXT_LIMITS.narrative + 1)))), '$.narrative.problems').message).toBe(
      '存在问题不能超过 20000 个字',
    );
  });

  it('a final record without a finalising time', () => {
    const ps = problemsOf(broken((r) => (r.status = 'final')));
    expect(at(ps, '$.finalizedAt').message).toContain('定稿时间');
  });

  it('a broken template snapshot, with the path inside the template', () => {
    const ps = problemsOf(broken((r) => (r.template.sections[0].items[0].max = 0)));
    expect(at(ps, '$.template.sections[0].items[0].max').message).toBe('满分须大于 0');
  });

  it('all mistakes at once', () => {
    const ps = problemsOf(
      broken((r) => {
        r.scores.A.value = 25;
        r.scores.Z9 = { value: 1, na: false, note: '' };
        r.observers.forEach((o: { lead: boolean }) => (o.lead = true));
      }),
    );
    at(ps, '$.scores["A"].value');
    at(ps, '$.scores["Z9"]');
    at(ps, '$.observers');
  });

  it('text that is not JSON', () => {
    const r = parseRecordJson('{"format": "xunting.observation/1",');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({ path: '$' });
    expect(!r.ok && r.problems[0].message).toContain('记录文件不是有效的 JSON');
  });
});

describe('finalising', () => {
  it('a filled-in record has nothing in the way', () => {
    expect(finalizeProblems(readyRecord(smallTemplate()))).toEqual([]);
  });

  it('lists what is missing: unit, theme, chair, required scores, end before start, no lead', () => {
    const r = readyRecord(smallTemplate(), { score: (id, max) => (id === 'A' || id === 'C' ? null : id === 'E' ? 0 : max) });
    r.unit = { id: '', name: '' };
    r.theme = '  ';
    r.chair = '';
    r.startTime = '10:00';
    r.endTime = '09:30';
    r.observers = r.observers.map((o) => ({ ...o, lead: false }));
    const ps = finalizeProblems(r);
    for (const p of ps) expect(p.message).toMatch(CHINESE);
    expect(ps).toEqual(
      expect.arrayContaining([
        { path: '$.unit', message: '请选择被巡听单位' },
        { path: '$.theme', message: '请填写学习主题' },
        { path: '$.chair', message: '请填写主持人' },
        { path: '$.endTime', message: '结束时间须晚于开始时间' },
        { path: '$.observers', message: '请指定一位巡听组组长' },
        { path: '$.scores["A"]', message: '必评项「评分项A」尚未评分（或标为不适用）' },
        { path: '$.scores["C"]', message: '必评项「评分项C」尚未评分（或标为不适用）' },
      ]),
    );
    expect(ps).toHaveLength(7);
  });

  it('accepts a required item marked N/A, and does not ask for optional items', () => {
    const r = readyRecord(smallTemplate(), { score: (id, max) => (id === 'B' ? 'na' : id === 'D' ? null : id === 'E' ? 0 : max) });
    expect(finalizeProblems(r)).toEqual([]);
  });

  it('asks for observers when there are none, and for times when they are blank', () => {
    const r = readyRecord(smallTemplate());
    r.observers = [];
    r.startTime = '';
    r.endTime = '';
    const paths = finalizeProblems(r).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.observers', '$.startTime', '$.endTime']));
  });

  it('refuses more present than expected', () => {
    const r = readyRecord(smallTemplate());
    r.attendance = { expected: 10, present: 11, onLeave: 0, absentees: [] };
    expect(finalizeProblems(r)).toEqual([{ path: '$.attendance.present', message: '实到人数不能多于应到人数' }]);
  });

  it('finalizeRecord locks the record: status final, finalizedAt set, still valid', () => {
    const draft = readyRecord(smallTemplate());
    const at = new Date('2026-03-12T04:00:00Z');
    const final = finalizeRecord(draft, at);
    expect(final.status).toBe('final');
    expect(final.finalizedAt).toBe(at.toISOString());
    expect(final.updatedAt).toBe(at.toISOString());
    expect(draft.status).toBe('draft');
    expect(validateRecord(final).ok).toBe(true);
  });

  it('finalizeRecord refuses a record that is not ready, saying why', () => {
    const r = readyRecord(smallTemplate());
    r.theme = '';
    expect(() => finalizeRecord(r)).toThrow(/请填写学习主题/);
  });
});

describe('correcting a finalised record', () => {
  function signedFinal(): ObservationRecord {
    const r = readyRecord(smallTemplate());
    r.observers = r.observers.map((o) => ({ ...o, signature: { png: 'data:image/png;base64,iVBORw0KGgo=', signedAt: '2026-03-12T03:00:00.000Z' } }));
    return finalizeRecord(r, new Date('2026-03-12T04:00:00Z'));
  }

  it('reviseRecord makes a new draft revision with the signatures cleared', () => {
    const final = signedFinal();
    const next = reviseRecord(final, new Date('2026-03-13T02:00:00Z'));
    expect(next.revision).toBe(2);
    expect(next.status).toBe('draft');
    expect(next.finalizedAt).toBeNull();
    expect(next.updatedAt).toBe('2026-03-13T02:00:00.000Z');
    expect(next.id).toBe(final.id);
    expect(next.observers.map((o) => o.signature)).toEqual([null, null]);
    expect(next.observers.map((o) => o.name)).toEqual(['张明', '李华']);
    expect(next.scores).toEqual(final.scores);
    expect(validateRecord(next).ok).toBe(true);
  });

  it('leaves the finalised object untouched', () => {
    const final = signedFinal();
    const before = structuredClone(final);
    const next = reviseRecord(final);
    next.scores.A.value = 0;
    next.theme = '更正后的主题';
    expect(final).toEqual(before);
  });

  it('refuses to revise a draft', () => {
    expect(() => reviseRecord(readyRecord(smallTemplate()))).toThrow('只有已定稿的记录才需要更正');
  });
});

describe('revision numbers are bounded', () => {
  it('a record claiming revision 1000 or 2^53−1 (to outrank every other) is refused; 999 is accepted', () => {
    for (const revision of [1000, Number.MAX_SAFE_INTEGER])
      expect(at(problemsOf(broken((r) => (r.revision = revision))), '$.revision').message).toBe('修订号须不大于 999');
    expect(validateRecord(broken((r) => (r.revision = 999))).ok).toBe(true);
  });
});
