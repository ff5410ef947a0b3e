/**
 * `signPdf`: a PAdES (ETSI.CAdES.detached) signature appended to a PDF as an incremental
 * update. Signing an already signed PDF adds a second field and signature; the first stays
 * valid because its bytes are untouched.
 */
import type { Certificate } from 'pkijs';
import { concatBytes, randomBytes, sha256, toArrayBuffer, toHex } from './bytes';
import { createDetachedCms } from './cms-sign';
import { SignError } from './errors';
import { signAlgorithm } from './keys';
import { nameAttribute, OID_COMMON_NAME } from './name';
import { prepareSignatureUpdate } from './pdf-incremental';
import { importSpkiFromInfo } from './spki';
import { signatureAppearance } from './signature-appearance';

export const DEFAULT_REASON = '巡听旁听情况记录';
/**
 * Bytes reserved for the CMS beyond the size measured for this signer: an ECDSA signature's DER
 * length varies by a few bytes from one signing to the next (leading zeros of r and s); 64
 * covers every curve WebCrypto offers. (A fixed 8192 reserved 16 KB of hex for a ~1,550-byte CMS.)
 */
export const CONTENTS_MARGIN = 64;

export interface SignPdfOptions {
  /** The signer's private key (may be non-extractable). */
  key: CryptoKey;
  certificate: Certificate;
  /** Issuer certificates to include (the CA's), nearest first. */
  chain?: readonly Certificate[];
  /** /Reason (default 巡听旁听情况记录). */
  reason?: string;
  location?: string;
  /** /M (default now). */
  signingTime?: Date;
  /** /Name (default the certificate's CN). */
  name?: string;
  /** Bytes reserved for the CMS (default: this signer's CMS size + CONTENTS_MARGIN). */
  contentsSize?: number;
  /**
   * TrueType faces (the report's Song face first, then its rare-character faces) for the visible
   * box under the 巡听人员 table. Without them, or in a PDF with no room recorded for the box,
   * the signature is invisible (a widget with an empty /Rect on page 1).
   */
  appearanceFonts?: readonly Uint8Array[];
  /** Sign even when the certificate is not valid at `signingTime`. Only tests use this (to build bad files). */
  allowInvalidCertificate?: boolean;
}

async function keyMatchesCertificate(key: CryptoKey, cert: Certificate): Promise<boolean> {
  const probe = randomBytes(32);
  try {
    const sig = await crypto.subtle.sign(signAlgorithm(key), key, toArrayBuffer(probe));
    const pub = await importSpkiFromInfo(cert.subjectPublicKeyInfo);
    if (pub.algorithm.name !== key.algorithm.name) return false;
    return await crypto.subtle.verify(signAlgorithm(pub), pub, sig, toArrayBuffer(probe));
  } catch {
    return false;
  }
}

export async function signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
  const signingTime = opts.signingTime ?? new Date();
  const cert = opts.certificate;
  if (!opts.allowInvalidCertificate) {
    if (signingTime < cert.notBefore.value)
      throw new SignError('certificate-not-valid', `证书尚未生效（${cert.notBefore.value.toISOString().slice(0, 10)} 起有效），不能签名`);
    if (signingTime > cert.notAfter.value)
      throw new SignError('certificate-not-valid', `证书已于 ${cert.notAfter.value.toISOString().slice(0, 10)} 过期，不能签名`);
  }
  if (!(await keyMatchesCertificate(opts.key, cert))) throw new SignError('certificate-mismatch', '私钥与证书不匹配，不能签名');
  // The CMS holds no signing time and a fixed-size digest: one made over a dummy digest has the
  // real one's size, up to the signature's few bytes of variance.
  const contentsSize =
    opts.contentsSize ??
    (await createDetachedCms({ digest: new Uint8Array(32), privateKey: opts.key, certificate: cert, chain: opts.chain })).length + CONTENTS_MARGIN;
  const prepared = prepareSignatureUpdate(pdf, {
    reason: opts.reason ?? DEFAULT_REASON,
    location: opts.location,
    name: opts.name ?? (nameAttribute(cert.subject, OID_COMMON_NAME) || undefined),
    signingTime,
    contentsSize,
    appearance: opts.appearanceFonts?.length ? await signatureAppearance(cert, signingTime, opts.appearanceFonts) : undefined,
  });
  const { bytes, byteRange } = prepared;
  const digest = await sha256(concatBytes(bytes.subarray(byteRange[0], byteRange[1]), bytes.subarray(byteRange[2], byteRange[2] + byteRange[3])));
  const cms = await createDetachedCms({ digest, privateKey: opts.key, certificate: cert, chain: opts.chain });
  if (cms.length > contentsSize) throw new SignError('signature-too-large', `签名数据（${cms.length} 字节）超过预留空间（${contentsSize} 字节）`);
  const hex = toHex(cms).toUpperCase();
  for (let i = 0; i < hex.length; i++) bytes[prepared.contentsOffset + i] = hex.charCodeAt(i);
  return bytes;
}
