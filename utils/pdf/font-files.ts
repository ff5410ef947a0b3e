/**
 * The report fonts' files in public/fonts (built by `npm run fonts`), and their coverage table.
 * A file of its own so the side panel can name them without loading jsPDF.
 */
export const FONT_FILES = {
  regular: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
  ext: 'NotoSerifSC-Ext.ttf',
  /** CJK Extension B and later (names beyond the BMP), loaded only when a record needs it. */
  sip: 'HanaMinSIP.ttf',
  coverage: 'coverage.json',
} as const;
