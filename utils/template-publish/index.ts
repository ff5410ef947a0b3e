/**
 * utils/template-publish: a rubric template published as a signed, printable 评分表 PDF with
 * the template embedded as rubric.json, and read back through the strict verifier.
 * `read-sheet` does not load jsPDF: importers that only verify can import it directly.
 */
export { renderRubricSheet, rubricJson } from './render-sheet';
export { publishRubricSheet } from './publish';
export { verifyRubricSheet } from './read-sheet';
export { InvalidTemplateError } from './errors';
export { sheetFields } from './sheet-fields';
