/**
 * Whom to believe: a signer is trusted when its certificate is pinned, or when a chain of
 * verified signatures leads from it to one of the trusted CA certificates. Each certificate on
 * the path must be valid at the signing time, understand every critical extension it carries,
 * meet the key floor (key-strength.ts) and respect its issuers' pathLenConstraint; the signer
 * must be an end entity whose keyUsage and extendedKeyUsage allow signing documents.
 *
 * The path builder is bounded: candidates whose subjectKeyIdentifier differs from the
 * certificate's authorityKeyIdentifier are skipped without a signature check, and a file may
 * spend at most MAX_PATH_VERIFICATIONS signature checks on paths (a budget shared by its
 * signatures), so a pile of look-alike CA certificates cannot stall the verifier.
 */
import * as asn1js from 'asn1js';
import { AuthorityKeyIdentifier, BasicConstraints, ExtKeyUsage, type Certificate } from 'pkijs';
import { bytesEqual, toArrayBuffer } from './bytes';
import {
  extension,
  isCaCertificate,
  keyUsageBits,
  OID_AUTHORITY_KEY_ID,
  OID_BASIC_CONSTRAINTS,
  OID_EXT_KEY_USAGE,
  OID_KEY_USAGE,
  OID_SUBJECT_KEY_ID,
  sameCertificate,
} from './certificate';
import { certSignatureWeakness, keyWeakness } from './key-strength';
import { sameName } from './name';
import { perObject } from './memo';

export interface TrustStore {
  /** CA certificates whose issued certificates are trusted (the supervisor's CA). */
  cas: readonly Certificate[];
  /** Individual signer certificates trusted as they are (e.g. a browser identity's self-signed certificate). */
  pinned?: readonly Certificate[];
}

/** Signature checks one file may spend on building paths (ours: one per signature). */
export const MAX_PATH_VERIFICATIONS = 24;
const MAX_PATH_DEPTH = 8;

/** The path checks left for one file; shared by its signatures. */
export interface PathBudget {
  left: number;
}
export const newPathBudget = (): PathBudget => ({ left: MAX_PATH_VERIFICATIONS });

export type ChainProblemCode = 'weak-key' | 'cert-invalid' | 'cert-usage-invalid';

export interface ChainCheck {
  trusted: boolean;
  /** The path builder ran out of its budget (a decoy pile) before finding a path. */
  exhausted?: boolean;
  /** Signer first, trust anchor last (just the signer when untrusted or pinned). */
  path: Certificate[];
  validity: 'valid' | 'cert-expired' | 'cert-not-yet-valid';
  /** The certificate whose validity failed (signer or issuer). */
  invalidCert?: Certificate;
  /** The first structural problem of the trusted path (weak key, unknown critical extension, a CA as signer…), in Chinese. */
  problem?: { code: ChainProblemCode; reason: string };
  /** When untrusted: the last certificate the signature's own chain reaches (its CA, or the signer itself). */
  top?: Certificate;
}

/** Extensions this verifier understands (RFC 5280 §4.2: a critical extension it does not know makes the certificate unusable). */
const KNOWN_EXTENSIONS = new Set([
  OID_BASIC_CONSTRAINTS,
  OID_KEY_USAGE,
  OID_EXT_KEY_USAGE,
  OID_SUBJECT_KEY_ID,
  OID_AUTHORITY_KEY_ID,
  '2.5.29.17', // subjectAltName
  '2.5.29.32', // certificatePolicies (no policy is required, so any set is acceptable)
  '2.5.29.31', // cRLDistributionPoints
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

/** extendedKeyUsage purposes that allow signing a document (any one of them, when the extension is present). */
const DOCUMENT_SIGNING_PURPOSES = new Set([
  '2.5.29.37.0', // anyExtendedKeyUsage
  '1.3.6.1.5.5.7.3.4', // emailProtection (what our CA issues)
  '1.3.6.1.5.5.7.3.36', // id-kp-documentSigning (RFC 9336)
  '1.3.6.1.4.1.311.10.3.12', // Microsoft document signing
  '1.2.840.113583.1.1.5', // Adobe authentic documents trust
]);

function octetsOf(der: ArrayBuffer | Uint8Array): Uint8Array | null {
  const v = asn1js.fromBER(der instanceof Uint8Array ? toArrayBuffer(der) : der).result;
  return v instanceof asn1js.OctetString ? new Uint8Array(v.valueBlock.valueHexView) : null;
}

const subjectKeyId = perObject((cert: Certificate): Uint8Array | null => {
  const ext = extension(cert, OID_SUBJECT_KEY_ID);
  return ext ? octetsOf(new Uint8Array(ext.extnValue.valueBlock.valueHexView)) : null;
});

const authorityKeyId = perObject((cert: Certificate): Uint8Array | null => {
  const ext = extension(cert, OID_AUTHORITY_KEY_ID);
  if (!ext) return null;
  try {
    const aki = AuthorityKeyIdentifier.fromBER(toArrayBuffer(new Uint8Array(ext.extnValue.valueBlock.valueHexView)));
    return aki.keyIdentifier ? new Uint8Array(aki.keyIdentifier.valueBlock.valueHexView) : null;
  } catch {
    return null;
  }
});

const basicConstraints = perObject((cert: Certificate): BasicConstraints | null => {
  const ext = extension(cert, OID_BASIC_CONSTRAINTS);
  if (!ext) return null;
  return ext.parsedValue instanceof BasicConstraints
    ? ext.parsedValue
    : BasicConstraints.fromBER(toArrayBuffer(new Uint8Array(ext.extnValue.valueBlock.valueHexView)));
});

/** Could `issuer` have issued `cert` at all: same name, and no key identifiers that disagree (no signature check yet). */
function candidate(cert: Certificate, issuer: Certificate): boolean {
  if (!sameName(cert.issuer, issuer.subject)) return false;
  const aki = authorityKeyId(cert);
  const ski = aki && subjectKeyId(issuer);
  return !(aki && ski && !bytesEqual(aki, ski));
}

/**
 * Whether an issuer's key signed a certificate, by certificate object: a fact about two fixed
 * sets of bytes (certificateFromDer gives the same object for the same bytes), so an inbox of
 * reports from the same observers checks each link of their chains once.
 */
const verified = new WeakMap<Certificate, WeakMap<Certificate, boolean>>();

async function signedBy(cert: Certificate, issuer: Certificate, budget: PathBudget): Promise<boolean> {
  if (!isCaCertificate(issuer)) return false;
  const ku = keyUsageBits(issuer);
  if (ku && !ku.has(5)) return false;
  const known = verified.get(cert)?.get(issuer);
  if (known !== undefined) return known;
  if (budget.left <= 0) return false;
  budget.left--;
  let ok: boolean;
  try {
    ok = await cert.verify(issuer);
  } catch {
    ok = false;
  }
  // Only whole answers are kept: a check cut short by the budget above is asked again next time.
  verified.set(cert, (verified.get(cert) ?? new WeakMap()).set(issuer, ok));
  return ok;
}

const has = (list: readonly Certificate[], c: Certificate) => list.some((x) => sameCertificate(x, c));

/** Build the path from `signer` to a trust anchor through `pool` (the certificates the signature carries). */
async function buildPath(
  signer: Certificate,
  pool: readonly Certificate[],
  trust: TrustStore,
  budget: PathBudget,
): Promise<{ trusted: boolean; path: Certificate[]; top?: Certificate }> {
  if (trust.pinned && has(trust.pinned, signer)) return { trusted: true, path: [signer] };
  const path = [signer];
  let current = signer;
  for (let depth = 0; depth < MAX_PATH_DEPTH; depth++) {
    if (has(trust.cas, current)) return { trusted: true, path };
    let next: Certificate | undefined;
    for (const anchor of trust.cas) {
      if (candidate(current, anchor) && (await signedBy(current, anchor, budget))) {
        path.push(anchor);
        return { trusted: true, path };
      }
    }
    for (const c of pool) {
      if (has(path, c) || !candidate(current, c)) continue;
      if (await signedBy(current, c, budget)) {
        next = c;
        break;
      }
    }
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { trusted: false, path: [signer], top: current };
}

const who = (i: number) => (i === 0 ? '签名人证书' : `第 ${i + 1} 级证书（签发者）`);

/** The first structural problem of a trusted path (signer first), or undefined. */
function pathProblem(path: Certificate[], anchored: boolean): ChainCheck['problem'] {
  for (const [i, cert] of path.entries()) {
    const unknown = cert.extensions?.find((e) => e.critical && !KNOWN_EXTENSIONS.has(e.extnID));
    if (unknown) return { code: 'cert-invalid', reason: `${who(i)}带有无法识别的关键扩展（${unknown.extnID}），按 RFC 5280 不能使用` };
    const weakKey = keyWeakness(cert.subjectPublicKeyInfo);
    if (weakKey) return { code: 'weak-key', reason: `${who(i)}的密钥强度不够：${weakKey}` };
    // The anchor's self-signature proves nothing (it is trusted by configuration); every other certificate's signature must be strong.
    const weakSig = anchored && i === path.length - 1 ? null : certSignatureWeakness(cert);
    if (weakSig) return { code: 'weak-key', reason: `${who(i)}的签名强度不够：${weakSig}` };
    if (i > 0) {
      const limit = basicConstraints(cert)?.pathLenConstraint;
      // Intermediate CAs below this one: path[1..i-1].
      if (typeof limit === 'number' && i - 1 > limit)
        return { code: 'cert-invalid', reason: `${who(i)}限定其下最多 ${limit} 级中间 CA（pathLenConstraint），这条路径有 ${i - 1} 级` };
    }
  }
  const signer = path[0];
  if (isCaCertificate(signer)) return { code: 'cert-usage-invalid', reason: '签名人证书是 CA 证书（basicConstraints CA:TRUE），CA 证书不能用来签署报告' };
  const ku = keyUsageBits(signer);
  if (ku && !ku.has(0) && !ku.has(1)) return { code: 'cert-usage-invalid', reason: '签名人证书不允许用于签名（密钥用途不含数字签名或不可否认）' };
  const eku = extension(signer, OID_EXT_KEY_USAGE);
  if (eku) {
    let purposes: string[] = [];
    try {
      purposes = ExtKeyUsage.fromBER(toArrayBuffer(new Uint8Array(eku.extnValue.valueBlock.valueHexView))).keyPurposes;
    } catch {
      return { code: 'cert-usage-invalid', reason: '签名人证书的扩展密钥用途（extendedKeyUsage）无法读取' };
    }
    if (!purposes.some((p) => DOCUMENT_SIGNING_PURPOSES.has(p)))
      return { code: 'cert-usage-invalid', reason: `签名人证书的扩展密钥用途（${purposes.join('、')}）不包括文档签名` };
  }
  return undefined;
}

/** Is every certificate on the path valid at `at`? The first that is not, and how. */
export function validityAt(path: readonly Certificate[], at: Date): Pick<ChainCheck, 'validity' | 'invalidCert'> {
  for (const cert of path) {
    if (at.getTime() < cert.notBefore.value.getTime()) return { validity: 'cert-not-yet-valid', invalidCert: cert };
    if (at.getTime() > cert.notAfter.value.getTime()) return { validity: 'cert-expired', invalidCert: cert };
  }
  return { validity: 'valid' };
}

export async function checkChain(
  signer: Certificate,
  pool: readonly Certificate[],
  trust: TrustStore,
  at: Date,
  budget: PathBudget = newPathBudget(),
): Promise<ChainCheck> {
  const { trusted, path, top } = await buildPath(signer, pool, trust, budget);
  const pinned = trusted && path.length === 1 && !has(trust.cas, signer);
  return {
    trusted,
    exhausted: !trusted && budget.left <= 0,
    path,
    ...validityAt(path, at),
    problem: trusted ? pathProblem(path, !pinned) : undefined,
    top,
  };
}
