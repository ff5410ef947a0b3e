/**
 * Whom to believe: a signer is trusted when its certificate is pinned, or when a chain of
 * verified signatures leads from it to one of the trusted CA certificates. Each certificate on
 * the path must be valid at the signing time.
 */
import type { Certificate } from 'pkijs';
import { isCaCertificate, keyUsageBits, sameCertificate } from './certificate';
import { sameName } from './name';

export interface TrustStore {
  /** CA certificates whose issued certificates are trusted (the supervisor's CA). */
  cas: readonly Certificate[];
  /** Individual signer certificates trusted as they are (e.g. a browser identity's self-signed certificate). */
  pinned?: readonly Certificate[];
}

export interface ChainCheck {
  trusted: boolean;
  /** Signer first, trust anchor last (just the signer when untrusted or pinned). */
  path: Certificate[];
  validity: 'valid' | 'cert-expired' | 'cert-not-yet-valid';
  /** The certificate whose validity failed (signer or issuer). */
  invalidCert?: Certificate;
  /** The signer certificate allows signing (keyUsage digitalSignature or nonRepudiation, when present). */
  usageOk: boolean;
  /** When untrusted: the last certificate the signature's own chain reaches (its CA, or the signer itself). */
  top?: Certificate;
}

async function signedBy(cert: Certificate, issuer: Certificate): Promise<boolean> {
  if (!sameName(cert.issuer, issuer.subject)) return false;
  if (!isCaCertificate(issuer)) return false;
  const ku = keyUsageBits(issuer);
  if (ku && !ku.has(5)) return false;
  try {
    return await cert.verify(issuer);
  } catch {
    return false;
  }
}

const has = (list: readonly Certificate[], c: Certificate) => list.some((x) => sameCertificate(x, c));

/** Build the path from `signer` to a trust anchor through `pool` (the certificates the signature carries). */
async function buildPath(signer: Certificate, pool: readonly Certificate[], trust: TrustStore): Promise<{ trusted: boolean; path: Certificate[]; top?: Certificate }> {
  if (trust.pinned && has(trust.pinned, signer)) return { trusted: true, path: [signer] };
  const path = [signer];
  let current = signer;
  for (let depth = 0; depth < 8; depth++) {
    if (has(trust.cas, current)) return { trusted: true, path };
    let next: Certificate | undefined;
    for (const anchor of trust.cas) {
      if (await signedBy(current, anchor)) {
        path.push(anchor);
        return { trusted: true, path };
      }
    }
    for (const candidate of pool) {
      if (has(path, candidate)) continue;
      if (await signedBy(current, candidate)) {
        next = candidate;
        break;
      }
    }
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { trusted: false, path: [signer], top: current };
}

export async function checkChain(signer: Certificate, pool: readonly Certificate[], trust: TrustStore, at: Date): Promise<ChainCheck> {
  const { trusted, path, top } = await buildPath(signer, pool, trust);
  let validity: ChainCheck['validity'] = 'valid';
  let invalidCert: Certificate | undefined;
  for (const cert of path) {
    if (at.getTime() < cert.notBefore.value.getTime()) validity = 'cert-not-yet-valid';
    else if (at.getTime() > cert.notAfter.value.getTime()) validity = 'cert-expired';
    else continue;
    invalidCert = cert;
    break;
  }
  const ku = keyUsageBits(signer);
  return { trusted, path, validity, invalidCert, usageOk: !ku || ku.has(0) || ku.has(1), top };
}
