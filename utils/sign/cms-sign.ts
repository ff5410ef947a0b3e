/**
 * A detached CMS SignedData for a PDF signature (PAdES baseline B-B, ETSI.CAdES.detached):
 * SHA-256, signed attributes contentType, messageDigest and signing-certificate-v2 (RFC 5035)
 * in DER SET order, the signer certificate and its chain included. No signingTime attribute:
 * PAdES puts the time in the signature dictionary's /M.
 */
import * as asn1js from 'asn1js';
import type { Certificate } from 'pkijs';
import { concatBytes, sha256, toArrayBuffer } from './bytes';
import { certificateDer } from './certificate';
import { derHeader, sortForSet } from './der-set';
import { ecdsaRawToDer } from './ecdsa-der';
import { signAlgorithm } from './keys';

export const OID_DATA = '1.2.840.113549.1.7.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
export const OID_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2';
const OID_RSA_SHA256 = '1.2.840.113549.1.1.11';

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octets = (b: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(b) });
const sha256Alg = () => new asn1js.Sequence({ value: [oid(OID_SHA256)] });
const fromDer = (b: Uint8Array) => asn1js.fromBER(toArrayBuffer(b)).result;
const attribute = (type: string, value: asn1js.BaseBlock) => new asn1js.Sequence({ value: [oid(type), new asn1js.Set({ value: [value] })] });

/** ESS SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } } (hashAlgorithm SHA-256 is the DEFAULT, so omitted). */
async function signingCertificateV2(cert: Certificate): Promise<asn1js.Sequence> {
  const hash = await sha256(certificateDer(cert));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      fromDer(new Uint8Array(cert.serialNumber.toBER(false))),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [octets(hash), issuerSerial] })] })] });
}

export interface CmsSignOptions {
  /** SHA-256 of the signed bytes (the PDF's ByteRange). */
  digest: Uint8Array;
  privateKey: CryptoKey;
  certificate: Certificate;
  chain?: readonly Certificate[];
  /** A signingTime signed attribute. Our signer leaves it out (PAdES puts the time in /M); tests add one to build signatures whose two clocks disagree. */
  signingTime?: Date;
}

/** DER of ContentInfo { signedData } with no encapsulated content. */
export async function createDetachedCms(opts: CmsSignOptions): Promise<Uint8Array> {
  const attrs = sortForSet([
    attribute(OID_CONTENT_TYPE, oid(OID_DATA)),
    attribute(OID_MESSAGE_DIGEST, octets(opts.digest)),
    attribute(OID_SIGNING_CERT_V2, await signingCertificateV2(opts.certificate)),
    ...(opts.signingTime ? [attribute(OID_SIGNING_TIME, new asn1js.UTCTime({ valueDate: opts.signingTime }))] : []),
  ]);
  // What is signed: the attributes as a DER SET (tag 0x31); what is sent: the same bytes tagged [0].
  const attrBody = concatBytes(...attrs.encodings);
  const signedSet = concatBytes(derHeader(0x31, attrBody.length), attrBody);
  const algorithm = signAlgorithm(opts.privateKey);
  const raw = new Uint8Array(await crypto.subtle.sign(algorithm, opts.privateKey, toArrayBuffer(signedSet)));
  const isEc = opts.privateKey.algorithm.name === 'ECDSA';
  const signature = isEc ? ecdsaRawToDer(raw) : raw;
  const sigAlg = isEc ? new asn1js.Sequence({ value: [oid(OID_ECDSA_SHA256)] }) : new asn1js.Sequence({ value: [oid(OID_RSA_SHA256), new asn1js.Null()] });

  const signerInfo = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Sequence({ value: [opts.certificate.issuer.toSchema(), fromDer(new Uint8Array(opts.certificate.serialNumber.toBER(false)))] }),
      sha256Alg(),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: attrs.elements }),
      sigAlg,
      octets(signature),
    ],
  });
  const certs = sortForSet([opts.certificate, ...(opts.chain ?? [])].map((c) => fromDer(certificateDer(c))));
  const signedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Set({ value: [sha256Alg()] }),
      new asn1js.Sequence({ value: [oid(OID_DATA)] }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: certs.elements }),
      new asn1js.Set({ value: [signerInfo] }),
    ],
  });
  const contentInfo = new asn1js.Sequence({
    value: [oid(OID_SIGNED_DATA), new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] })],
  });
  return new Uint8Array(contentInfo.toBER(false));
}
