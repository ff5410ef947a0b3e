import { describe, expect, it } from 'vitest';
import { MAX_ITEMS, parseTemplateJson, validateTemplate, type RubricTemplate } from '../../../utils/rubric';
import type { Problem } from '../../../utils/validate';
import { readDefaultTemplateJson } from '../../fixtures/defaults';
import { item, section, smallTemplate, template } from '../../fixtures/rubric';
import { at, refusal } from '../../fixtures/problems';

const problemsOf = (input: unknown): Problem[] => refusal(validateTemplate(input), 'template');

/** A valid template changed by `edit` (a deep copy, so edits never leak between tests). */
function broken(edit: (t: RubricTemplate) => void): RubricTemplate {
  const t = structuredClone(smallTemplate());
  edit(t);
  return t;
}

describe('the built-in template (public/defaults/rubric-default.json)', () => {
  it('validates, and its maxima sum to 100', () => {
    const r = validateTemplate(readDefaultTemplateJson());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const milli = r.value.sections.flatMap((s) => s.items).reduce((n, i) => n + Math.round(i.max * 1000), 0);
    expect(milli / 1000).toBe(100);
  });

  it('grades with the domain bands 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, 较差 below', () => {
    const r = validateTemplate(readDefaultTemplateJson());
    expect(r.ok && r.value.bands).toEqual([
      { grade: '优秀', min: 90 },
      { grade: '良好', min: 80 },
      { grade: '一般', min: 60 },
      { grade: '较差', min: 0 },
    ]);
  });

  it('round-trips through parseTemplateJson unchanged', () => {
    const json = readDefaultTemplateJson();
    const r = parseTemplateJson(JSON.stringify(json));
    expect(r.ok).toBe(true);
    expect(r).toEqual(validateTemplate(json));
  });
});

describe('bad templates are refused with a path and a Chinese message', () => {
  it('a small valid template passes (the baseline the cases below break)', () => {
    expect(validateTemplate(smallTemplate()).ok).toBe(true);
  });

  it('text that is not JSON', () => {
    const r = parseTemplateJson('{"format": "xunting.rubric/1", "sections": [');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].path).toBe('$');
    expect(r.problems[0].message).toContain('模板文件不是有效的 JSON');
  });

  it('a JSON file with a byte-order mark is read', () => {
    expect(parseTemplateJson('\uFEFF' + JSON.stringify(smallTemplate())).ok).toBe(true);
  });

  it('an item id used twice, across sections', () => {
    const ps = problemsOf(broken((t) => (t.sections[1].items[0].id = 'A')));
    const p = at(ps, '$.sections[1].items[0].id');
    expect(p.message).toContain('"A"');
    expect(p.message).toContain('重复');
    expect(p.message).toContain('$.sections[0].items[0]'); // where it was first used
  });

  it('a section id used twice', () => {
    const ps = problemsOf(broken((t) => (t.sections[2].id = 'prep')));
    expect(at(ps, '$.sections[2].id').message).toContain('重复');
  });

  it.each([0, -5])('a maximum of %d', (max) => {
    const ps = problemsOf(broken((t) => (t.sections[0].items[1].max = max)));
    expect(at(ps, '$.sections[0].items[1].max').message).toBe('满分须大于 0');
  });

  it('a maximum above 100', () => {
    const ps = problemsOf(broken((t) => (t.sections[0].items[0].max = 120)));
    expect(at(ps, '$.sections[0].items[0].max').message).toBe('满分不能超过 100');
  });

  it('a step that does not divide the maximum (max 5, step 2)', () => {
    const ps = problemsOf(
      broken((t) => {
        t.sections[1].items[0] = item('C', 5, { step: 2, title: '交流发言' });
      }),
    );
    const p = at(ps, '$.sections[1].items[0].step');
    expect(p.message).toContain('交流发言');
    expect(p.message).toContain('不能整除');
  });

  it('a step larger than the maximum', () => {
    const ps = problemsOf(
      broken((t) => {
        t.sections[1].items[0] = item('C', 2, { step: 5, title: '交流发言' });
      }),
    );
    expect(at(ps, '$.sections[1].items[0].step').message).toBe('「交流发言」的步长 5 大于满分 2');
  });

  it('a float step that does divide the maximum is accepted (max 1, step 0.1; max 0.3, step 0.1)', () => {
    const t = template([section('s', [item('a', 1, { step: 0.1 }), item('b', 0.3, { step: 0.1 })])]);
    expect(validateTemplate(t).ok).toBe(true);
  });

  it(`${2000} items: refused with the item-count message, quickly`, { timeout: 2000 }, () => {
    const items = Array.from({ length: 2000 }, (_, i) => item(`i${i}`, 1));
    const ps = problemsOf(template([section('s', items)]));
    expect(ps).toEqual([{ path: '$.sections', message: `评分项共 2000 个，超过上限 ${MAX_ITEMS} 个` }]);
  });

  it.each(['', '   '])('an empty title (%j)', (title) => {
    const ps = problemsOf(broken((t) => (t.title = title)));
    expect(at(ps, '$.title').message).toBe('模板名称不能为空');
  });

  it.each(['xunting.rubric/2', 'rubric', 42])('a wrong format string (%j)', (format) => {
    const ps = problemsOf(broken((t) => ((t as { format: unknown }).format = format)));
    expect(at(ps, '$.format').message).toBe('模板格式标识须为 "xunting.rubric/1"');
  });

  it('bands not listed from the highest down', () => {
    const ps = problemsOf(
      broken(
        (t) =>
          (t.bands = [
            { grade: '良好', min: 80 },
            { grade: '优秀', min: 90 },
            { grade: '较差', min: 0 },
          ]),
      ),
    );
    expect(at(ps, '$.bands[1].min').message).toContain('从高到低');
  });

  it('two bands with the same minimum', () => {
    const ps = problemsOf(
      broken(
        (t) =>
          (t.bands = [
            { grade: '优秀', min: 90 },
            { grade: '良好', min: 90 },
            { grade: '较差', min: 0 },
          ]),
      ),
    );
    expect(at(ps, '$.bands[1].min').message).toContain('下限各不相同');
  });

  it('a last band whose minimum is not 0 (a low total would get no grade)', () => {
    const ps = problemsOf(
      broken(
        (t) =>
          (t.bands = [
            { grade: '合格', min: 60 },
            { grade: '不合格', min: 10 },
          ]),
      ),
    );
    expect(at(ps, '$.bands[1].min').message).toContain('须为 0');
  });

  it('a grade named twice', () => {
    const ps = problemsOf(
      broken(
        (t) =>
          (t.bands = [
            { grade: '优秀', min: 90 },
            { grade: '优秀', min: 60 },
            { grade: '较差', min: 0 },
          ]),
      ),
    );
    expect(at(ps, '$.bands[1].grade').message).toBe('等次 "优秀" 重复');
  });

  it('a section with no items', () => {
    const ps = problemsOf(broken((t) => (t.sections[2].items = [])));
    expect(at(ps, '$.sections[2].items').message).toContain('没有评分项');
  });

  it('not an object at all', () => {
    expect(problemsOf(null).length).toBeGreaterThan(0);
    expect(problemsOf([]).length).toBeGreaterThan(0);
    expect(problemsOf('xunting').length).toBeGreaterThan(0);
  });
});

describe('every problem at once', () => {
  it('reports several structural mistakes together', () => {
    const ps = problemsOf(
      broken((t) => {
        t.title = '';
        t.sections[0].items[0].max = -1;
        t.bands[0].grade = '';
      }),
    );
    at(ps, '$.title');
    at(ps, '$.sections[0].items[0].max');
    at(ps, '$.bands[0].grade');
  });

  it('reports several rule mistakes together', () => {
    const ps = problemsOf(
      broken((t) => {
        t.sections[1].items[0].id = 'A'; // duplicate id
        t.sections[0].items[0].step = 3; // 3 does not divide 20
        t.bands[3].min = 5; // last band not 0
      }),
    );
    at(ps, '$.sections[1].items[0].id');
    at(ps, '$.sections[0].items[0].step');
    at(ps, '$.bands[3].min');
  });

  it('reports structural and rule mistakes together, so one import shows everything to fix', () => {
    const ps = problemsOf(
      broken((t) => {
        t.title = ''; // empty title
        t.sections[1].items[0].id = 'A'; // duplicate id
        t.sections[2].items[0].step = 4; // 4 does not divide 30
      }),
    );
    expect(ps.length).toBeGreaterThanOrEqual(3);
    at(ps, '$.title');
    at(ps, '$.sections[1].items[0].id');
    at(ps, '$.sections[2].items[0].step');
  });
});
