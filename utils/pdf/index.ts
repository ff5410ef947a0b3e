/**
 * utils/pdf: the 巡听旁听情况记录表 as a PDF (jsPDF), with the record embedded.
 * Node-only font loading lives in `./node-fonts` (not exported here, so browsers never see `fs`).
 */
export { renderReport, reportRecordJson, REPORT_TITLE, EMBEDDED_RECORD_NAME, REPORT_CREATOR } from './render-report';
export type { RenderOptions } from './render-report';
export { checkFontBytes, checkReportFonts, FontError } from './fonts';
export type { FontFile, ReportFonts } from './fonts';
export { findUnprintable, findUnprintableFields, fieldsNeedExtFont, formatUnprintable, describeChar, needsExtFont, parseCoverage, fontFor } from './glyph-check';
export type { FontCoverage, CodeRanges, UnprintableField } from './glyph-check';
export { printedFields } from './printed-fields';
export type { PrintedField } from './printed-fields';
export { InvalidRecordError, UnprintableError, SignatureImageError } from './errors';
export { breakLines, justifyLines } from './line-break';
export { renderMemberSheet } from './render-member-sheet';
export { renderCoverageSummary, summaryTitle, SUMMARY_TITLE } from './render-summary';
export type { SummaryOptions } from './render-summary';
export { summaryFields } from './summary-fields';
export { summarySentence } from './summary-sentence';
