/**
 * The coverage summary (巡听旁听工作情况汇总): a Coverage printed as an official A4 document
 * with the same fonts, table layout, line breaking and page flow as the observation report.
 *
 *   title, organisation and the date it was generated
 *   一、总体情况   figures, and a paragraph saying them in words
 *   二、月度进度   two vector charts (per month; cumulative) and the figures by month
 *   三、等次分布  四、各部分得分率   tables with horizontal bars
 *   五、单位明细   every unit, the header repeated on every page
 *   六、未覆盖单位  七、计划未完成  八、优秀案例候选  九、数据问题 (when there are any)
 *
 * Pure: bytes out, no Buffer, no fs. The same coverage with the same `generatedAt` gives the
 * same bytes. Characters no font has stop the render (UnprintableError), as for the report.
 */
import { templateUsesText, type Coverage } from '../coverage';
import { type ReportFonts } from './fonts';
import { A4, numberPages, PageFlow } from './page-flow';
import { drawTable, tableHeight, type TableSpec } from './layout-table';
import { chineseDate, chineseOrdinal, isoDateAt } from './format';
import { documentId, infoSafe, REPORT_CREATOR } from './render-report';
import { summaryFields } from './summary-fields';
import { summarySentence } from './summary-sentence';
import { figuresTable, notCoveredTable, plannedNotObservedTable, problemsTable, topTable, unitTable } from './summary-rows';
import { gradeTable, monthTables, sectionTable } from './summary-stats';
import { chartHeight, drawCumulativeChart, drawMonthlyChart, tableCaption, tableStartHeight, TABLE_START_ROWS } from './summary-charts';
import { consistencyObserverTable, consistencySectionTable } from './consistency-rows';
import * as S from './report-style';
import { openDocument } from './open-document';

const SUMMARY_TITLE = '巡听旁听工作情况汇总';

export interface SummaryOptions {
  /** Default `${coverage.label}巡听旁听工作情况汇总`, e.g. 2026 年度巡听旁听工作情况汇总. */
  title?: string;
  /** The supervising body, printed under the title (e.g. 锡林郭勒盟直属机关工委). */
  organisation?: string;
  /** When the figures were taken: printed as the date (China Standard Time) and the PDF creation date. Default now. */
  generatedAt?: Date;
}

/**
 * The title, centred: on one line when it fits, else each of `parts` (the scope, then
 * 巡听旁听工作情况汇总) on lines of its own, so a line never ends in the middle of a word.
 */
function drawTitle(flow: PageFlow, parts: string[], organisation: string, dateLine: string): void {
  const { painter, box } = flow;
  const whole = parts.join('');
  const lines = (painter.measure(whole, S.TITLE) <= flow.contentWidth ? [whole] : parts).flatMap((p) => painter.wrap(p, flow.contentWidth, S.TITLE, false));
  flow.y += 4;
  for (const line of lines) {
    painter.drawLine(line.text, box.left + (flow.contentWidth - line.width) / 2, flow.y + 22, S.TITLE);
    flow.y += 32;
  }
  flow.y += 6;
  const meta = [organisation, dateLine].filter(Boolean).join('\u3000\u3000');
  const metaLines = painter.wrap(meta, flow.contentWidth, S.META, false);
  for (const line of metaLines) {
    painter.drawLine(line.text, box.left + (flow.contentWidth - line.width) / 2, PageFlow.baseline(flow.y, S.META.size, 16), S.META);
    flow.y += 16;
  }
  flow.y += 6;
}

/** Render the coverage summary: PDF bytes, or an error saying why not. */
export function renderCoverageSummary(coverage: Coverage, fonts: ReportFonts, opts: SummaryOptions = {}): Uint8Array {
  const given = opts.title?.trim();
  const titleParts = given ? [given] : [coverage.label, SUMMARY_TITLE];
  const title = titleParts.join('');
  const organisation = opts.organisation?.trim() ?? '';
  const generatedAt = opts.generatedAt ?? new Date();
  const asOfIso = isoDateAt(generatedAt.toISOString());
  const asOf = chineseDate(asOfIso);

  const fields = summaryFields(coverage, { title, organisation });
  const { doc, painter } = openDocument(fields, fonts);
  const flow = new PageFlow(doc, painter, A4);
  const cw = flow.contentWidth;

  let n = 1;
  const heading = (text: string, keep: number) =>
    flow.heading(`${chineseOrdinal(n++)}、${text}`, S.HEADING, { lineHeight: S.HEADING_LINE, keep, gapBefore: S.GAP_BEFORE_HEADING, gapAfter: 4 });
  const body = (text: string) => flow.paragraph(text, S.BODY, { lineHeight: S.BODY_LINE, indentChars: 2 });
  const note = (text: string) => flow.paragraph(text, S.NOTE, { lineHeight: 16, justify: false });
  // Tables are numbered like the charts (图1 …): 表1 …, the caption above the table.
  let tableNo = 1;
  /** What must fit for a table to start here (tableStartHeight). */
  const startHeight = (spec: TableSpec) => {
    const rows = spec.keepTogether ? spec.rows : spec.rows.slice(0, TABLE_START_ROWS);
    const rowHeights = rows.map((row) => tableHeight(flow, { ...spec, header: undefined, rows: [row] }));
    return tableStartHeight(tableHeight(flow, { ...spec, rows: [] }), rowHeights, spec.keepTogether);
  };
  const captioned = (caption: string, spec: TableSpec) => {
    flow.ensure(startHeight(spec));
    tableCaption(flow, `表${tableNo++}\u3000${caption}`);
    drawTable(flow, spec);
  };
  /** A table under its heading: the heading stays with the caption, the header row and the first rows. */
  const table = (heading_: string, spec: TableSpec | null, empty: string, caption = heading_) => {
    heading(heading_, spec ? startHeight(spec) : 2 * S.BODY_LINE);
    if (spec && spec.rows.length) captioned(caption, spec);
    else body(empty);
  };

  drawTitle(flow, titleParts, organisation, `生成日期：${asOf}`);

  heading('总体情况', 120);
  captioned('主要数据', figuresTable(coverage, cw));
  flow.y += 8;
  body(summarySentence(coverage, asOf));

  heading('月度进度', chartHeight(coverage));
  drawMonthlyChart(flow, coverage, '图 1　各月计划巡听与新覆盖单位数');
  flow.y += 6;
  drawCumulativeChart(flow, coverage, asOfIso.slice(0, 7), '图 2　累计计划与累计覆盖单位数');
  flow.y += 6;
  for (const spec of monthTables(coverage, cw)) {
    captioned('各月计划巡听与覆盖情况', { ...spec, keepTogether: true });
    flow.y += 6;
  }
  note('注：“计划巡听”为当月计划条目数；“新覆盖”为当月首次巡听的单位数；“巡听场次”含同一单位的多次巡听。');

  table('等次分布', coverage.grades.length ? gradeTable(doc, coverage, cw) : null, '尚无巡听记录。');
  table('各部分得分率', coverage.sections.length ? sectionTable(doc, coverage, cw) : null, '尚无评分记录。');
  if (coverage.sections.length) note('注：得分率为各场巡听中该部分实得分占应评满分的比例的平均值，由低到高排列；各部分按编号跨版本对应，名称取最新版本。');
  if (coverage.templates.length) note(`${templateUsesText(coverage.templates)}。`);

  if (coverage.consistency.groupSessions > 0) {
    table('评分一致性', consistencyObserverTable(coverage, cw), '');
    note(
      `注：据 ${coverage.consistency.groupSessions} 场组员独立评分后合议的巡听。平均偏离为每项本人评分与组定分之差的绝对值的平均；平均偏差为正表示评分偏宽，为负表示偏严；分歧项数为其中极差超过该项满分四分之一的项数。`,
    );
    flow.y += 6;
    drawTable(flow, consistencySectionTable(coverage, cw));
    note('注：各部分按组员评分的平均极差（占该项满分的比例）由大到小排列，越靠前分歧越大。');
  }

  table('单位明细', coverage.units.length ? unitTable(coverage, painter, cw) : null, '单位名单为空。');
  if (coverage.units.length) note('注：得分为折合百分制；一个单位巡听多次的，列出各次日期，得分和等次取最近一次。');

  table('未覆盖单位', coverage.notCovered.length ? notCoveredTable(coverage, painter, cw) : null, '在册单位已全部覆盖。');
  table(
    '计划未完成',
    coverage.plannedNotObserved.length ? plannedNotObservedTable(coverage, painter, cw) : null,
    coverage.totals.planned
      ? coverage.plannedPending.length
        ? `没有逾期未巡听的计划单位；另有${coverage.plannedPending.length}个单位计划月份未到，待巡听。`
        : '计划单位已全部巡听。'
      : '本期尚无巡听计划。',
    '计划未完成单位',
  );
  table('优秀案例候选', coverage.top.length ? topTable(coverage, painter, cw) : null, '尚无评定为优秀的巡听。');
  if (coverage.problems.length) {
    table('数据问题', problemsTable(coverage, painter, cw), '');
    note('注：请逐条核对以上问题，必要时更正单位名单或记录后重新汇总。');
  }

  numberPages(doc, painter, S.FOOTER);

  doc.setDocumentProperties({
    title: infoSafe(title, SUMMARY_TITLE),
    subject: infoSafe(`巡听旁听覆盖情况（截至${asOf}）`, '巡听旁听覆盖情况'),
    author: infoSafe(organisation, ''),
    keywords: 'xunting.coverage',
    creator: REPORT_CREATOR,
  });
  doc.setCreationDate(generatedAt);
  doc.setFileId(documentId(`${title}|${organisation}|${generatedAt.toISOString()}|${JSON.stringify(coverage)}`));
  return new Uint8Array(doc.output('arraybuffer'));
}
