/**
 * The blank printable 评分表 of a rubric template: what an observer can print and fill in on
 * paper, with the template itself embedded as `rubric.json` (xunting.rubric/1) for the tools.
 *
 *   title; 第 N 版, the publishing date and the template id; the description
 *   被巡听单位 / 巡听日期 blanks
 *   the table: sections, items with 测评细则, maximum and step, blank 得分 and 说明 columns;
 *   合计 and 等次 (the grade bands)
 *   巡听人员签名 / 日期 blanks
 *
 * Pure (bytes out, no fs), same fonts, table layout and line breaking as the report. An invalid
 * template (InvalidTemplateError) or characters no font has (UnprintableError) stop the render.
 */
import { RUBRIC_ATTACHMENT, validateTemplate, type RubricTemplate } from '../rubric';
import { type ReportFonts } from '../pdf/fonts';
import { A4, numberPages, PageFlow } from '../pdf/page-flow';
import { columnWidths, drawTable } from '../pdf/layout-table';
import { attachFiles } from '../pdf/embed-file';
import { chineseDate, isoDateAt } from '../pdf/format';
import { documentId, infoSafe, REPORT_CREATOR } from '../pdf/render-report';
import * as S from '../pdf/report-style';
import { InvalidTemplateError } from './errors';
import { sheetFields } from './sheet-fields';
import { SHEET_COLUMNS, SHEET_HEADER, sheetRows } from './sheet-rows';
import { openDocument } from '../pdf/open-document';

export interface SheetOptions {
  /** The publishing date printed on the sheet and the PDF creation date (default now). */
  publishedAt?: Date;
}

/** The exact text embedded as rubric.json: the validated template, pretty-printed. */
export function rubricJson(t: RubricTemplate): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}

/** Render the blank 评分表 of `template`: PDF bytes, or an error saying why not. */
export function renderRubricSheet(template: RubricTemplate, fonts: ReportFonts, opts: SheetOptions = {}): Uint8Array {
  const valid = validateTemplate(template);
  if (!valid.ok) throw new InvalidTemplateError(valid.problems);
  const t = valid.value;
  const fields = sheetFields(t);
  const publishedAt = opts.publishedAt ?? new Date();
  const date = chineseDate(isoDateAt(publishedAt.toISOString()));

  const { doc, painter } = openDocument(fields, fonts);
  const flow = new PageFlow(doc, painter, A4);
  const cw = flow.contentWidth;
  const { box } = flow;

  for (const line of painter.wrap(t.title, cw, S.TITLE, false)) {
    painter.drawLine(line.text, box.left + (cw - line.width) / 2, flow.y + 22, S.TITLE);
    flow.y += 32;
  }
  flow.y += 4;
  const meta = `第 ${t.version} 版\u3000\u3000发布日期：${date}\u3000\u3000模板编号：${t.id}`;
  for (const line of painter.wrap(meta, cw, S.META, false)) {
    painter.drawLine(line.text, box.left + (cw - line.width) / 2, PageFlow.baseline(flow.y, S.META.size, 16), S.META);
    flow.y += 16;
  }
  flow.y += 8;
  if (t.description?.trim()) {
    flow.paragraph(t.description.trim(), S.NOTE, { lineHeight: 16, indentChars: 2, gapAfter: 8 });
  }
  drawTable(flow, {
    columns: columnWidths([0.15, 0.45, 0.15, 0.25], cw),
    rows: [
      { cells: [{ text: '被巡听单位', align: 'center' }, { text: '' }, { text: '巡听日期', align: 'center' }, { text: '    年   月   日', align: 'center' }] },
    ],
    style: S.HEADER_TABLE,
  });
  flow.y += 8;
  drawTable(flow, { columns: columnWidths(SHEET_COLUMNS, cw), header: SHEET_HEADER, rows: sheetRows(t), style: S.SCORE_TABLE });
  flow.y += 8;
  drawTable(flow, {
    columns: columnWidths([0.15, 0.45, 0.15, 0.25], cw),
    rows: [
      {
        minHeight: S.SIGNATURE_ROW_HEIGHT,
        cells: [{ text: '巡听人员签名', align: 'center' }, { text: '' }, { text: '日期', align: 'center' }, { text: '    年   月   日', align: 'center' }],
      },
    ],
    style: S.OBSERVER_TABLE,
    keepTogether: true,
  });
  flow.y += 8;
  flow.paragraph(
    `注：本评分表的电子模板（${t.id}，第 ${t.version} 版）已作为附件 ${RUBRIC_ATTACHMENT} 嵌入本文件；扣分项填写扣除的分数，不适用的项目不计入得分和满分，总分按 100 分折算。`,
    S.NOTE,
    {
      lineHeight: 16,
      justify: false,
    },
  );
  numberPages(doc, painter, S.FOOTER);

  doc.setDocumentProperties({
    title: infoSafe(t.title, '评分表'),
    subject: infoSafe(`${t.title}（第 ${t.version} 版）`, '巡听旁听评分表'),
    keywords: t.format,
    creator: REPORT_CREATOR,
  });
  doc.setCreationDate(publishedAt);
  doc.setFileId(documentId(`${t.id}|${t.version}|${publishedAt.toISOString()}`));
  attachFiles(doc, [
    {
      name: RUBRIC_ATTACHMENT,
      mimeType: 'application/json',
      bytes: new TextEncoder().encode(rubricJson(t)),
      description: `评分表模板（${t.format}，${t.id}，第 ${t.version} 版）`,
      relationship: 'Data',
      modified: publishedAt,
    },
  ]);
  return new Uint8Array(doc.output('arraybuffer'));
}
