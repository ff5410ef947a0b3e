/**
 * What a signature's visible box says, from the certificate that signs: "数字签名：" and the
 * signer (CN), the unit (O, then OU), the signing time at UTC+8 (the time /M holds) and the first 16
 * hex digits of the certificate's SHA-256 fingerprint, marked as cut with "…" (the fingerprint the verifier, the inbox
 * and `xunting verify` print, so a reader can match the box to a certificate).
 */
import type { Certificate } from 'pkijs';
import { certificateDer } from './certificate';
import { sha256, toHex } from './bytes';
import { nameAttribute, OID_COMMON_NAME, OID_ORGANIZATION } from './name';
import { signatureBox, type BoxLine } from '../pdf/signature-box';
import type { AppearanceBuilder } from './pdf-incremental';

const OID_ORGANIZATIONAL_UNIT = '2.5.4.11';
/** China Standard Time, the time every date in a report is printed in. */
const UTC_OFFSET_MINUTES = 480;
/** Hex digits of the fingerprint shown. */
const FINGERPRINT_DIGITS = 16;

/** `2026-12-03 15:04 (UTC+8)`. */
function boxTime(d: Date): string {
  const t = new Date(d.getTime() + UTC_OFFSET_MINUTES * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())} (UTC+8)`;
}

async function signatureBoxLines(cert: Certificate, signingTime: Date): Promise<BoxLine[]> {
  const unit = [nameAttribute(cert.subject, OID_ORGANIZATION), nameAttribute(cert.subject, OID_ORGANIZATIONAL_UNIT)].filter(Boolean).join(' ');
  const fp = toHex(await sha256(certificateDer(cert)))
    .toUpperCase()
    .slice(0, FINGERPRINT_DIGITS);
  return [
    { text: `数字签名：${nameAttribute(cert.subject, OID_COMMON_NAME) || '（证书无姓名）'}`, size: 8 },
    ...(unit ? [{ text: `单位：${unit}` }] : []),
    { text: `时间：${boxTime(signingTime)}` },
    { text: `SHA-256指纹：${fp}…` },
  ];
}

/** The box for `signPdf`, drawn with `fonts` (TrueType faces, tried in order for each character). */
export async function signatureAppearance(cert: Certificate, signingTime: Date, fonts: readonly Uint8Array[]): Promise<AppearanceBuilder> {
  const lines = await signatureBoxLines(cert, signingTime);
  return (width, height, next) => signatureBox(lines, fonts, width, height, next);
}
