/**
 * Reading a CMS SignedData by walking the ASN.1 tree (asn1js) instead of pkijs's schema
 * matcher, which costs about 10 ms per signature; only the certificates become pkijs objects.
 * Returns null for anything that is not the expected shape.
 */
import * as asn1js from 'asn1js';
import { Certificate } from 'pkijs';
import { toArrayBuffer } from './bytes';
import { OID_SIGNED_DATA } from './cms-sign';

export interface ParsedSignerInfo {
  /** IssuerAndSerialNumber: the issuer Name's DER and the serial's bytes; or a subjectKeyIdentifier. */
  sid: { issuer: Uint8Array; serial: Uint8Array } | { keyId: Uint8Array };
  digestAlgorithm: string;
  /** The signed attributes re-tagged as a SET (0x31): what the signature covers. Null when absent. */
  signedAttrs: Uint8Array | null;
  attributes: Map<string, asn1js.BaseBlock[]>;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

export interface ParsedCms {
  /** encapContentInfo carries eContent (not detached). */
  hasContent: boolean;
  /** Empty when the CMS carries more than MAX_CMS_CERTIFICATES (they are counted, not parsed). */
  certificates: Certificate[];
  certificateCount: number;
  signerInfos: ParsedSignerInfo[];
}

/**
 * A report's signature carries the signer's certificate and its issuers (two in ours; a
 * deep foreign chain has four or five). More is a decoy pile: the path builder would try
 * each one, so such a signature is refused without looking at them.
 */
export const MAX_CMS_CERTIFICATES = 10;

const bytesOf = (b: asn1js.BaseBlock) => new Uint8Array(b.valueBeforeDecodeView);
const children = (b: asn1js.BaseBlock | undefined): asn1js.BaseBlock[] => {
  const v = (b as asn1js.Constructed | undefined)?.valueBlock?.value;
  return Array.isArray(v) ? (v as asn1js.BaseBlock[]) : [];
};
const isContext = (b: asn1js.BaseBlock | undefined, n: number) => b?.idBlock.tagClass === 3 && b.idBlock.tagNumber === n;
const oidOf = (b: asn1js.BaseBlock | undefined) => (b instanceof asn1js.ObjectIdentifier ? b.valueBlock.toString() : '');
const algOf = (b: asn1js.BaseBlock | undefined) => oidOf(children(b)[0]);

function parseSignerInfo(si: asn1js.BaseBlock): ParsedSignerInfo | null {
  const parts = children(si);
  if (parts.length < 5) return null;
  let i = 1;
  const sidBlock = parts[i++];
  let sid: ParsedSignerInfo['sid'];
  if (sidBlock instanceof asn1js.Sequence) {
    const [issuer, serial] = children(sidBlock);
    if (!(serial instanceof asn1js.Integer)) return null;
    sid = { issuer: bytesOf(issuer), serial: new Uint8Array(serial.valueBlock.valueHexView) };
  } else if (isContext(sidBlock, 0)) {
    sid = { keyId: new Uint8Array((sidBlock as asn1js.Primitive).valueBlock.valueHexView) };
  } else return null;
  const digestAlgorithm = algOf(parts[i++]);
  let signedAttrs: Uint8Array | null = null;
  const attributes = new Map<string, asn1js.BaseBlock[]>();
  if (isContext(parts[i], 0)) {
    const block = parts[i++];
    signedAttrs = bytesOf(block).slice();
    signedAttrs[0] = 0x31;
    for (const attr of children(block)) {
      const [type, values] = children(attr);
      const oid = oidOf(type);
      if (!oid || !(values instanceof asn1js.Set)) return null;
      if (attributes.has(oid)) return null; // an attribute may appear only once
      attributes.set(oid, children(values));
    }
  }
  const signatureAlgorithm = algOf(parts[i++]);
  const sig = parts[i++];
  if (!(sig instanceof asn1js.OctetString)) return null;
  return { sid, digestAlgorithm, signedAttrs, attributes, signatureAlgorithm, signature: new Uint8Array(sig.valueBlock.valueHexView) };
}

export function parseSignedData(der: Uint8Array): ParsedCms | null {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1 || !(asn.result instanceof asn1js.Sequence)) return null;
  const [type, wrapped] = children(asn.result);
  if (oidOf(type) !== OID_SIGNED_DATA || !isContext(wrapped, 0)) return null;
  const sd = children(wrapped)[0];
  const parts = children(sd);
  if (!(sd instanceof asn1js.Sequence) || parts.length < 4) return null;
  const encap = children(parts[2]);
  const hasContent = encap.length > 1 && isContext(encap[1], 0);
  let i = 3;
  const certificates: Certificate[] = [];
  let certificateCount = 0;
  if (isContext(parts[i], 0)) {
    const certs = children(parts[i++]);
    certificateCount = certs.length;
    // Dozens of look-alike CA certificates are an attack on the path builder's time: do not even parse them.
    for (const c of certificateCount > MAX_CMS_CERTIFICATES ? [] : certs) {
      if (!(c instanceof asn1js.Sequence)) continue; // other certificate formats are ignored
      try {
        certificates.push(Certificate.fromBER(toArrayBuffer(bytesOf(c))));
      } catch {
        return null;
      }
    }
  }
  if (isContext(parts[i], 1)) i++; // CRLs
  const infos = parts[i];
  if (!(infos instanceof asn1js.Set)) return null;
  const signerInfos: ParsedSignerInfo[] = [];
  for (const si of children(infos)) {
    const parsed = parseSignerInfo(si);
    if (!parsed) return null;
    signerInfos.push(parsed);
  }
  return { hasContent, certificates, certificateCount, signerInfos };
}
