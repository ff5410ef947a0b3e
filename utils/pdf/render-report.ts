/**
 * The 巡听旁听情况记录表: an ObservationRecord printed as an official A4 form, with the record
 * itself embedded as `observation.json`.
 *
 * Pure: bytes in, bytes out; no Buffer, no fs. Runs in Node 20 and in the browser.
 * Refuses (throws) rather than print something wrong: an invalid record (InvalidRecordError),
 * characters no font has (UnprintableError), a bad font (FontError), an unreadable
 * signature image (SignatureImageError).
 */
import { RECORD_ATTACHMENT, validateRecord, type ObservationRecord } from '../record';
import { type ReportFonts } from './fonts';
import { InvalidRecordError } from './errors';
import { A4, gapScale, numberPages, PageFlow, type Tightening } from './page-flow';
import { columnWidths, drawTable, tableHeight, type TableSpec } from './layout-table';
import { headerRows, HEADER_COLUMNS } from './header-rows';
import { scoreRows, SCORE_COLUMNS, SCORE_HEADER } from './score-rows';
import { observerRows, OBSERVER_COLUMNS, OBSERVER_HEADER } from './observer-rows';
import { groupAppendix, groupColumns, GROUP_APPENDIX_TITLE } from './group-rows';
import { attachFiles } from './embed-file';
import { chineseDate, chineseOrdinal } from './format';
import * as S from './report-style';
import { fnv1a } from '../io/fnv1a';
import { openDocument } from './open-document';
import { printedFields } from './printed-fields';
import { markSignatureArea, SIGNATURE_AREA_GAP, SIGNATURE_AREA_HEIGHT } from './signature-area';

export const REPORT_TITLE = '巡听旁听情况记录表';
export const REPORT_CREATOR = '巡听旁听 Xunting';

export interface RenderOptions {
  /** PDF creation date; default the record's `updatedAt`, so the same record gives the same bytes. */
  creationDate?: Date;
  /** UTC offset, in minutes, at which signature dates are printed (default 480, China Standard Time). */
  utcOffsetMinutes?: number;
}

/** The exact text embedded as observation.json (UTF-8): the record as given, pretty-printed. */
export function reportRecordJson(record: ObservationRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** A short deterministic id (32 hex digits) for the PDF trailer, from what identifies the document. */
export function documentId(s: string): string {
  let out = '';
  for (let seed = 0; seed < 4; seed++) {
    out += fnv1a(s, 0x811c9dc5 ^ seed)
      .toString(16)
      .padStart(8, '0');
  }
  return out.toUpperCase();
}

/**
 * Info strings are written by jsPDF as raw UTF-16 in a literal string, where a 0x0D byte
 * (e.g. 不 U+4E0D) would be read back as a line feed: such a value is replaced by `fallback`.
 */
export function infoSafe(value: string, fallback: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff && ((c & 0xff) === 0x0d || c >> 8 === 0x0d)) return fallback;
  }
  return value;
}

function drawTitle(flow: PageFlow, r: ObservationRecord): void {
  const { painter, box } = flow;
  const w = painter.measure(REPORT_TITLE, S.TITLE);
  painter.drawLine(REPORT_TITLE, (box.width - w) / 2, flow.y + 22, S.TITLE);
  flow.y += 40;
  const left = `评分表：${r.template.title}（第 ${r.template.version} 版）`;
  const right = r.status === 'draft' ? '草稿（未定稿）' : r.revision > 1 ? `修订稿（第 ${r.revision} 版）` : '';
  const baseline = PageFlow.baseline(flow.y, S.META.size, 16);
  const rightW = right ? painter.measure(right, S.META) : 0;
  const leftLines = painter.wrap(left, flow.contentWidth - rightW - 16, S.META, false);
  leftLines.forEach((line, i) => painter.drawLine(line.text, box.left, baseline + i * 16, S.META));
  if (right) painter.drawLine(right, box.width - box.right - rightW, baseline, S.META);
  flow.y += 16 * leftLines.length + 6;
}

function heading(flow: PageFlow, n: number, text: string, keep: number, keepsBlock = false): void {
  flow.heading(`${chineseOrdinal(n)}、${text}`, S.HEADING, { lineHeight: S.HEADING_LINE, keep, gapBefore: S.GAP_BEFORE_HEADING, gapAfter: 4, keepsBlock });
}

/** The gaps inside the signature block (before and after its heading, before the note): they shrink with its page's. */
const SIGNATURE_BLOCK_GAPS = S.GAP_BEFORE_HEADING + 4 + 8;

/** The paragraphs of a narrative field ("无。" when empty). */
function paragraphTexts(text: string): string[] {
  const paras = text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((p) => p.replace(/^[\s\u3000]+/, '').replace(/\s+$/, ''))
    .filter(Boolean);
  return paras.length ? paras : ['无。'];
}

/** The paragraphs of a section; the last one keeps its last lines with `keepWithNext` points of what follows. */
function paragraphs(flow: PageFlow, paras: string[], keepWithNext = 0): void {
  paras.forEach((p, i) => flow.paragraph(p, S.BODY, { lineHeight: S.BODY_LINE, indentChars: 2, keepWithNext: i === paras.length - 1 ? keepWithNext : 0 }));
}

/** Render the report of `record`: PDF bytes, or an error saying why not. */
export function renderReport(record: ObservationRecord, fonts: ReportFonts, opts: RenderOptions = {}): Uint8Array {
  const valid = validateRecord(record);
  if (!valid.ok) throw new InvalidRecordError(valid.problems);
  const first = layoutReport(record, valid.value, fonts, opts, null);
  // The signatures just missed the page before: laid out again with that page's gaps shrunk
  // (within MIN_GAP_SCALE), so they share it instead of leaving its foot blank.
  const tight = tightening(first);
  const laid = tight ? layoutReport(record, valid.value, fonts, opts, tight) : first;
  return new Uint8Array(laid.doc.output('arraybuffer'));
}

/** The page to tighten so that the signatures share it, when they missed it by little (see gapScale). */
function tightening(flow: PageFlow): Tightening | null {
  const missed = flow.keepBreak;
  const scale = missed && gapScale(missed.short, missed.gaps + SIGNATURE_BLOCK_GAPS);
  return missed && scale && scale < 1 ? { page: missed.page, scale } : null;
}

/** The report drawn into a new document; `tight`: a page whose gaps shrink. */
function layoutReport(record: ObservationRecord, r: ObservationRecord, fonts: ReportFonts, opts: RenderOptions, tight: Tightening | null): PageFlow {
  const { doc, painter } = openDocument(printedFields(r), fonts);
  const flow = new PageFlow(doc, painter, A4, tight);
  const cw = flow.contentWidth;
  const offset = opts.utcOffsetMinutes ?? 480;

  drawTitle(flow, r);
  drawTable(flow, { columns: columnWidths(HEADER_COLUMNS, cw), rows: headerRows(r), style: S.HEADER_TABLE });

  let n = 1;
  heading(flow, n++, '评分情况', 60);
  drawTable(flow, { columns: columnWidths(SCORE_COLUMNS, cw), header: SCORE_HEADER, rows: scoreRows(r), style: S.SCORE_TABLE });

  heading(flow, n++, '过程记录', 2 * S.BODY_LINE);
  const notes = r.timeline.filter((t) => t.text.trim() || t.time);
  if (notes.length) {
    drawTable(flow, {
      columns: columnWidths([0.12, 0.88], cw),
      rows: notes.map((t) => ({ cells: [{ text: t.time, justify: false }, { text: t.text.trim() }] })),
      style: S.TIMELINE_TABLE,
    });
  } else flow.paragraph('无。', S.BODY, { lineHeight: S.BODY_LINE, indentChars: 2 });

  // The signatures stay together with their heading, on one page, and never open a page: the
  // end of the section before them goes along (GB/T 9704 asks the same of a 署名).
  const observers = observerRows(doc, r.observers, offset);
  const signatures: TableSpec = {
    columns: columnWidths(OBSERVER_COLUMNS, cw),
    header: OBSERVER_HEADER,
    rows: observers,
    style: S.OBSERVER_TABLE,
    keepTogether: true,
  };
  // The table, then the blank band for the digital signatures' boxes (signature-area.ts): one block.
  const signaturesHeight = (observers.length ? tableHeight(flow, signatures) : S.BODY_LINE) + SIGNATURE_AREA_GAP + SIGNATURE_AREA_HEIGHT;
  const note = `注：本记录表的电子记录（记录编号${r.id}，第${r.revision}版）已作为附件${RECORD_ATTACHMENT}嵌入本文件。`;
  const noteStyle = { lineHeight: 16, justify: false };
  const noteHeight = flow.lines(note, S.NOTE, noteStyle).length * noteStyle.lineHeight;
  const signatureBlock = SIGNATURE_BLOCK_GAPS * (tight?.scale ?? 1) + S.HEADING_LINE + signaturesHeight + noteHeight;

  const sections = [
    ['主要做法及亮点', r.narrative.highlights],
    ['存在问题', r.narrative.problems],
    ['意见建议', r.narrative.suggestions],
  ] as const;
  sections.forEach(([title, text], i) => {
    const paras = paragraphTexts(text);
    const keepWithNext = i === sections.length - 1 ? signatureBlock : 0;
    // A last section of one or two lines moves with its heading and the signatures.
    const shortLast = keepWithNext && paras.length === 1 ? flow.lines(paras[0], S.BODY, { indentChars: 2 }).length : 0;
    heading(flow, n++, title, shortLast && shortLast <= 2 ? shortLast * S.BODY_LINE + keepWithNext : 2 * S.BODY_LINE, shortLast > 0 && shortLast <= 2);
    paragraphs(flow, paras, keepWithNext);
  });
  if (!tight && tightening(flow)) return flow; // to be laid out again: the rest would be thrown away

  heading(flow, n++, '巡听人员', signaturesHeight <= flow.pageHeight - 2 * S.HEADING_LINE ? signaturesHeight : S.BODY_LINE * 3);
  if (observers.length) drawTable(flow, signatures);
  else flow.paragraph('（未填写巡听人员）', S.BODY, { lineHeight: S.BODY_LINE });
  flow.y += SIGNATURE_AREA_GAP;
  flow.ensure(SIGNATURE_AREA_HEIGHT);
  markSignatureArea(doc, { page: doc.getCurrentPageInfo().pageNumber, left: flow.box.left, right: flow.box.width - flow.box.right, top: flow.y });
  flow.y += SIGNATURE_AREA_HEIGHT;
  flow.space(8);
  flow.paragraph(note, S.NOTE, noteStyle);

  const appendix = groupAppendix(r);
  if (appendix) {
    flow.heading(`附：${GROUP_APPENDIX_TITLE}`, S.HEADING, { lineHeight: S.HEADING_LINE, keep: 80, gapBefore: S.GAP_BEFORE_HEADING * 2, gapAfter: 4 });
    drawTable(flow, {
      columns: columnWidths(groupColumns(r.group!.independent!.length), cw),
      header: appendix.header,
      rows: appendix.rows,
      style: S.SCORE_TABLE,
    });
    flow.y += 6;
    for (const note of appendix.notes) flow.paragraph(note, S.NOTE, { lineHeight: 16, justify: false });
  }

  numberPages(doc, painter, S.FOOTER);

  const unit = r.unit.name.trim();
  const title = unit ? `${REPORT_TITLE}—${unit}` : REPORT_TITLE;
  const observerNames = r.observers
    .map((o) => o.name.trim())
    .filter(Boolean)
    .join('、');
  doc.setDocumentProperties({
    title: infoSafe(title, REPORT_TITLE),
    subject: infoSafe(`理论学习中心组学习巡听旁听记录（${chineseDate(r.date).trim()}）`, '理论学习中心组学习巡听旁听记录'),
    author: infoSafe(observerNames, ''),
    keywords: 'xunting.observation/1',
    creator: REPORT_CREATOR,
  });
  const created = opts.creationDate ?? new Date(r.updatedAt);
  doc.setCreationDate(created);
  doc.setFileId(documentId(`${r.id}|${r.revision}|${r.updatedAt}`));
  attachFiles(doc, [
    {
      name: RECORD_ATTACHMENT,
      mimeType: 'application/json',
      bytes: new TextEncoder().encode(reportRecordJson(record)),
      description: `巡听旁听记录（${r.unit.name || '未填单位'}，${r.format}，第 ${r.revision} 版）`,
      relationship: 'Data',
      modified: new Date(r.updatedAt),
    },
  ]);
  return flow;
}
