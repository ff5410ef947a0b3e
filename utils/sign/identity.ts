/**
 * An observer's signing identity: a key pair made on the observer's own machine, a request
 * (CSR) for the supervisor, and the certificate that comes back, checked to belong to the key.
 */
import type { Certificate } from 'pkijs';
import { bytesEqual } from './bytes';
import { parseCertificates, sameCertificate, spkiDer } from './certificate';
import { createCsr, csrToPem } from './csr';
import { SignError } from './errors';
import type { Identity } from './identity-types';
import { generateSigningKey, publicKeySpki } from './keys';
import type { NameParts } from './name';
import { sameName } from './name';

export interface IdentityRequest {
  keys: CryptoKeyPair;
  /** PKCS#10, DER and PEM. */
  csr: Uint8Array;
  csrPem: string;
}

/** A new key (non-extractable unless asked) and a CSR for `subject`. */
export async function createIdentityRequest(subject: NameParts, opts: { extractable?: boolean } = {}): Promise<IdentityRequest> {
  const keys = await generateSigningKey({ extractable: opts.extractable ?? false });
  const csr = await createCsr(keys, subject);
  return { keys, csr, csrPem: csrToPem(csr) };
}

/**
 * The certificate the supervisor issued (PEM or DER; a PEM bundle may carry the CA's
 * certificate too, which becomes the chain), checked against our public key.
 */
export async function importIssuedCertificate(keys: CryptoKeyPair, input: string | Uint8Array, chain: readonly Certificate[] = []): Promise<Identity> {
  const certs = parseCertificates(input);
  const mine = await publicKeySpki(keys.publicKey);
  const certificate = certs.find((c) => bytesEqual(spkiDer(c), mine));
  if (!certificate) throw new SignError('certificate-mismatch', '这张证书不是为本机的签名密钥签发的（公钥不符）');
  const others = [...certs.filter((c) => c !== certificate), ...chain].filter((c, i, all) => all.findIndex((x) => sameCertificate(x, c)) === i);
  const ordered: Certificate[] = [];
  let current = certificate;
  for (;;) {
    const issuer = others.find((c) => !ordered.includes(c) && !sameCertificate(c, current) && sameName(c.subject, current.issuer));
    if (!issuer) break;
    ordered.push(issuer);
    current = issuer;
  }
  return { privateKey: keys.privateKey, certificate, chain: ordered };
}
