/**
 * Signing keys: ECDSA P-256 made with WebCrypto. Browser identities keep the private key
 * non-extractable (it can sign, never leave); the CLI makes extractable keys because it must
 * write them into a PKCS#12 file.
 */
import { PrivateKeyInfo } from 'pkijs';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './bytes';
import { SignError } from './errors';

const EC_P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

export async function generateSigningKey(opts: { extractable?: boolean } = {}): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(EC_P256, opts.extractable ?? false, ['sign', 'verify']);
}

export async function publicKeySpki(publicKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
}

export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
export const OID_RSA = '1.2.840.113549.1.1.1';
export const CURVES: Record<string, string> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };

/** The WebCrypto parameters to import a key of this algorithm (from a PKCS#8 or SPKI AlgorithmIdentifier). */
export function importParams(algorithmId: string, params: unknown): EcKeyImportParams | RsaHashedImportParams {
  if (algorithmId === OID_EC_PUBLIC_KEY) {
    const curveOid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : '';
    const namedCurve = CURVES[curveOid];
    if (!namedCurve) throw new SignError('key-unsupported', '不支持的椭圆曲线（只支持 P-256、P-384、P-521）');
    return { name: 'ECDSA', namedCurve };
  }
  if (algorithmId === OID_RSA) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  throw new SignError('key-unsupported', '不支持的密钥类型（只支持 ECDSA 和 RSA）');
}

/** A PKCS#8 private key as a WebCrypto signing key. */
export async function importPrivateKey(pkcs8: Uint8Array, extractable = false): Promise<CryptoKey> {
  let info: PrivateKeyInfo;
  try {
    info = PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8));
  } catch {
    throw new SignError('pkcs12-invalid', '私钥无法读取');
  }
  const params = importParams(info.privateKeyAlgorithm.algorithmId, info.privateKeyAlgorithm.algorithmParams);
  try {
    return await crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), params, extractable, ['sign']);
  } catch {
    throw new SignError('key-unsupported', '私钥无法导入（格式不受支持）');
  }
}

/** The signature algorithm WebCrypto uses with this key (SHA-256). */
export function signAlgorithm(key: CryptoKey): EcdsaParams | AlgorithmIdentifier {
  if (key.algorithm.name === 'ECDSA') return { name: 'ECDSA', hash: 'SHA-256' };
  if (key.algorithm.name === 'RSASSA-PKCS1-v1_5') return { name: 'RSASSA-PKCS1-v1_5' };
  throw new SignError('key-unsupported', '不支持的密钥类型（只支持 ECDSA 和 RSA）');
}
