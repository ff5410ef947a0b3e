/** A public key (SubjectPublicKeyInfo) as a WebCrypto verification key. */
import type { PublicKeyInfo } from 'pkijs';
import { toArrayBuffer } from './bytes';
import { importParams } from './keys';

export async function importSpkiFromInfo(info: PublicKeyInfo, hash = 'SHA-256'): Promise<CryptoKey> {
  const params = importParams(info.algorithm.algorithmId, info.algorithm.algorithmParams);
  if (params.name === 'RSASSA-PKCS1-v1_5') (params as RsaHashedImportParams).hash = hash;
  const der = new Uint8Array(info.toSchema().toBER(false));
  return crypto.subtle.importKey('spki', toArrayBuffer(der), params, true, ['verify']);
}
