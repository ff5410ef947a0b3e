/**
 * The coverage summary as a supervisor gets it, checked with poppler and qpdf: every unit and
 * figure comes back as text, the fonts are embedded, long lists flow over pages with their
 * headers repeated, no line starts with closing punctuation, and the same input gives the same
 * bytes. Expected strings are read from the Coverage object, never typed a second time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCoverageSummary, summarySentence, UnprintableError, type ReportFonts } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import type { Coverage } from '../../../utils/coverage/types';
import { cycleCoverage, emptyCoverage, realisticCoverage } from '../../fixtures/coverage/build-coverage';
import { tableStartHeight, TABLE_CAPTION_HEIGHT } from '../../../utils/pdf/summary-charts';
import { pdffonts, pdfinfo, qpdfCheck, savePdf, squash, textLayout, textRaw, layoutFaults, fontSummary } from './poppler';

const CLOSING = /^[，。、；：？！）》」』]/;
const FOOTER = /^第\d+页\/共\d+页$/;
const GENERATED = new Date('2026-11-20T02:00:00Z');
/** The date as printed: China Standard Time. */
const AS_OF = '2026年11月20日';
const ORG = '锡林郭勒盟直属机关工委';
const UNIT_HEADER = '序号单位名称类别计划巡听日期巡听人员得分等次';
const HEADINGS = [
  '一、总体情况',
  '二、月度进度',
  '三、等次分布',
  '四、各部分得分率',
  '五、单位明细',
  '六、未覆盖单位',
  '七、计划未完成',
  '八、优秀案例候选',
  '九、数据问题',
];

const pct = (v: number) => `${v.toFixed(1)}%`;
const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const pages = (raw: string) => raw.split('\f').filter((p) => p.trim());

/** Lines of the raw text, whitespace removed, without footers and table header rows. */
function bodyLines(raw: string): string[] {
  return raw
    .split(/\n|\f/)
    .map(squash)
    .filter((l) => l && !FOOTER.test(l) && !l.startsWith('序号'));
}
const body = (raw: string) => bodyLines(raw).join('');

/** The body text between a heading and the next one. */
function section(raw: string, heading: string): string {
  const text = body(raw);
  const from = text.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const next = HEADINGS.map((h) => text.indexOf(h, from + heading.length)).filter((i) => i > from);
  return text.slice(from, next.length ? Math.min(...next) : undefined);
}

let fonts: ReportFonts;
let coverage: Coverage;
let bytes: Uint8Array;
let pdf: string;
let raw: string;

beforeAll(() => {
  fonts = loadReportFonts({ ext: false });
  coverage = realisticCoverage();
  bytes = renderCoverageSummary(coverage, fonts, { organisation: ORG, generatedAt: GENERATED });
  pdf = savePdf(bytes, 'summary.pdf');
  raw = textRaw(pdf);
});

describe('the fixture', () => {
  it('is the seed article’s year: 69 units, 40 planned, some covered, a few problems', () => {
    expect(coverage.units).toHaveLength(69);
    expect(coverage.totals.units).toBe(69);
    expect(coverage.totals.planned).toBe(40);
    expect(coverage.totals.covered).toBeGreaterThan(30);
    expect(coverage.notCovered.length).toBeGreaterThan(20);
    expect(coverage.problems.length).toBeGreaterThan(0);
    expect(coverage.top.length).toBe(10);
  });
});

describe('a 69-unit summary', () => {
  it('passes qpdf --check', () => {
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
  });

  it('embeds its fonts (regular and bold), with Unicode maps', () => {
    expect(fontSummary(pdf)).toEqual(['NotoSerifSCXunting-Bold embedded unicode Identity-H', 'NotoSerifSCXunting-Regular embedded unicode Identity-H']);
  });

  it('has the title, the organisation, the date and every section heading, in order', () => {
    const text = body(raw);
    expect(text.startsWith(squash(`${coverage.label}巡听旁听工作情况汇总`))).toBe(true);
    expect(text).toContain(squash(`${ORG} 生成日期：${AS_OF}`));
    const at = HEADINGS.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const info = pdfinfo(pdf);
    expect(info.Title).toBe(`${coverage.label}巡听旁听工作情况汇总`);
    expect(info.Author).toBe(ORG);
  });

  it('prints the figures with their percentages, and says them in a sentence', () => {
    const t = coverage.totals;
    const figures = section(raw, '一、总体情况');
    expect(figures).toContain(
      squash(
        `${t.units} 个${t.covered} 个（${pct(t.coveredPct)}）${t.planned} 个${t.plannedCovered} 个（${pct(t.plannedPct)}）${t.coveredUnplanned} 个${t.sessions} 场`,
      ),
    );
    const sentence = summarySentence(coverage, AS_OF);
    expect(figures).toContain(squash(sentence));
    for (const s of [
      `${t.units} 个单位中已巡听 ${t.covered} 个`,
      `覆盖率 ${pct(t.coveredPct)}`,
      `完成率 ${pct(t.plannedPct)}`,
      `尚有 ${coverage.notCovered.length} 个单位未覆盖`,
    ]) {
      expect(sentence).toContain(s);
    }
  });

  it('gives the month-by-month figures, per year', () => {
    const months = section(raw, '二、月度进度');
    const m = coverage.monthly;
    expect(months).toContain(squash(`2026年${m.map((x) => `${Number(x.month.slice(5))}月`).join('')}`));
    expect(months).toContain(`计划巡听${m.map((x) => x.planned).join('')}`);
    expect(months).toContain(`新覆盖${m.map((x) => x.newlyCovered).join('')}`);
    expect(months).toContain(`巡听场次${m.map((x) => x.sessions).join('')}`);
    expect(months).toContain(`累计计划${m.map((x) => x.cumulativePlanned).join('')}`);
    expect(months).toContain(`累计覆盖${m.map((x) => x.cumulativeCovered).join('')}`);
    for (const s of [
      '图1各月计划巡听与新覆盖单位数',
      '图2累计计划与累计覆盖单位数',
      '计划巡听新覆盖',
      '累计计划累计覆盖在册单位',
      `在册${coverage.totals.units}`,
    ]) {
      expect(months).toContain(s);
    }
  });

  it('gives the grade distribution and the section averages, weakest first', () => {
    const all = coverage.grades.reduce((n, g) => n + g.count, 0);
    const grades = section(raw, '三、等次分布');
    for (const g of coverage.grades) expect(grades).toContain(squash(`${g.grade}${g.count} 场${pct(Math.round((g.count / all) * 1000) / 10)}`));
    expect(grades).toContain(squash(`合计${all} 场100.0%`));
    const sections = section(raw, '四、各部分得分率');
    const rows = coverage.sections.map((s) => squash(`${s.title}${s.sessions} 场${pct(s.averagePct)}`));
    const at = rows.map((r) => sections.indexOf(r));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('lists every unit with its plan, dates, observers, score and grade', () => {
    const detail = section(raw, '五、单位明细');
    let at = 0;
    coverage.units.forEach((u, i) => {
      const plan = u.planned.length ? u.planned.map((p) => `${p.year}年${p.month}月${p.group}`).join('') : '未列入计划';
      const observers = [...new Set(u.sessions.flatMap((s) => s.observers))].join('、');
      const rest = u.covered
        ? `${u.sessions.map((s) => cnDate(s.date)).join('')}${observers}${u.latestTotal === null ? '—' : u.latestTotal.toFixed(1)}${u.latestGrade ?? '未评定'}`
        : '未巡听';
      const row = squash(`${i + 1}${u.unit.name}${u.unit.category}${plan}${rest}`);
      const found = detail.indexOf(row, at);
      expect(found, row).toBeGreaterThanOrEqual(0);
      at = found + row.length;
    });
  });

  it('lists the units not covered and the plan not yet done', () => {
    const notCovered = section(raw, '六、未覆盖单位');
    coverage.notCovered.forEach((u, i) => expect(notCovered).toContain(squash(`${i + 1}${u.name}${u.category}`)));
    const planned = section(raw, '七、计划未完成');
    coverage.plannedNotObserved.forEach((u, i) => {
      const visit = coverage.units.find((x) => x.unit.id === u.id)!.planned[0];
      expect(planned).toContain(squash(`${i + 1}${u.name}${visit.year}年${visit.month}月${visit.group}`));
    });
  });

  it('lists the excellent-case candidates and the data problems', () => {
    const top = section(raw, '八、优秀案例候选');
    coverage.top.forEach((s, i) =>
      expect(top).toContain(squash(`${i + 1}${s.unitName}${cnDate(s.date)}${s.theme}${s.observers.join('、')}${s.total!.toFixed(1)}${s.grade}`)),
    );
    const problems = section(raw, '九、数据问题');
    for (const p of coverage.problems) expect(problems).toContain(squash(p.message));
  });

  it('never splits an observer’s name over two lines', () => {
    const names = [...new Set(coverage.units.flatMap((u) => u.sessions.flatMap((s) => s.observers)))];
    const lines = raw.split('\n').map((l) => l.trim());
    const split: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      for (const name of names) {
        for (let k = 1; k < name.length; k++) {
          if (lines[i].endsWith(name.slice(0, k)) && lines[i + 1].startsWith(name.slice(k))) split.push(`${lines[i]} / ${lines[i + 1]}`);
        }
      }
    }
    expect(names.length).toBeGreaterThan(3);
    expect(split).toEqual([]);
  });

  it('draws its charts as vectors, not images', () => {
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toMatch(/\/Subtype \/Image/);
  });

  it('flows over several pages, numbered on every page, the unit table’s header on each of its pages', () => {
    const ps = pages(raw);
    expect(ps.length).toBe(Number(pdfinfo(pdf).Pages));
    expect(ps.length).toBeGreaterThanOrEqual(5);
    ps.forEach((p, i) => expect(p).toContain(`第${i + 1}页 / 共${ps.length}页`));
    const withHeader = ps.filter((p) => p.split('\n').some((l) => squash(l) === UNIT_HEADER));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    // Every page the unit table runs over begins with its header.
    for (const p of withHeader.slice(1)) expect(squash(p.split('\n')[0])).toBe(UNIT_HEADER);
  });

  it('never starts a line with closing punctuation', () => {
    for (const text of [raw, textLayout(pdf)]) {
      const bad = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => CLOSING.test(l));
      expect(bad).toEqual([]);
    }
  });

  it('keeps every word inside the margins, and no two words (chart labels included) overlap', () => {
    expect(layoutFaults(pdf)).toEqual([]);
  });

  it('is the same bytes for the same coverage and date, and a few hundred KB at most', () => {
    const again = renderCoverageSummary(realisticCoverage(), fonts, { organisation: ORG, generatedAt: GENERATED });
    expect(again).toEqual(bytes);
    const later = renderCoverageSummary(coverage, fonts, { organisation: ORG, generatedAt: new Date('2026-12-01T02:00:00Z') });
    expect(later).not.toEqual(bytes);
    console.log(`69-unit summary: ${(bytes.length / 1024).toFixed(1)} KB, ${pages(raw).length} pages`);
    expect(bytes.length).toBeLessThan(400 * 1024);
  });
});

describe('what a unit name holds', () => {
  it('HTML and script in a unit name print as the text they are', () => {
    const c = realisticCoverage();
    const name = '<script>alert("x")</script><b>锡林郭勒盟&amp;测试局</b>';
    c.units[0].unit.name = name;
    const text = body(textRaw(savePdf(renderCoverageSummary(c, fonts, { generatedAt: GENERATED }))));
    expect(text).toContain(squash(`1${name}`));
  });

  it('a character no font has stops the render and names the unit’s path', () => {
    const c = realisticCoverage();
    c.units[3].unit.name = '锡林郭勒盟\uE000祥局'; // private use: no face has it
    let error: unknown;
    try {
      renderCoverageSummary(c, fonts, { generatedAt: GENERATED });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnprintableError);
    expect((error as UnprintableError).fields.map((f) => f.path)).toContain('$.units[3].unit.name');
  });

  it('a rare ideograph prints with the Ext font', () => {
    const withExt = loadReportFonts();
    const c = realisticCoverage();
    c.units[5].unit.name = '锡林郭勒盟䶮骉研究室';
    const path = savePdf(renderCoverageSummary(c, withExt, { generatedAt: GENERATED }));
    expect(body(textRaw(path))).toContain('锡林郭勒盟䶮骉研究室');
    expect(pdffonts(path).map((r) => r.name)).toContain('NotoSerifSCXuntingExt-Regular');
  });
});

describe('an empty coverage (no sessions yet)', () => {
  let c: Coverage;
  let text: string;
  let emptyPdf: string;

  beforeAll(() => {
    c = emptyCoverage();
    emptyPdf = savePdf(renderCoverageSummary(c, fonts, { generatedAt: GENERATED }), 'empty.pdf');
    text = body(textRaw(emptyPdf));
  });

  it('still renders: figures at zero, the plan, every unit not covered', () => {
    expect(qpdfCheck(emptyPdf)).toMatch(/No syntax or stream encoding errors/);
    expect(c.totals.sessions).toBe(0);
    expect(text).toContain(squash(summarySentence(c, AS_OF)));
    expect(text).toContain(squash(`${c.totals.units} 个0 个（0.0%）${c.totals.planned} 个0 个（0.0%）0 个0 场`));
    expect(section(textRaw(emptyPdf), '三、等次分布')).toContain('尚无巡听记录。');
    expect(section(textRaw(emptyPdf), '八、优秀案例候选')).toContain('尚无评定为优秀的巡听。');
    expect(text).not.toContain('九、数据问题');
    const notCovered = section(textRaw(emptyPdf), '六、未覆盖单位');
    expect(c.notCovered).toHaveLength(c.units.length);
    c.notCovered.forEach((u, i) => expect(notCovered).toContain(squash(`${i + 1}${u.name}`)));
  });
});

describe('the two-year cycle', () => {
  it('puts the long title on two lines at the scope, and gives each year its month table', () => {
    const c = cycleCoverage();
    const path = savePdf(renderCoverageSummary(c, fonts, { generatedAt: new Date('2027-12-31T02:00:00Z') }), 'cycle.pdf');
    const lines = bodyLines(textRaw(path));
    expect(lines[0]).toBe(squash(c.label));
    expect(lines[1]).toBe('巡听旁听工作情况汇总');
    const months = section(textRaw(path), '二、月度进度');
    for (const year of ['2026', '2027']) {
      const m = c.monthly.filter((x) => x.month.startsWith(year));
      expect(months).toContain(`${year}年`);
      expect(months).toContain(`累计覆盖${m.map((x) => x.cumulativeCovered).join('')}`);
    }
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
  });
});

describe('summary tables', () => {
  it('are numbered 表1, 表2 … in order, like the charts', () => {
    const text = textRaw(savePdf(renderCoverageSummary(realisticCoverage(), fonts, { generatedAt: GENERATED }), 'captions.pdf'));
    const numbers = [...text.matchAll(/表(\d+)\s+\S/g)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(4);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('size the unit-name column to the names: a name wraps only when it must', () => {
    const c = realisticCoverage();
    const text = textRaw(savePdf(renderCoverageSummary(c, fonts, { generatedAt: GENERATED }), 'names.pdf'));
    const lines = text.split('\n').map(squash);
    // (the other shared column, 巡听人员, keeps five characters: longer names may still wrap)
    const names = c.units.map((u) => u.unit.name).filter((name) => [...name].length <= 10);
    expect(names.length).toBeGreaterThan(10);
    const broken = names.filter((name) => !lines.some((l) => l.includes(squash(name))));
    expect(broken).toEqual([]);
  });
});

describe('where a block may start (no large blank at the foot of a page)', () => {
  it('a table starts where its caption, header and first two rows fit; the rest follows under a repeated header', () => {
    expect(tableStartHeight(20, [18, 30, 18, 18])).toBe(TABLE_CAPTION_HEIGHT + 20 + 18 + 30);
    expect(tableStartHeight(20, [18])).toBe(TABLE_CAPTION_HEIGHT + 20 + 18);
    // a table kept together needs all of its rows
    expect(tableStartHeight(20, [18, 30, 18, 18], true)).toBe(TABLE_CAPTION_HEIGHT + 20 + 84);
  });
});
