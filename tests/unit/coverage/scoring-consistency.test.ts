import { describe, expect, it } from 'vitest';
import { computeCoverage, coverageTables, scopeForYear, scoringConsistency } from '../../../utils/coverage';
import { mergeGroup, type MemberSheet } from '../../../utils/group';
import { finalizeRecord, type ObservationRecord } from '../../../utils/record';
import { renderCoverageSummary } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import { item, section, template } from '../../fixtures/rubric';
import { readyRecord } from '../../fixtures/record';
import { plan, roster } from './coverage-fixtures';
import { savePdf, squash, textRaw } from '../pdf/poppler';

const NOW = new Date('2026-03-12T03:00:00Z');
// s1: two 4-point items; s2: one 8-point item and a 4-point 扣分项.
const t = template([section('s1', [item('a', 4), item('b', 4)], '学习准备'), section('s2', [item('c', 8), item('d', 4, { kind: 'deduction' })], '学习内容')]);

function scored(scores: Record<string, number>, edit?: (r: ObservationRecord) => void): ObservationRecord {
  const r = readyRecord(t, { score: (id) => scores[id] ?? null, now: NOW });
  edit?.(r);
  return r;
}
function sheet(name: string, scores: Record<string, number>): MemberSheet {
  return {
    record: finalizeRecord(
      scored(scores, (r) => (r.group = { role: 'member', member: name })),
      NOW,
    ),
    signer: { cn: name, fingerprint: name },
  };
}
/** A reconciled session led by `lead`: own scores, then two members. */
function session(
  lead: [string, Record<string, number>],
  members: [string, Record<string, number>][],
  edit?: (r: ObservationRecord) => void,
): ObservationRecord {
  const r = scored(lead[1], (x) => {
    x.group = { role: 'lead', member: lead[0] };
    edit?.(x);
  });
  return finalizeRecord(
    mergeGroup(
      r,
      members.map(([n, s]) => sheet(n, s)),
      { now: NOW },
    ),
    NOW,
  );
}

// Session 1: agreed a = 3 (4,3,2), b = 4 (4,4,4), c = 6 (8,6,4 → flagged), d deducted 1 (0,1,2 → earned 3).
const one = session(
  ['张明', { a: 4, b: 4, c: 8, d: 0 }],
  [
    ['李华', { a: 3, b: 4, c: 6, d: 1 }],
    ['王芳', { a: 2, b: 4, c: 4, d: 2 }],
  ],
);
// Session 2: 张明 again with 赵强; agreed a = 4 (4,3 → 3.5 → 4), b = 3 (2,4), c = 8 (8,8), d = 0 (0,0).
const two = session(['赵强', { a: 4, b: 2, c: 8, d: 0 }], [['张明', { a: 3, b: 4, c: 8, d: 0 }]]);

describe('scoringConsistency: how far each observer sits from the agreed scores', () => {
  const k = scoringConsistency([one, two]);
  it('per observer: mean absolute and signed deviation (points earned), and flagged items', () => {
    const by = Object.fromEntries(k.observers.map((o) => [o.name, o]));
    expect(k.groupSessions).toBe(2);
    // 张明: session 1 a +1, b 0, c +2, d (earned 4 vs 3) +1; session 2 a −1, b +1, c 0, d 0 → |·| 6 / 8, signed 4 / 8;
    // flagged (spread above ¼ of the maximum): a, c, d of session 1 and b of session 2.
    expect(by['张明']).toEqual({ name: '张明', sessions: 2, items: 8, meanDeviation: 0.75, meanSigned: 0.5, flagged: 4 });
    // 王芳: a −1, b 0, c −2, d −1 → 1 and −1; flagged: c (spread 4 > 2) and a, d (spread 2 > 1).
    expect(by['王芳']).toMatchObject({ sessions: 1, items: 4, meanDeviation: 1, meanSigned: -1, flagged: 3 });
    expect(by['李华']).toMatchObject({ meanDeviation: 0, meanSigned: 0 });
    expect(k.observers[0].name).toBe('王芳'); // largest deviation first
  });
  it('per section: mean spread as a share of the maximum, most disagreement first', () => {
    // 学习准备: a 2/4, b 0/4 (s1); a 1/4, b 2/4 (s2) → (50+0+25+50)/4 = 31.25 → 31.3.
    // 学习内容: c 4/8, d 2/4 (s1); c 0, d 0 (s2) → (50+50+0+0)/4 = 25.
    expect(k.sections).toEqual([
      { title: '学习准备', sessions: 2, meanSpreadPct: 31.3, flagged: 2 },
      { title: '学习内容', sessions: 2, meanSpreadPct: 25, flagged: 2 },
    ]);
  });
  it('ignores records without independent scores', () => {
    expect(scoringConsistency([scored({ a: 1, b: 1, c: 1, d: 0 })])).toEqual({ groupSessions: 0, observers: [], sections: [] });
  });
});

describe('评分一致性 in the coverage, the workbook and the summary PDF', () => {
  const units = roster();
  const u = units[0];
  const onUnit = (r: ObservationRecord, date: string) => ({ record: { ...r, unit: { id: u.id, name: u.name }, date }, signers: [] });
  const coverage = computeCoverage(
    { units, plans: [plan(2026)], records: [onUnit(one, '2026-03-10'), onUnit({ ...two, id: `${two.id.slice(0, -1)}f` }, '2026-04-10')] },
    scopeForYear(2026),
  );

  it('computeCoverage carries it; the workbook gets a sheet 评分一致性', () => {
    expect(coverage.consistency.groupSessions).toBe(2);
    const sheet = coverageTables(coverage).find((x) => x.name === '评分一致性')!;
    expect(sheet.rows[0]).toEqual(['王芳', 1, 4, 1, -1, 3]);
    expect(sheet.rows).toContainEqual(['学习准备', 2, '31.3%', 2, null, null]);
  });

  it('is left out of the workbook when no session was scored by a group', () => {
    const plain = computeCoverage({ units, plans: [plan(2026)], records: [onUnit(scored({ a: 1, b: 1, c: 1, d: 0 }), '2026-03-10')] }, scopeForYear(2026));
    expect(coverageTables(plain).map((x) => x.name)).not.toContain('评分一致性');
  });

  it('the summary PDF has the section with both tables', () => {
    const text = squash(textRaw(savePdf(renderCoverageSummary(coverage, loadReportFonts()), 'summary.pdf')));
    expect(text).toContain('评分一致性');
    expect(text).toContain('王芳1场41.00-1.003');
    expect(text).toContain('学习准备2场31.3%2');
  });
});
