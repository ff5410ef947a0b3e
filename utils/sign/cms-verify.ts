/**
 * Checking a PDF signature's CMS: it must be a detached SignedData with one signer, whose
 * messageDigest attribute equals the hash of the signed bytes and whose signature over the
 * signed attributes verifies with the signer certificate's key (WebCrypto). The certificate
 * chain and trust are checked elsewhere (chain.ts).
 */
import * as asn1js from 'asn1js';
import type { Certificate } from 'pkijs';
import { bytesEqual, cryptoInput, toArrayBuffer } from './bytes';
import { certificateDer, extension, OID_SUBJECT_KEY_ID } from './certificate';
import { MAX_CMS_CERTIFICATES, parseSignedData, type ParsedSignerInfo } from './cms-parse';
import { OID_CONTENT_TYPE, OID_DATA, OID_MESSAGE_DIGEST, OID_SIGNING_CERT_V2, OID_SIGNING_TIME } from './cms-sign';
import { CURVE_SIZE, ecdsaDerToRaw } from './ecdsa-der';
import { nameDer } from './name';
import { importSpkiFromInfo } from './spki';

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
/** Signature algorithm OID → the hash it implies ('' = take the digest algorithm's). */
const EC_SIGS: Record<string, string> = {
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
  '1.2.840.10045.2.1': '',
};
const RSA_SIGS: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
  '1.2.840.113549.1.1.1': '',
};

export type CmsProblem = 'cms-invalid' | 'not-detached' | 'digest-mismatch' | 'signature-invalid';

export interface CmsCheck {
  problem?: CmsProblem;
  /** Chinese, when there is a problem. */
  reason?: string;
  signer?: Certificate;
  /** Every certificate the CMS carries. */
  certificates: Certificate[];
  /** The signingTime signed attribute, if the signer added one (PAdES prefers /M). */
  signingTime?: Date;
  /** messageDigest matches the signed bytes AND the signature over the attributes verifies. */
  digestValid: boolean;
}

const fail = (problem: CmsProblem, reason: string, rest: Partial<CmsCheck> = {}): CmsCheck => ({
  problem,
  reason,
  certificates: [],
  digestValid: false,
  ...rest,
});

function attributeValue(si: ParsedSignerInfo, type: string): asn1js.BaseBlock | undefined {
  const values = si.attributes.get(type);
  return values?.length === 1 ? values[0] : undefined;
}

function findSigner(si: ParsedSignerInfo, certs: Certificate[]): Certificate | undefined {
  const sid = si.sid;
  if ('issuer' in sid) {
    return certs.find((c) => bytesEqual(new Uint8Array(c.serialNumber.valueBlock.valueHexView), sid.serial) && bytesEqual(nameDer(c.issuer), sid.issuer));
  }
  return certs.find((c) => {
    const ext = extension(c, OID_SUBJECT_KEY_ID);
    if (!ext) return false;
    const ski = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result as asn1js.OctetString;
    return bytesEqual(new Uint8Array(ski.valueBlock.valueHexView), sid.keyId);
  });
}

/** Does the ESS signing-certificate(-v2) attribute, if present, name this certificate? */
async function essMatches(si: ParsedSignerInfo, signer: Certificate): Promise<boolean> {
  const v = attributeValue(si, OID_SIGNING_CERT_V2);
  if (!v) return true;
  try {
    const certs = (v as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let hash = 'SHA-256';
    let i = 0;
    if (parts[0] instanceof asn1js.Sequence) {
      const alg = ((parts[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      hash = DIGESTS[alg] ?? '';
      i = 1;
    }
    if (!hash) return false;
    const want = new Uint8Array((parts[i] as asn1js.OctetString).valueBlock.valueHexView);
    const got = new Uint8Array(await crypto.subtle.digest(hash, cryptoInput(certificateDer(signer))));
    return bytesEqual(want, got);
  } catch {
    return false;
  }
}

async function verifySignature(si: ParsedSignerInfo, signer: Certificate, digestName: string): Promise<boolean> {
  const sigOid = si.signatureAlgorithm;
  const signed = si.signedAttrs!;
  const sig = si.signature;
  try {
    if (sigOid in EC_SIGS) {
      const key = await importSpkiFromInfo(signer.subjectPublicKeyInfo);
      if (key.algorithm.name !== 'ECDSA') return false;
      const raw = ecdsaDerToRaw(sig, CURVE_SIZE[(key.algorithm as EcKeyAlgorithm).namedCurve] ?? 32);
      if (!raw) return false;
      return await crypto.subtle.verify({ name: 'ECDSA', hash: EC_SIGS[sigOid] || digestName }, key, toArrayBuffer(raw), toArrayBuffer(signed));
    }
    if (sigOid in RSA_SIGS) {
      const key = await importSpkiFromInfo(signer.subjectPublicKeyInfo, RSA_SIGS[sigOid] || digestName);
      if (key.algorithm.name !== 'RSASSA-PKCS1-v1_5') return false;
      return await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, toArrayBuffer(sig), toArrayBuffer(signed));
    }
  } catch {
    return false;
  }
  return false;
}

/** Check a detached CMS against the bytes it signs (the PDF's ByteRange, concatenated). */
export async function checkDetachedCms(der: Uint8Array, signedBytes: Uint8Array): Promise<CmsCheck> {
  const sd = parseSignedData(der);
  if (!sd) return fail('cms-invalid', '签名内容无法解析（不是有效的 CMS 签名）');
  if (sd.certificateCount > MAX_CMS_CERTIFICATES)
    return fail('cms-invalid', `签名中附带了 ${sd.certificateCount} 张证书，超过 ${MAX_CMS_CERTIFICATES} 张（可能是用来拖慢检查的伪造证书），拒绝检查`);
  const certificates = sd.certificates;
  if (sd.hasContent) return fail('not-detached', '签名不是分离式签名（CMS 中封装了内容），与 PDF 签名规范不符', { certificates });
  if (sd.signerInfos.length !== 1) return fail('cms-invalid', `签名中应恰有一个签名人，实有 ${sd.signerInfos.length} 个`, { certificates });
  const si = sd.signerInfos[0];
  const signer = findSigner(si, certificates);
  if (!signer) return fail('cms-invalid', '签名中没有签名人的证书', { certificates });
  const digestName = DIGESTS[si.digestAlgorithm];
  if (!digestName) return fail('cms-invalid', '签名使用了不支持的摘要算法（只支持 SHA-256/384/512）', { certificates, signer });
  if (!si.signedAttrs) return fail('cms-invalid', '签名缺少签名属性（signedAttrs）', { certificates, signer });
  const contentType = attributeValue(si, OID_CONTENT_TYPE);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID_DATA)
    return fail('cms-invalid', '签名的 contentType 属性缺失或不是 id-data', { certificates, signer });
  const md = attributeValue(si, OID_MESSAGE_DIGEST);
  if (!(md instanceof asn1js.OctetString)) return fail('cms-invalid', '签名缺少 messageDigest 属性', { certificates, signer });
  let signingTime: Date | undefined;
  const st = attributeValue(si, OID_SIGNING_TIME);
  if (st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime) signingTime = st.toDate();

  const actual = new Uint8Array(await crypto.subtle.digest(digestName, cryptoInput(signedBytes)));
  if (!bytesEqual(actual, new Uint8Array(md.valueBlock.valueHexView))) {
    return fail('digest-mismatch', '文件内容在签名后被改动（摘要不符）', { certificates, signer, signingTime });
  }
  if (!(await verifySignature(si, signer, digestName)))
    return fail('signature-invalid', '签名值无效（与签名人证书的公钥不符）', { certificates, signer, signingTime });
  if (!(await essMatches(si, signer))) return fail('signature-invalid', '签名中的“签名证书”属性与所附证书不符', { certificates, signer, signingTime });
  return { certificates, signer, signingTime, digestValid: true };
}
