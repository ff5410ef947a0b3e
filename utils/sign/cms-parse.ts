/**
 * Reading a CMS SignedData by walking the ASN.1 tree (asn1js) instead of pkijs's schema
 * matcher, which costs about 10 ms per signature; only the certificates become pkijs objects.
 * Returns null for anything that is not the expected shape.
 */
import * as asn1js from 'asn1js';
import type { Certificate } from 'pkijs';
import { toArrayBuffer } from './bytes';
import { certificateFromDer } from './certificate';
import { OID_SIGNED_DATA } from './cms-sign';
import { derChildren, derElement, type DerElement } from './der-walk';

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

/** The CMS's certificates, at most MAX_CMS_CERTIFICATES of them parsed; null when one cannot be read. */
function readCertificates(certs: { isSequence: boolean; der: Uint8Array }[]): Certificate[] | null {
  const out: Certificate[] = [];
  // Dozens of look-alike CA certificates are an attack on the path builder's time: do not even parse them.
  for (const c of certs.length > MAX_CMS_CERTIFICATES ? [] : certs) {
    if (!c.isSequence) continue; // other certificate formats are ignored
    try {
      out.push(certificateFromDer(c.der));
    } catch {
      return null;
    }
  }
  return out;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const OID = 0x06;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
/** A context-specific tag [n] (constructed or not), as isContext reads asn1js blocks. */
const isContextTag = (e: DerElement | undefined, n: number) => e !== undefined && (e.tag & 0xc0) === 0x80 && (e.tag & 0x1f) === n;
/** One small element read by asn1js (an OID, an attribute's value), or undefined when it is not one whole element. */
const block = (e: DerElement | undefined): asn1js.BaseBlock | undefined => {
  if (!e) return undefined;
  const asn = asn1js.fromBER(toArrayBuffer(e.der));
  return asn.offset === e.der.length ? asn.result : undefined;
};
const algOfDer = (e: DerElement | undefined) => (e?.tag === SEQUENCE ? oidOf(block(derChildren(e)?.[0])) : '');

/**
 * A SignerInfo walked as DER slices, the same reading as parseSignerInfo: asn1js reads only the
 * OIDs and the attributes' values (a few bytes each), not the issuer's name nor the signature.
 * Undefined when the bytes are not plain DER (parseSignerInfo decides then).
 */
function parseSignerInfoDer(der: Uint8Array): ParsedSignerInfo | null | undefined {
  const top = derElement(der);
  const parts = top?.tag === SEQUENCE && top.der.length === der.length ? derChildren(top) : null;
  if (!parts) return undefined;
  if (parts.length < 5) return null;
  let i = 1;
  const sidPart = parts[i++];
  let sid: ParsedSignerInfo['sid'];
  if (sidPart.tag === SEQUENCE) {
    const [issuer, serial] = derChildren(sidPart) ?? [];
    if (!issuer || serial?.tag !== INTEGER) return null;
    sid = { issuer: issuer.der.slice(), serial: serial.body.slice() };
  } else if (sidPart.tag === 0x80) sid = { keyId: sidPart.body.slice() };
  else return null;
  const digestAlgorithm = algOfDer(parts[i++]);
  let signedAttrs: Uint8Array | null = null;
  const attributes = new Map<string, asn1js.BaseBlock[]>();
  if (parts[i]?.tag === 0xa0) {
    const attrs = parts[i++];
    signedAttrs = attrs.der.slice();
    signedAttrs[0] = SET;
    for (const attr of derChildren(attrs) ?? []) {
      const [type, values] = (attr.tag === SEQUENCE && derChildren(attr)) || [];
      const oid = type?.tag === OID ? oidOf(block(type)) : '';
      const items = values?.tag === SET ? derChildren(values) : null;
      if (!oid || !items) return null;
      if (attributes.has(oid)) return null; // an attribute may appear only once
      const read = items.map(block);
      if (read.some((b) => !b)) return null;
      attributes.set(oid, read as asn1js.BaseBlock[]);
    }
  }
  const signatureAlgorithm = algOfDer(parts[i++]);
  const sig = parts[i++];
  if (sig?.tag !== OCTET_STRING) return null;
  return { sid, digestAlgorithm, signedAttrs, attributes, signatureAlgorithm, signature: sig.body.slice() };
}

function readSignerInfos(infos: Uint8Array[]): ParsedSignerInfo[] | null {
  const out: ParsedSignerInfo[] = [];
  for (const der of infos) {
    let parsed = parseSignerInfoDer(der);
    if (parsed === undefined) {
      const asn = asn1js.fromBER(toArrayBuffer(der));
      parsed = asn.offset === -1 ? null : parseSignerInfo(asn.result);
    }
    if (!parsed) return null;
    out.push(parsed);
  }
  return out;
}

/**
 * The envelope walked as DER slices; only each SignerInfo goes through asn1js, and each
 * certificate through certificateFromDer (cached by its bytes). Undefined when the bytes are
 * not plain definite-length DER: then the full asn1js reading below decides.
 */
function parseDer(der: Uint8Array): ParsedCms | null | undefined {
  const top = derElement(der);
  const info = top?.tag === SEQUENCE ? derChildren(top) : null;
  if (!info) return undefined;
  const [type, wrapped] = info;
  if (type?.tag !== OID) return undefined;
  if (oidOf(asn1js.fromBER(toArrayBuffer(type.der)).result) !== OID_SIGNED_DATA || !isContextTag(wrapped, 0)) return null;
  const sd = derChildren(wrapped)?.[0];
  const parts = sd?.tag === SEQUENCE ? derChildren(sd) : null;
  if (!parts) return undefined;
  if (parts.length < 4) return null;
  const encap = derChildren(parts[2]);
  if (!encap) return undefined;
  const hasContent = encap.length > 1 && isContextTag(encap[1], 0);
  let i = 3;
  let certs: DerElement[] = [];
  if (isContextTag(parts[i], 0)) {
    const found = derChildren(parts[i++]);
    if (!found) return undefined;
    certs = found;
  }
  if (isContextTag(parts[i], 1)) i++; // CRLs
  const infos = parts[i]?.tag === SET ? derChildren(parts[i]) : null;
  if (!infos) return parts[i]?.tag === SET ? undefined : null;
  const certificates = readCertificates(certs.map((c) => ({ isSequence: c.tag === SEQUENCE, der: c.der })));
  const signerInfos = certificates && readSignerInfos(infos.map((e) => e.der));
  return certificates && signerInfos && { hasContent, certificates, certificateCount: certs.length, signerInfos };
}

export function parseSignedData(der: Uint8Array): ParsedCms | null {
  const fast = parseDer(der);
  if (fast !== undefined) return fast;
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
  let certs: asn1js.BaseBlock[] = [];
  if (isContext(parts[i], 0)) certs = children(parts[i++]);
  if (isContext(parts[i], 1)) i++; // CRLs
  const infos = parts[i];
  if (!(infos instanceof asn1js.Set)) return null;
  const certificates = readCertificates(certs.map((c) => ({ isSequence: c instanceof asn1js.Sequence, der: bytesOf(c) })));
  const signerInfos = certificates && readSignerInfos(children(infos).map(bytesOf));
  return certificates && signerInfos && { hasContent, certificates, certificateCount: certs.length, signerInfos };
}
