import type { FontCoverage, ReportFonts } from '../../utils/pdf';
import type { ObservationRecord } from '../../utils/record';
import type { Coverage } from '../../utils/coverage';
import type { RubricTemplate } from '../../utils/rubric';
import type { Platform } from '../platform';
import { FONT_FILES } from '../../utils/pdf/font-files';

// Fonts are big (2.8 MB a weight, 9.8 MB for rare characters): fetch each once per page.
const cache = new Map<string, Promise<Uint8Array>>();
let coverage: Promise<FontCoverage> | null = null;

function asset(platform: Platform, path: string): Promise<Uint8Array> {
  let p = cache.get(path);
  if (!p) {
    p = platform.loadAsset(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

/** Which characters the report fonts can print (public/fonts/coverage.json). */
export function loadCoverage(platform: Platform): Promise<FontCoverage> {
  coverage ??= (async () => {
    const { parseCoverage } = await import('../../utils/pdf');
    return parseCoverage(JSON.parse(new TextDecoder().decode(await asset(platform, `fonts/${FONT_FILES.coverage}`))));
  })();
  coverage.catch(() => (coverage = null));
  return coverage;
}

/** The fonts a record's report needs: regular and bold always, the rare-character face only when used. */
export async function loadReportFonts(platform: Platform, record: ObservationRecord): Promise<ReportFonts> {
  const { needsExtFont, needsSipFont } = await import('../../utils/pdf');
  const cov = await loadCoverage(platform);
  return fontsWith(platform, cov, needsExtFont(record, cov), needsSipFont(record, cov));
}

/** The fonts a coverage summary needs (the rare-character face only when a unit or name uses one). */
export async function loadSummaryFonts(platform: Platform, coverage: Coverage, extra: { organisation?: string } = {}): Promise<ReportFonts> {
  const { fieldsNeedExtFont, fieldsNeedSipFont, summaryFields } = await import('../../utils/pdf');
  const cov = await loadCoverage(platform);
  const fields = summaryFields(coverage, extra);
  return fontsWith(platform, cov, fieldsNeedExtFont(fields, cov), fieldsNeedSipFont(fields, cov));
}

async function fontsWith(platform: Platform, cov: FontCoverage, withExt: boolean, withSip: boolean): Promise<ReportFonts> {
  const [regular, bold, ext, sip] = await Promise.all([
    asset(platform, `fonts/${FONT_FILES.regular}`),
    asset(platform, `fonts/${FONT_FILES.bold}`),
    withExt ? asset(platform, `fonts/${FONT_FILES.ext}`) : Promise.resolve(null),
    // names beyond the BMP (CJK Extension B and later), 2.4 MB
    withSip ? asset(platform, `fonts/${FONT_FILES.sip}`) : Promise.resolve(null),
  ]);
  return {
    regular: { name: FONT_FILES.regular, bytes: regular },
    bold: { name: FONT_FILES.bold, bytes: bold },
    ext: ext && { name: FONT_FILES.ext, bytes: ext },
    sip: sip && { name: FONT_FILES.sip, bytes: sip },
    coverage: cov,
  };
}

/** The faces a signature's visible box needs to print the signer's name and unit (utils/pdf signatureFaces). */
export async function loadSignatureFaces(platform: Platform, names: readonly string[]): Promise<Uint8Array[]> {
  const { fieldsNeedExtFont, fieldsNeedSipFont, signatureFaces } = await import('../../utils/pdf');
  const cov = await loadCoverage(platform);
  const fields = names.map((text) => ({ field: '签名人', path: '$', text }));
  return signatureFaces(await fontsWith(platform, cov, fieldsNeedExtFont(fields, cov), fieldsNeedSipFont(fields, cov)));
}

/** The fonts a template's blank 评分表 needs. */
export async function loadSheetFonts(platform: Platform, template: RubricTemplate): Promise<ReportFonts> {
  const { fieldsNeedExtFont, fieldsNeedSipFont } = await import('../../utils/pdf');
  const { sheetFields } = await import('../../utils/template-publish');
  const cov = await loadCoverage(platform);
  const fields = sheetFields(template);
  return fontsWith(platform, cov, fieldsNeedExtFont(fields, cov), fieldsNeedSipFont(fields, cov));
}
