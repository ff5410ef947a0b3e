/**
 * The report fonts' files in public/fonts (built by `npm run fonts`), and their coverage table.
 * A file of its own so the side panel can name them without loading jsPDF.
 */
export const FONT_FILES = {
  regular: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
  ext: 'NotoSerifSC-Ext.ttf',
  coverage: 'coverage.json',
} as const;
