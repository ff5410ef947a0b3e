/** A public key (SubjectPublicKeyInfo) as a WebCrypto verification key. */
import type { PublicKeyInfo } from 'pkijs';
import { toArrayBuffer } from './bytes';
import { importParams } from './keys';

/** Imported keys by key object and hash: a report's signer verifies hundreds of files with one key. */
const imported = new WeakMap<PublicKeyInfo, Map<string, Promise<CryptoKey>>>();

export function importSpkiFromInfo(info: PublicKeyInfo, hash = 'SHA-256'): Promise<CryptoKey> {
  const byHash = imported.get(info) ?? new Map<string, Promise<CryptoKey>>();
  imported.set(info, byHash);
  let key = byHash.get(hash);
  if (!key) {
    key = importSpki(info, hash);
    // A refused import is not remembered: the caller reports it, and the next call tries again.
    key.catch(() => byHash.delete(hash));
    byHash.set(hash, key);
  }
  return key;
}

async function importSpki(info: PublicKeyInfo, hash: string): Promise<CryptoKey> {
  const params = importParams(info.algorithm.algorithmId, info.algorithm.algorithmParams);
  if (params.name === 'RSASSA-PKCS1-v1_5') (params as RsaHashedImportParams).hash = hash;
  const der = new Uint8Array(info.toSchema().toBER(false));
  return crypto.subtle.importKey('spki', toArrayBuffer(der), params, true, ['verify']);
}
