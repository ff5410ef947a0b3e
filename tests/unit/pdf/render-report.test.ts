/**
 * The report as a person gets it, checked with the external tools (poppler, qpdf): every
 * string of the record comes back, the fonts are embedded, the record rides along as
 * observation.json, long text flows over pages, and nothing is silently lost.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { InvalidRecordError, printedFields, renderReport, reportRecordJson, REPORT_CREATOR, REPORT_TITLE, type ReportFonts } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import { scoreTemplate } from '../../../utils/rubric';
import { RECORD_ATTACHMENT, type ObservationRecord } from '../../../utils/record';
import { demo, longNote, twoPageRecord, withLongNote } from '../../fixtures/records/builders';
import { attachments, bodyText, pdfinfo, qpdfCheck, savePdf, squash, textLayout, textRaw, layoutFaults, fontSummary, wordBoxes } from './poppler';

const CLOSING = /^[，。、；：？！）》」』]/;

let fonts: ReportFonts;
let record: ObservationRecord;
let bytes: Uint8Array;
let pdf: string;
let raw: string;

beforeAll(() => {
  fonts = loadReportFonts();
  record = demo();
  bytes = renderReport(record, fonts);
  pdf = savePdf(bytes, 'demo.pdf');
  raw = textRaw(pdf);
});

describe('the demo report', () => {
  it('passes qpdf --check', () => {
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
  });

  it('embeds its fonts (regular and bold), with Unicode maps', () => {
    expect(fontSummary(pdf)).toEqual(['NotoSerifSCXunting-Bold embedded unicode Identity-H', 'NotoSerifSCXunting-Regular embedded unicode Identity-H']);
  });

  it('gives back every string of the record exactly (wrapping aside)', () => {
    const body = bodyText(raw);
    const fields = printedFields(record);
    expect(fields.length).toBeGreaterThan(60);
    const missing = fields.filter((f) => !body.includes(squash(f.text)));
    expect(missing).toEqual([]);
  });

  it('prints the header block, the scores, the total and the grade', () => {
    const body = bodyText(raw);
    const r = record;
    const summary = scoreTemplate(r.template, r.scores);
    for (const s of [
      REPORT_TITLE,
      '被巡听单位',
      '2026年5月12日',
      `${r.startTime}—${r.endTime}`,
      `应到 ${r.attendance.expected} 人，实到 ${r.attendance.present} 人，请假 ${r.attendance.onLeave} 人`,
      ...r.speakers.map((s) => `${s.name}（${Math.round(s.seconds / 60)} 分钟${s.scripted ? '，照稿念' : ''}）`),
      `折合百分制 ${summary.total!.toFixed(1)} 分`,
      `等次${summary.grade}`,
      // the subtotal reads down the 得分 column: 满分, 得分, then 小计 in 说明
      ...summary.sections.map((s) => `${s.title}${s.fullMax}${s.earned}小计`),
      ...r.timeline.map((t) => `${t.time}${t.text}`),
      ...r.observers.map((o) => `${o.name}${o.lead ? '组长' : '组员'}`),
    ]) {
      expect(body, s).toContain(squash(s));
    }
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

  it('numbers every page "第N页 / 共M页"', () => {
    const pages = raw.split('\f').filter((p) => p.trim());
    expect(pages.length).toBe(Number(pdfinfo(pdf).Pages));
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页 / 共${pages.length}页`));
  });

  it('carries the record as observation.json, byte for byte', () => {
    const files = attachments(pdf);
    expect([...files.keys()]).toEqual([RECORD_ATTACHMENT]);
    const json = files.get(RECORD_ATTACHMENT)!;
    expect(new Uint8Array(json)).toEqual(new TextEncoder().encode(reportRecordJson(record)));
    expect(JSON.parse(json.toString('utf8'))).toEqual(record);
  });

  it('pdf.js (the viewer in Firefox and many portals) finds the same observation.json, also after signing', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { signPdf } = await import('../../../utils/sign');
    const { makePki } = await import('../../fixtures/sign/pki');
    const { zhang } = await makePki();
    const signed = await signPdf(bytes, { key: zhang.privateKey, certificate: zhang.certificate, chain: zhang.chain });
    for (const file of [bytes, signed]) {
      const doc = await getDocument({ data: file.slice(), isEvalSupported: false }).promise;
      const found = await doc.getAttachments();
      expect(Object.keys(found)).toEqual([RECORD_ATTACHMENT]);
      expect(found[RECORD_ATTACHMENT].content).toEqual(new TextEncoder().encode(reportRecordJson(record)));
      expect(doc.numPages).toBe(Number(pdfinfo(pdf).Pages));
      await doc.destroy();
    }
  });

  it('declares the attachment as the document’s data (/AF, /AFRelationship, MIME type)', () => {
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toMatch(/\/Type \/EmbeddedFile\n\/Subtype \/application#2Fjson/);
    expect(text).toMatch(/\/Params << \/Size \d+/);
    expect(text).toMatch(/\/Type \/Filespec \/F \(observation\.json\) \/UF \(observation\.json\)/);
    expect(text).toContain('/AFRelationship /Data');
    expect(text).toMatch(/\/Names << \/EmbeddedFiles << \/Names \[\(observation\.json\) \d+ 0 R\] >> >>/);
    expect(text).toMatch(/\/AF \[\d+ 0 R\]/);
  });

  it('has Chinese document properties', () => {
    const info = pdfinfo(pdf);
    expect(info.Title).toBe(`${REPORT_TITLE}—${record.unit.name}`);
    expect(info.Creator).toBe(REPORT_CREATOR);
    expect(info.Subject).toContain('2026年5月12日');
    expect(info.Author).toBe(record.observers.map((o) => o.name).join('、'));
  });

  it('leaves out of Info a value jsPDF would garble (a UTF-16 byte 0x0D, as in 不 U+4E0D)', () => {
    const r = demo();
    r.unit.name = '锡林郭勒盟不动产登记中心';
    const info = pdfinfo(savePdf(renderReport(r, fonts)));
    expect(info.Title).toBe(REPORT_TITLE);
    expect(info.Creator).toBe(REPORT_CREATOR);
  });

  it('is the same bytes for the same record', () => {
    expect(renderReport(record, fonts)).toEqual(bytes);
  });

  it('stays small: a typical short report (two pages of body) is under 250 KB', () => {
    const two = renderReport(twoPageRecord(), fonts);
    const path = savePdf(two, 'two-page.pdf');
    // Two pages of body: the signatures and their band for the digital signatures' boxes fit on
    // the second page once its gaps tighten (gapScale).
    expect(Number(pdfinfo(path).Pages)).toBe(2);
    console.log(`two-page report: ${(two.length / 1024).toFixed(1)} KB; demo (${pdfinfo(pdf).Pages} pages): ${(bytes.length / 1024).toFixed(1)} KB`);
    expect(two.length).toBeLessThan(250 * 1024);
    expect(bytes.length).toBeLessThan(250 * 1024);
  });
});

describe('long text', () => {
  let longPdf: string;
  let longRaw: string;
  let long: ObservationRecord;

  beforeAll(() => {
    long = withLongNote();
    longPdf = savePdf(renderReport(long, fonts), 'long.pdf');
    longRaw = textRaw(longPdf);
  });

  it('a 3,000-character note flows over pages, whole, numbered on every page', () => {
    const note = longNote();
    expect(note.length).toBe(3000);
    const pages = longRaw.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(Number(pdfinfo(pdf).Pages));
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页 / 共${pages.length}页`));
    expect(bodyText(longRaw)).toContain(squash(note));
    const missing = printedFields(long).filter((f) => !bodyText(longRaw).includes(squash(f.text)));
    expect(missing).toEqual([]);
  });

  it('repeats the table header on the pages the table continues on', () => {
    const pages = longRaw.split('\f').filter((p) => p.trim());
    const withHeader = pages.filter((p) => p.split('\n').some((l) => squash(l) === '评分项目满分得分说明'));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every word inside the page margins and no two words overlap', () => {
    expect(layoutFaults(longPdf)).toEqual([]);
  });

  it('never starts a line with closing punctuation, even in a 3,000-character note', () => {
    const bad = longRaw
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => CLOSING.test(l));
    expect(bad).toEqual([]);
  });
});

describe('what the table shows', () => {
  it('不适用, 未评 and deductions ("扣 N 分") with the points earned', () => {
    const r = demo();
    const items = r.template.sections.flatMap((s) => s.items);
    const na = items.find((i) => i.allowNA)!;
    const optional = items.find((i) => !i.required)!;
    const deduction = items.find((i) => i.kind === 'deduction')!;
    r.scores[na.id] = { value: null, na: true, note: '本期无相关内容' };
    r.scores[optional.id] = { value: null, na: false, note: '' };
    r.scores[deduction.id] = { value: 1, na: false, note: '一人迟到' };
    const path = savePdf(renderReport(r, fonts));
    const body = bodyText(textRaw(path));
    expect(body).toContain(squash(`${na.title}${na.max}不适用本期无相关内容`));
    expect(body).toContain(squash(`${optional.title}${optional.max}未评`));
    expect(body).toContain(squash(`${deduction.title}${deduction.max}${deduction.max - 1}扣 1 分；一人迟到`));
    expect(body).toMatch(/项不适用，不计入/);
  });

  it('a nearly empty draft prints no grade: a new form is 尚未评分, a half-scored one 暂计 with 未评定, and 满分 is the 应评满分', () => {
    const fresh = demo();
    fresh.status = 'draft';
    fresh.finalizedAt = null;
    for (const id of Object.keys(fresh.scores)) fresh.scores[id] = { value: null, na: false, note: '' };
    const empty = bodyText(textRaw(savePdf(renderReport(fresh, fonts))));
    expect(empty).toContain(squash('尚未评分'));
    expect(empty).toContain(squash('等次 未评定'));
    expect(empty).not.toMatch(/合计100/);
    const half = structuredClone(fresh);
    const first = half.template.sections[0].items[0];
    half.scores[first.id] = { value: first.max, na: false, note: '' };
    const text = bodyText(textRaw(savePdf(renderReport(half, fonts))));
    const applicable = scoreTemplate(half.template, half.scores).applicableMax;
    expect(text).toContain(squash(`合计 ${applicable} 暂计 100.0`));
    expect(text).toContain(squash('等次 未评定（评分未完成）'));
  });

  it('a draft says so; an unsigned observer gets a line to sign on and a blank date', () => {
    const r = demo();
    r.status = 'draft';
    r.finalizedAt = null;
    r.observers[1].signature = null;
    const path = savePdf(renderReport(r, fonts));
    const body = bodyText(textRaw(path));
    expect(body).toContain('草稿（未定稿）');
    expect(body).toContain(squash(`${r.observers[1].name}组员年月日`));
  });
});

describe('refusals: no PDF rather than a wrong one', () => {
  it('an invalid record throws with every problem and its path', () => {
    const r = demo() as unknown as Record<string, unknown>;
    r.date = '2026-02-30x';
    (r.attendance as { expected: number }).expected = -1;
    let error: unknown;
    try {
      renderReport(r as unknown as ObservationRecord, fonts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRecordError);
    const problems = (error as InvalidRecordError).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.date', '$.attendance.expected']));
    expect((error as Error).message).toMatch(/^记录无效，未生成报告/);
  });

  it('a broken signature image is refused with the observer’s name', () => {
    const r = demo();
    r.observers[0].signature = { png: 'data:image/png;base64,AAAAAAAA', signedAt: r.updatedAt };
    expect(() => renderReport(r, fonts)).toThrow(new RegExp(`巡听人员「${r.observers[0].name}」的签名图像无法读取`));
  });
});

describe('the 巡听人员 section', () => {
  it('never opens a page: body text of the section before always shares its page', () => {
    const sentence = '建议进一步完善学习制度，把理论学习与推动工作结合起来，切实提高学习质效。';
    const starts: string[] = [];
    // 1 to 37 sentences (about a line each) of 意见建议 move the end of the report through a
    // whole page; the signature block is about ten lines high, so steps of 3 land inside it
    for (let n = 1; n <= 37; n += 3) {
      const r = demo();
      r.narrative.suggestions = sentence.repeat(n);
      const text = textRaw(savePdf(renderReport(r, fonts), `sig-${n}.pdf`));
      const page = text.split('\f').find((p) => p.includes('、巡听人员'))!;
      const lines = page.split('\n').map(squash).filter(Boolean);
      const at = lines.findIndex((l) => /^[一二三四五六七八九十]+、巡听人员$/.test(l));
      // the line before the heading is body text of 意见建议, not the top of a page
      if (at <= 0) starts.push(`${n} sentences: 巡听人员 opens page`);
    }
    expect(starts).toEqual([]);
  }, 120_000);

  it('shares the page before when it misses it by little: that page’s gaps shrink, at most to 60%', () => {
    const sentence = '建议进一步完善学习制度，把理论学习与推动工作结合起来，切实提高学习质效。';
    // the space between the last line of 意见建议 and the 巡听人员 heading, on the page they share
    const gaps: number[] = [];
    // one sentence of 意见建议 (its heading moves with the signatures), after 1 to 12 lines of 主要做法及亮点
    for (let n = 1; n <= 12; n++) {
      const r = demo();
      r.narrative.highlights = sentence.repeat(n);
      r.narrative.suggestions = sentence;
      const words = wordBoxes(savePdf(renderReport(r, fonts), `tight-${n}.pdf`));
      const at = words.findIndex((w) => /^[一二三四五六七八九十]+、巡听人员$/.test(w.text));
      const before = words[at - 1];
      if (before.yMin < words[at].yMin) gaps.push(words[at].yMin - before.yMin);
    }
    const normal = Math.max(...gaps);
    const tightened = gaps.filter((g) => g < normal - 0.5);
    expect(tightened.length).toBeGreaterThan(0);
    // only the gap before the heading (10 pt) shrinks here, never the line height
    for (const g of tightened) expect(g).toBeGreaterThanOrEqual(normal - 10 * (1 - 0.6) - 0.01);
  }, 120_000);
});

/** Glyph id → characters, from every ToUnicode CMap of a decompressed (qpdf --qdf) PDF. */
function toUnicodeMaps(qdf: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of qdf.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, gid, hex] of block[1].matchAll(/<([0-9a-f]{4})><([0-9a-f]+)>/gi)) {
      map.set(gid.toLowerCase(), String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))));
    }
  }
  return map;
}

describe('justification in the content stream', () => {
  it('never adds spacing between adjacent Latin letters or digits', () => {
    const r = demo();
    const mixed = '会议采用PPT辅助，对照Checklist逐项核查PM2.5治理、〔2026〕15号文件和2026年度计划落实情况，';
    r.narrative.highlights = mixed.repeat(6);
    r.narrative.problems = `部分同志引用No.${'12345'.repeat(3)}等编号时不够准确，${mixed.repeat(3)}`;
    const path = savePdf(renderReport(r, fonts), 'latin.pdf');
    const qdf = `${path}.qdf`;
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdf]);
    const text = readFileSync(qdf, 'latin1');
    const glyphs = toUnicodeMaps(text);
    const bad: string[] = [];
    let stretchedRuns = 0;
    for (const [, tc, hex] of text.matchAll(/(-?[\d.]+) Tc\n[^\n]*Td\n<([0-9a-f]*)> Tj/g)) {
      if (Number(tc) === 0) continue;
      stretchedRuns++;
      const chars = (hex.match(/.{4}/g) ?? []).map((g) => glyphs.get(g) ?? '?').join('');
      // a run drawn with character spacing holds no two adjacent Latin letters or digits
      if (/[A-Za-z0-9][A-Za-z0-9.]/.test(chars)) bad.push(`${tc} Tc: ${chars}`);
    }
    expect(stretchedRuns).toBeGreaterThan(10);
    expect(bad).toEqual([]);
    const body = bodyText(textRaw(path));
    for (const word of ['PPT', 'Checklist', 'PM2.5', '〔2026〕15号', '2026年度']) expect(body).toContain(word);
  });
});

describe('标点挤压 in the report', () => {
  it('sets "），" and "》，" in one em, and pdftotext still reads each line whole', () => {
    const r = demo();
    const short = '会议（第一次），研究《纲要》，部署工作。';
    const long = '魏永明发言（约12分钟），结合分管工作谈学习体会；曹平发言（约9分钟），围绕《条例》“十五五”规划谈认识，提出“三个到位”。'.repeat(4);
    r.narrative.problems = short;
    r.narrative.highlights = long;
    const path = savePdf(renderReport(r, fonts), 'squeeze.pdf');
    const raw = textRaw(path);
    // the one-line paragraph is one line of -raw output, character for character
    expect(raw.split('\n').map((l) => l.trim())).toContain(short);
    expect(squash(bodyText(raw))).toContain(squash(long));
    expect(squash(textLayout(path))).toContain(squash(long));
    expect(
      raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => CLOSING.test(l)),
    ).toEqual([]);
    // 20 characters, four of them compressed to half an em: 18 ems of 12 pt
    const word = wordBoxes(path).find((w) => w.text === short)!;
    expect(word.xMax - word.xMin).toBeCloseTo(18 * 12, 1);
  });
});

describe('names beyond the BMP', () => {
  it('prints CJK Extension A and B names, and pdftotext gives them back as written', () => {
    const r = demo();
    r.observers[0].name = '吉𠮷祥';
    r.observers[1].name = '䶮𬌗';
    r.narrative.problems = `姓名𪚥𤭢与䶮等生僻字须照录。${r.narrative.problems}`;
    const path = savePdf(renderReport(r, fonts), 'sip.pdf');
    const body = bodyText(textRaw(path));
    for (const name of ['吉𠮷祥', '䶮𬌗', '姓名𪚥𤭢与䶮等生僻字须照录。']) expect(body).toContain(name);
    expect(fontSummary(path)).toContain('XuntingHanaMinSIP-Regular embedded unicode Identity-H');
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
  });

  it('loads the SIP face only when a record needs it', () => {
    expect(fontSummary(pdf).some((f) => f.includes('HanaMinSIP'))).toBe(false);
  });
});
