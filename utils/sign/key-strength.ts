/**
 * The floor for keys and hashes, after current guidance (NIST SP 800-57 part 1, BSI TR-02102-1):
 * RSA keys of at least 2048 bits, ECDSA only on P-256, P-384 or P-521, and signatures made with
 * SHA-256 or stronger. One home for the rule: the verifier applies it to every certificate on a
 * signer's path, `issueCertificate` to a request's key, PKCS#12 import to the identity it reads.
 */
import * as asn1js from 'asn1js';
import type { Certificate, PublicKeyInfo } from 'pkijs';
import { CURVES, OID_EC_PUBLIC_KEY, OID_RSA } from './keys';

const MIN_RSA_BITS = 2048;

/** Certificate signature algorithms at or above the floor: SHA-256/384/512 with RSA or ECDSA. */
const STRONG_CERT_SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
};
const WEAK_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5',
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.113549.1.1.14': 'SHA-224',
  '1.2.840.10045.4.3.1': 'SHA-224',
};

/** The RSA modulus size in bits (leading zero bytes of the INTEGER not counted); 0 when unreadable. */
function rsaModulusBits(info: PublicKeyInfo): number {
  try {
    const seq = asn1js.fromBER(info.subjectPublicKey.valueBlock.valueHexView).result;
    const n = seq instanceof asn1js.Sequence ? seq.valueBlock.value[0] : undefined;
    if (!(n instanceof asn1js.Integer)) return 0;
    const b = n.valueBlock.valueHexView;
    let i = 0;
    while (i < b.length && b[i] === 0) i++;
    if (i === b.length) return 0;
    return (b.length - i - 1) * 8 + (32 - Math.clz32(b[i]));
  } catch {
    return 0;
  }
}

/** Why this public key is below the floor (Chinese), or null when it is strong enough. */
export function keyWeakness(info: PublicKeyInfo): string | null {
  const alg = info.algorithm.algorithmId;
  if (alg === OID_RSA) {
    const bits = rsaModulusBits(info);
    return bits >= MIN_RSA_BITS ? null : `RSA 密钥只有 ${bits} 位，至少需要 ${MIN_RSA_BITS} 位`;
  }
  if (alg === OID_EC_PUBLIC_KEY) {
    const params = info.algorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : '';
    return CURVES[curve] ? null : `椭圆曲线${curve ? ` ${curve}` : ''}不在允许之列（只允许 P-256、P-384、P-521）`;
  }
  return `密钥类型 ${alg} 不受支持（只允许 RSA ≥ ${MIN_RSA_BITS} 位和 ECDSA P-256/P-384/P-521）`;
}

/** Why a certificate's own signature is below the floor (a hash weaker than SHA-256, or an unknown algorithm), or null. */
export function certSignatureWeakness(cert: Certificate): string | null {
  const oid = cert.signatureAlgorithm.algorithmId;
  if (STRONG_CERT_SIGNATURES[oid]) return null;
  return WEAK_NAMES[oid] ? `证书用 ${WEAK_NAMES[oid]} 签名，至少需要 SHA-256` : `证书的签名算法 ${oid} 不受支持（只允许 SHA-256 及以上的 RSA 或 ECDSA）`;
}
