/**
 * Reading a published 评分表 back: the strict report verifier (utils/sign) with `rubric.json`
 * as the embedded content, so the template is read from the signed revision only and only when
 * every signature verifies, covers the whole file and chains to a trusted CA. No jsPDF here.
 */
import { RUBRIC_ATTACHMENT, validateTemplate, type RubricTemplate } from '../rubric';
import { verifyPdf, type EmbeddedContent, type TrustStore, type Verdict } from '../sign';

const RUBRIC_CONTENT: EmbeddedContent<RubricTemplate> = { name: RUBRIC_ATTACHMENT, what: '评分表模板', validate: validateTemplate };

export type SheetVerdict =
  | {
      ok: true;
      template: RubricTemplate;
      /** The exact rubric.json text as signed. */
      json: string;
      /** Who published it (the last signer) and when (ISO; null when the signature states no time). */
      signer: { cn: string; o: string; fingerprint: string };
      publishedAt: string | null;
      verdict: Verdict<RubricTemplate>;
    }
  | { ok: false; code: NonNullable<Verdict['code']>; reason: string; verdict: Verdict<RubricTemplate> };

export async function verifyRubricSheet(bytes: Uint8Array, trust: TrustStore, now?: Date): Promise<SheetVerdict> {
  const verdict = await verifyPdf(bytes, { trust, now, embedded: RUBRIC_CONTENT });
  if (!verdict.ok || !verdict.record || verdict.recordJson === undefined) {
    return { ok: false, code: verdict.code ?? 'record-missing', reason: verdict.reason ?? '文件中没有评分表模板', verdict };
  }
  const last = verdict.signatures[verdict.signatures.length - 1];
  return { ok: true, template: verdict.record, json: verdict.recordJson, signer: last.signer!, publishedAt: last.signingTime, verdict };
}
