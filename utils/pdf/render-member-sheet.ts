/**
 * The 组员独立评分表: one member's own scores for a session, on one page, with their record
 * embedded as `observation.json` (marked `group.role: "member"`), to be signed and handed to the
 * group's lead. It is not a report: the inbox refuses it (utils/collect).
 *
 * Same machinery as the report: validation, glyph check, the score table, the attachment.
 */
import { validateRecord, type ObservationRecord } from '../record';
import { type ReportFonts } from './fonts';
import { InvalidRecordError } from './errors';
import { A4, numberPages, PageFlow } from './page-flow';
import { columnWidths, drawTable } from './layout-table';
import { scoreRows, SCORE_COLUMNS, SCORE_HEADER } from './score-rows';
import { attachFiles } from './embed-file';
import { chineseDate, timeSpan } from './format';
import { documentId, infoSafe, REPORT_CREATOR, reportRecordJson } from './render-report';
import { RECORD_ATTACHMENT } from '../record';
import * as S from './report-style';
import { openDocument } from './open-document';
import { printedFields } from './printed-fields';

const MEMBER_SHEET_TITLE = '组员独立评分表';

/** Smaller than the report's score table, so the default template's 23 items fit one page. */
const SHEET_TABLE = { ...S.SCORE_TABLE, text: { size: 8.5 }, lineHeight: 11, padY: 1.5, padX: 4 };
const SHEET_HEADER = { ...S.HEADER_TABLE, text: { size: 10 }, lineHeight: 14, padY: 2.5 };

/** Render `record` (a member's, finalised) as the 独立评分表: PDF bytes, or an error saying why not. */
export function renderMemberSheet(record: ObservationRecord, fonts: ReportFonts): Uint8Array {
  const valid = validateRecord(record);
  if (!valid.ok) throw new InvalidRecordError(valid.problems);
  const r = valid.value;
  if (r.group?.role !== 'member') throw new InvalidRecordError([{ path: '$.group.role', message: '独立评分表只能由组员的记录生成（group.role 须为 member）' }]);
  if (r.status !== 'final') throw new InvalidRecordError([{ path: '$.status', message: '独立评分须先定稿再提交' }]);
  const { doc, painter } = openDocument(printedFields(r), fonts);
  const box = { ...A4, top: 36, bottom: 44 };
  const flow = new PageFlow(doc, painter, box);
  const cw = flow.contentWidth;

  const title = { size: 18, bold: true };
  painter.drawLine(MEMBER_SHEET_TITLE, (box.width - painter.measure(MEMBER_SHEET_TITLE, title)) / 2, flow.y + 18, title);
  flow.y += 30;
  const label = (text: string) => ({ text, align: 'center' as const });
  drawTable(flow, {
    columns: columnWidths([0.17, 0.37, 0.15, 0.31], cw),
    rows: [
      { cells: [label('被巡听单位'), { text: r.unit.name, span: 3 }] },
      {
        cells: [
          label('时间'),
          { text: [chineseDate(r.date), timeSpan(r.startTime, r.endTime)].filter(Boolean).join(' ') },
          label('评分人'),
          { text: `${r.group.member}（组员）` },
        ],
      },
      { cells: [label('评分表'), { text: `${r.template.title}（第 ${r.template.version} 版）`, span: 3 }] },
    ],
    style: SHEET_HEADER,
  });
  flow.y += 6;
  drawTable(flow, { columns: columnWidths(SCORE_COLUMNS, cw), header: SCORE_HEADER, rows: scoreRows(r), style: SHEET_TABLE });
  flow.y += 6;
  flow.paragraph(
    `注：本表是组员在合议前独立作出的评分，交组长汇总对照，不是巡听报告。评分人的电子记录（记录编号 ${r.id}）已作为附件 ${RECORD_ATTACHMENT} 嵌入本文件，由评分人数字签名。`,
    { size: 9 },
    { lineHeight: 13, justify: false },
  );
  if (doc.getNumberOfPages() > 1) numberPages(doc, painter, { size: 9 }, box);

  doc.setDocumentProperties({
    title: infoSafe(`${MEMBER_SHEET_TITLE}—${r.unit.name}—${r.group.member}`, MEMBER_SHEET_TITLE),
    subject: infoSafe(`理论学习中心组学习巡听组员独立评分（${chineseDate(r.date).trim()}）`, MEMBER_SHEET_TITLE),
    author: infoSafe(r.group.member, ''),
    keywords: 'xunting.observation/1 group-member',
    creator: REPORT_CREATOR,
  });
  doc.setCreationDate(new Date(r.updatedAt));
  doc.setFileId(documentId(`${r.id}|${r.revision}|${r.updatedAt}|member`));
  attachFiles(doc, [
    {
      name: RECORD_ATTACHMENT,
      mimeType: 'application/json',
      bytes: new TextEncoder().encode(reportRecordJson(record)),
      description: `组员独立评分（${r.group.member}，${r.unit.name}，${r.format}）`,
      relationship: 'Data',
      modified: new Date(r.updatedAt),
    },
  ]);
  return new Uint8Array(doc.output('arraybuffer'));
}
