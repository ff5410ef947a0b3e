/** Publishing a template: its blank 评分表 rendered and signed (PAdES) by the supervisor's identity. */
import type { RubricTemplate } from '../rubric';
import type { ReportFonts } from '../pdf/fonts';
import { signPdf, type Identity } from '../sign';
import { renderRubricSheet } from './render-sheet';

/** /Reason of a published 评分表's signature. */
const PUBLISH_REASON = '发布巡听旁听评分表';

export async function publishRubricSheet(template: RubricTemplate, fonts: ReportFonts, identity: Identity, publishedAt = new Date()): Promise<Uint8Array> {
  const pdf = renderRubricSheet(template, fonts, { publishedAt });
  return signPdf(pdf, { key: identity.privateKey, certificate: identity.certificate, chain: identity.chain, reason: PUBLISH_REASON, signingTime: publishedAt });
}
