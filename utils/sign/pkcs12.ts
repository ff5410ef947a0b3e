/**
 * PKCS#12 (.p12/.pfx) files: a private key with its certificate and chain, behind a passphrase.
 *
 * Written as OpenSSL 3 writes them, only stronger: the key in a shrouded key bag and the
 * certificates in an encrypted safe, both PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), and a
 * SHA-256 MAC over everything, all with the same high iteration count (the MAC would otherwise
 * be the cheap way to guess the passphrase). Read: what OpenSSL 3 writes by default (PBES2
 * AES-256-CBC, MAC SHA-256) and our own files; the legacy RC2/3DES kind is refused clearly.
 */
import * as asn1js from 'asn1js';
import { Attribute, AuthenticatedSafe, CertBag, Certificate, PFX, PKCS8ShroudedKeyBag, PrivateKeyInfo, SafeBag, SafeContents } from 'pkijs';
import { randomBytes, toArrayBuffer } from './bytes';
import { certificateDer, sameCertificate } from './certificate';
import { SignError } from './errors';
import type { Identity } from './identity-types';
import { importPrivateKey, signAlgorithm } from './keys';
import { keyWeakness } from './key-strength';
import { nameAttribute, OID_COMMON_NAME, sameName } from './name';
import { checkPassphrase } from './passphrase';
import { importSpkiFromInfo } from './spki';

const BAG_KEY = '1.2.840.113549.1.12.10.1.1';
const BAG_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERT = '1.2.840.113549.1.12.10.1.3';
const ATTR_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const ATTR_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

const PKCS12_ITERATIONS = 100_000;

const utf8 = (s: string) => toArrayBuffer(new TextEncoder().encode(s));

export interface WritePkcs12Options {
  /** PBKDF2 and MAC iterations (default 100,000; at least 10,000). */
  iterations?: number;
  /** Name shown by key stores (default: the certificate's subject CN, if any). */
  friendlyName?: string;
}

/** A passphrase-protected PKCS#12 of `id` (its key must be extractable). */
export async function writePkcs12(id: Identity, passphrase: string, opts: WritePkcs12Options = {}): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  const iterationCount = Math.max(10_000, opts.iterations ?? PKCS12_ITERATIONS);
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await crypto.subtle.exportKey('pkcs8', id.privateKey);
  } catch {
    throw new SignError('key-unsupported', '私钥不可导出，不能写入 PKCS#12 文件');
  }
  const password = utf8(passphrase);
  // pkijs types the algorithm as if the caller chose the IV; it makes a random one itself.
  const pbes2 = {
    password,
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 },
    hmacHashAlgorithm: 'SHA-256',
    iterationCount,
  } as unknown as Parameters<PKCS8ShroudedKeyBag['makeInternalValues']>[0];
  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(certificateDer(id.certificate))));
  const attrs = (withName: boolean) => {
    const list = [new Attribute({ type: ATTR_LOCAL_KEY_ID, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })] })];
    const friendly = opts.friendlyName ?? nameAttribute(id.certificate.subject, OID_COMMON_NAME);
    if (withName && friendly) list.push(new Attribute({ type: ATTR_FRIENDLY_NAME, values: [new asn1js.BmpString({ value: friendly })] }));
    return list;
  };

  const shrouded = new PKCS8ShroudedKeyBag({ parsedValue: PrivateKeyInfo.fromBER(pkcs8) });
  await shrouded.makeInternalValues(pbes2);
  const keyBag = new SafeBag({ bagId: BAG_SHROUDED_KEY, bagValue: shrouded, bagAttributes: attrs(true) });
  const certBags = [id.certificate, ...id.chain].map(
    (cert, i) => new SafeBag({ bagId: BAG_CERT, bagValue: new CertBag({ parsedValue: cert }), ...(i === 0 ? { bagAttributes: attrs(true) } : {}) }),
  );

  const authenticatedSafe = new AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        { privacyMode: 1, value: new SafeContents({ safeBags: certBags }) },
        { privacyMode: 0, value: new SafeContents({ safeBags: [keyBag] }) },
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [pbes2, {}] });
  const pfx = new PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues({ password, iterations: iterationCount, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

const LEGACY = '这个 PKCS#12 文件使用旧式加密（RC2/3DES），不受支持；请用 OpenSSL 3 重新导出（openssl pkcs12 -export，不加 -legacy）';

function mentionsUnknownAlgorithm(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /Unknown "contentEncryptionAlgorithm"|Unsupported|not supported|Incorrect algorithm|Unknown/i.test(msg);
}

export interface ReadPkcs12Options {
  /** Import the private key as extractable (only the CLI, to write it out again). Default false. */
  extractable?: boolean;
}

/** Read a PKCS#12: the private key, the certificate that belongs to it, and the other certificates as its chain. */
export async function readPkcs12(bytes: Uint8Array, passphrase: string, opts: ReadPkcs12Options = {}): Promise<Identity> {
  const password = utf8(passphrase);
  let pfx: PFX;
  try {
    pfx = PFX.fromBER(toArrayBuffer(bytes));
  } catch {
    throw new SignError('pkcs12-invalid', '不是有效的 PKCS#12（.p12/.pfx）文件');
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/Integrity/i.test(msg)) throw new SignError('passphrase-wrong', '口令不正确（或文件已损坏）');
    if (/macData/i.test(msg)) throw new SignError('pkcs12-unsupported', '这个 PKCS#12 文件没有完整性校验（MAC），不予读取');
    throw new SignError(
      mentionsUnknownAlgorithm(e) ? 'pkcs12-unsupported' : 'pkcs12-invalid',
      mentionsUnknownAlgorithm(e) ? LEGACY : '不是有效的 PKCS#12（.p12/.pfx）文件',
    );
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new SignError('pkcs12-invalid', '不是有效的 PKCS#12（.p12/.pfx）文件');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
  } catch (e) {
    if (mentionsUnknownAlgorithm(e)) throw new SignError('pkcs12-unsupported', LEGACY);
    throw new SignError('passphrase-wrong', '口令不正确（或文件已损坏）');
  }

  const keys: PrivateKeyInfo[] = [];
  const certs: Certificate[] = [];
  for (const { value } of safe.parsedValue?.safeContents ?? []) {
    for (const bag of value.safeBags) {
      if (bag.bagId === BAG_KEY) keys.push(bag.bagValue as PrivateKeyInfo);
      else if (bag.bagId === BAG_SHROUDED_KEY) {
        const shrouded = bag.bagValue as PKCS8ShroudedKeyBag;
        try {
          // Public in the JavaScript, `protected` only in pkijs's typings.
          await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password });
        } catch (e) {
          if (mentionsUnknownAlgorithm(e)) throw new SignError('pkcs12-unsupported', LEGACY);
          throw new SignError('passphrase-wrong', '口令不正确（或文件已损坏）');
        }
        if (shrouded.parsedValue) keys.push(shrouded.parsedValue);
      } else if (bag.bagId === BAG_CERT) {
        const parsed = (bag.bagValue as CertBag).parsedValue;
        if (parsed instanceof Certificate) certs.push(parsed);
      }
    }
  }
  if (keys.length !== 1) throw new SignError('pkcs12-invalid', keys.length ? 'PKCS#12 文件中有多个私钥，无法确定用哪一个' : 'PKCS#12 文件中没有私钥');
  if (!certs.length) throw new SignError('pkcs12-invalid', 'PKCS#12 文件中没有证书');
  const privateKey = await importPrivateKey(new Uint8Array(keys[0].toSchema().toBER(false)), opts.extractable ?? false);
  const certificate = await certificateOfKey(privateKey, certs);
  if (!certificate) throw new SignError('certificate-mismatch', 'PKCS#12 文件中没有与私钥匹配的证书');
  const weak = keyWeakness(certificate.subjectPublicKeyInfo);
  if (weak) throw new SignError('key-weak', `PKCS#12 文件中的密钥强度不够，不能使用：${weak}`);
  return {
    privateKey,
    certificate,
    chain: orderChain(
      certificate,
      certs.filter((c) => c !== certificate),
    ),
  };
}

/** The certificate whose public key verifies a signature made with `privateKey`. */
async function certificateOfKey(privateKey: CryptoKey, certs: Certificate[]): Promise<Certificate | undefined> {
  const probe = randomBytes(32);
  const sig = await crypto.subtle.sign(signAlgorithm(privateKey), privateKey, toArrayBuffer(probe));
  for (const cert of certs) {
    try {
      const pub = await importSpkiFromInfo(cert.subjectPublicKeyInfo);
      if (pub.algorithm.name !== privateKey.algorithm.name) continue;
      if (await crypto.subtle.verify(signAlgorithm(pub), pub, sig, toArrayBuffer(probe))) return cert;
    } catch {
      // A certificate with a key WebCrypto cannot use is simply not this key's certificate.
    }
  }
  return undefined;
}

/** `rest` ordered issuer after issuer starting from `leaf`; whatever does not chain goes last. */
function orderChain(leaf: Certificate, rest: Certificate[]): Certificate[] {
  const out: Certificate[] = [];
  const left = [...rest];
  let current = leaf;
  for (;;) {
    const i = left.findIndex((c) => !sameCertificate(c, current) && sameName(c.subject, current.issuer));
    if (i < 0) break;
    current = left.splice(i, 1)[0];
    out.push(current);
  }
  return [...out, ...left];
}
