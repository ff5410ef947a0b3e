/**
 * X.500 names for certificates and requests: C=CN, O=…, CN=…, each attribute in its own RDN
 * (one SET per attribute: pkijs would put them all in one SET, which tools print as
 * `C=CN+O=…+CN=…`). Country is a PrintableString, the rest UTF8String (Chinese).
 */
import * as asn1js from 'asn1js';
import { RelativeDistinguishedNames } from 'pkijs';
import { SignError } from './errors';
import { CERT_NAME_MAX } from './name-limits';
import { bytesEqual } from './bytes';
import { perObject } from './memo';

const OID_COUNTRY = '2.5.4.6';
export const OID_ORGANIZATION = '2.5.4.10';
export const OID_COMMON_NAME = '2.5.4.3';

const LABELS: Record<string, string> = {
  [OID_COUNTRY]: 'C',
  [OID_ORGANIZATION]: 'O',
  [OID_COMMON_NAME]: 'CN',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '1.2.840.113549.1.9.1': 'E',
};

export interface NameParts {
  /** Common name: a person's name, or the CA's name. */
  name: string;
  /** Organisation (单位). */
  org?: string;
}

function checkPart(label: string, value: string, max: number): string {
  const v = value.normalize('NFC').trim();
  if (!v) throw new SignError('name-invalid', `${label}不能为空`);
  if (v.length > max) throw new SignError('name-invalid', `${label}过长（最多 ${max} 个字符）`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new SignError('name-invalid', `${label}含有控制字符`);
  return v;
}

/** The Name as pkijs wants it, built from its DER so each attribute keeps its own SET. */
export function buildName(parts: NameParts): RelativeDistinguishedNames {
  const rdn = (oid: string, value: asn1js.BaseBlock) =>
    new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), value] })] });
  const rdns = [rdn(OID_COUNTRY, new asn1js.PrintableString({ value: 'CN' }))];
  if (parts.org !== undefined && parts.org.trim() !== '')
    rdns.push(rdn(OID_ORGANIZATION, new asn1js.Utf8String({ value: checkPart('单位名称', parts.org, CERT_NAME_MAX) })));
  rdns.push(rdn(OID_COMMON_NAME, new asn1js.Utf8String({ value: checkPart('姓名（名称）', parts.name, CERT_NAME_MAX) })));
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return RelativeDistinguishedNames.fromBER(der);
}

function valueText(v: unknown): string {
  const block = (v as { valueBlock?: { value?: unknown } }).valueBlock;
  return typeof block?.value === 'string' ? block.value : '';
}

/** The first value of an attribute in a name, or ''. */
export function nameAttribute(name: RelativeDistinguishedNames, oid: string): string {
  const tv = name.typesAndValues.find((t) => t.type === oid);
  return tv ? valueText(tv.value) : '';
}

/** `CN=张三, O=锡林郭勒盟委组织部, C=CN` (most specific first, as people read it). */
export function formatName(name: RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((t) => `${LABELS[t.type] ?? t.type}=${valueText(t.value)}`)
    .join(', ');
}

/** Same name, byte for byte (DER). */
export function sameName(a: RelativeDistinguishedNames, b: RelativeDistinguishedNames): boolean {
  return bytesEqual(nameDer(a), nameDer(b));
}

/** A name's DER, encoded once per name object. */
export const nameDer = perObject((name: RelativeDistinguishedNames) => new Uint8Array(name.toSchema().toBER(false)));
