/**
 * The shipped Noto Serif SC (public/fonts, the report's fonts) as the last CJK fallback of the
 * UI, so a machine without Chinese system fonts shows Chinese, not boxes. styles.css names
 * SHIPPED_UI_FONT after the system CJK faces; the browser fetches the file only when a
 * character in the unicode-range is not covered by an earlier face.
 *
 * Installed on the document, not in a shadow root: Chromium ignores @font-face rules inside
 * shadow DOM styles, and the micro-frontend's fonts sit beside its module (a URL known only at
 * run time), where the extension's sit at /fonts/.
 */
const SHIPPED_UI_FONT = 'Xunting Noto Serif SC';

const FILES = [
  { weight: 400, file: 'NotoSerifSC-Regular.ttf' },
  { weight: 700, file: 'NotoSerifSC-Bold.ttf' },
];
/** What the shipped fonts are for: CJK punctuation and ideographs, fullwidth forms, Chinese quotes and dashes. */
const CJK_RANGE = 'U+2010-2027, U+2030-203B, U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FF00-FFEF';

function fontFaceCss(fontsBase: string): string {
  return FILES.map(
    ({ weight, file }) =>
      `@font-face { font-family: "${SHIPPED_UI_FONT}"; src: url("${fontsBase}${file}") format("truetype"); font-weight: ${weight}; font-style: normal; font-display: swap; unicode-range: ${CJK_RANGE}; }`,
  ).join('\n');
}

/** Add the @font-face rules to `doc` once (later calls do nothing). */
export function installFontFaces(doc: Document, fontsBase: string): void {
  const id = 'xunting-font-faces';
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = fontFaceCss(fontsBase);
  doc.head.append(style);
}
