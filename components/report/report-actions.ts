import type { ObservationRecord } from '../../utils/record';
import { signingIdentity, type XuntingDB } from '../../utils/db';
import type { Platform } from '../platform';
import { loadReportFonts, loadSignatureFaces } from './report-fonts';

export function reportFileName(r: ObservationRecord, opts: { signed?: boolean } = {}): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return `巡听旁听情况记录表-${safe(r.unit.name) || '未选单位'}-${r.date || '无日期'}-第${r.revision}版${r.status === 'draft' ? '-草稿' : ''}${opts.signed ? '-已签名' : ''}.pdf`;
}

/** Render the record's report in the page (jsPDF loaded on first use). */
export async function makeReport(platform: Platform, record: ObservationRecord): Promise<Uint8Array> {
  const [{ renderReport }, fonts] = await Promise.all([import('../../utils/pdf'), loadReportFonts(platform, record)]);
  return renderReport(record, fonts);
}

/**
 * Sign a PDF with the observer's identity (PAdES, an incremental update): the first signature or
 * a countersignature, with its visible box where the report keeps room for it.
 */
export async function signWithIdentity(platform: Platform, db: XuntingDB, pdf: Uint8Array): Promise<Uint8Array> {
  const id = await signingIdentity(db);
  if (!id) throw new Error('还没有可用的签名身份：请先在设置页生成签名密钥，并导入巡听办签发的证书');
  const { signPdf, certificateInfo } = await import('../../utils/sign');
  const { subject } = await certificateInfo(id.certificate);
  const appearanceFonts = await loadSignatureFaces(platform, [subject.cn, subject.o]);
  return signPdf(pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain, appearanceFonts });
}
