/**
 * utils/pdf: the 巡听旁听情况记录表 as a PDF (jsPDF), with the record embedded.
 * Node-only font loading lives in `cli/node-fonts.ts` (not exported here, so browsers never see `fs`).
 */
export { renderReport, reportRecordJson, REPORT_TITLE, REPORT_CREATOR } from './render-report';
export { checkFontBytes, FontError, signatureFaces } from './fonts';
export { FONT_FILES } from './font-files';
export type { FontFile, ReportFonts } from './fonts';
export { findUnprintable, fieldsNeedExtFont, fieldsNeedSipFont, describeChar, needsExtFont, needsSipFont, parseCoverage, fontFor } from './glyph-check';
export type { FontCoverage } from './glyph-check';
export { printedFields } from './printed-fields';
export type { PrintedField } from './printed-fields';
export { InvalidRecordError, UnprintableError, SignatureImageError } from './errors';
export { renderMemberSheet } from './render-member-sheet';
export { renderCoverageSummary } from './render-summary';
export { summaryFields } from './summary-fields';
export { summarySentence } from './summary-sentence';
