/**
 * Identities and the supervisor's CA, checked with OpenSSL: the CSR a browser makes verifies
 * and names the person in UTF-8 with one attribute per RDN; the CA and the observer
 * certificates carry the right extensions; an issued certificate chains to the CA.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificateInfo,
  certificateToPem,
  createCa,
  createIdentityRequest,
  generateSigningKey,
  importIssuedCertificate,
  issueCertificate,
  parseCertificate,
  parseCsr,
  SignError,
  verifyCsr,
  type Identity,
} from '../../../utils/sign';
import { observer, OBSERVER_ORG, SUPERVISOR } from '../../fixtures/sign/pki';
import { run, saveFile, tempDir } from '../../fixtures/sign/tools';

let ca: Identity;
let caPem: string;

beforeAll(async () => {
  ca = await createCa(SUPERVISOR);
  caPem = certificateToPem(ca.certificate);
});

describe('certificate request (PKCS#10)', () => {
  it('is verified by `openssl req -verify`, with C, O, CN each in its own RDN, Chinese as UTF8String', async () => {
    const req = await createIdentityRequest({ name: '张三', org: OBSERVER_ORG });
    expect(req.keys.privateKey.extractable).toBe(false);
    const file = saveFile(req.csrPem, 'req.pem');
    const r = run('openssl', ['req', '-in', file, '-verify', '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb']);
    expect(r.err + r.out).toContain('verify OK');
    // RFC 2253 order (most specific first); a multi-valued RDN would print `+`.
    expect(r.out.trim()).toBe(`subject=CN=张三,O=${OBSERVER_ORG},C=CN`);
    const dump = run('openssl', ['asn1parse', '-in', file]).out;
    // The subject: three SETs of one attribute each.
    const compact = dump
      .split('\n')
      .map((l) =>
        l
          .replace(/^.*?(cons|prim): /, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .join('|');
    expect(compact).toContain(
      `SET|SEQUENCE|OBJECT :countryName|PRINTABLESTRING :CN|SET|SEQUENCE|OBJECT :organizationName|UTF8STRING :${OBSERVER_ORG}|SET|SEQUENCE|OBJECT :commonName|UTF8STRING :张三|`,
    );
    expect(await verifyCsr(parseCsr(req.csrPem))).toBe(true);
  });

  it('a tampered request is refused by the CA', async () => {
    const req = await createIdentityRequest({ name: '张三', org: OBSERVER_ORG });
    const der = req.csr.slice();
    der[der.length - 5] ^= 0x01; // inside the signature
    const csr = parseCsr(der);
    expect(await verifyCsr(csr)).toBe(false);
    await expect(issueCertificate(ca, csr)).rejects.toThrow('证书请求的签名无效');
  });

  it('refuses an empty name, in Chinese', async () => {
    await expect(createIdentityRequest({ name: '  ' })).rejects.toThrow(SignError);
    await expect(createIdentityRequest({ name: '  ' })).rejects.toThrow('姓名（名称）不能为空');
  });

  it('browser keys are non-extractable; the CLI may ask for extractable ones', async () => {
    expect((await generateSigningKey()).privateKey.extractable).toBe(false);
    expect((await generateSigningKey({ extractable: true })).privateKey.extractable).toBe(true);
  });
});

describe('the CA certificate', () => {
  it('is a self-signed P-256 CA: CA:TRUE and keyCertSign, cRLSign, both critical; SKI; 10 years', () => {
    const file = saveFile(caPem, 'ca.pem');
    const text = run('openssl', ['x509', '-in', file, '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb']).out;
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('NIST CURVE: P-256');
    expect(text).toContain(`Subject: CN=${SUPERVISOR.name},O=${SUPERVISOR.org},C=CN`);
    expect(run('openssl', ['verify', '-CAfile', file, file]).out).toContain(': OK');
    const years = (ca.certificate.notAfter.value.getTime() - ca.certificate.notBefore.value.getTime()) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(10);
  });
});

describe('an observer certificate', () => {
  let id: Identity;
  beforeAll(async () => {
    id = await observer(ca, '张三');
  });

  it('chains to the CA (`openssl verify`), is an end entity for signing, two years by default', () => {
    const dir = tempDir();
    const cert = saveFile(certificateToPem(id.certificate), 'cert.pem', dir);
    const caFile = saveFile(caPem, 'ca.pem', dir);
    expect(run('openssl', ['verify', '-CAfile', caFile, cert]).out).toContain('cert.pem: OK');
    const text = run('openssl', ['x509', '-in', cert, '-noout', '-text']).out;
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s+E-mail Protection/);
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain('X509v3 Subject Key Identifier');
    const serial = /Serial Number:\s+([0-9a-f:]+)/.exec(text)![1].split(':');
    expect(serial).toHaveLength(16);
    expect(parseInt(serial[0], 16)).toBeLessThan(0x80);
    const days = (id.certificate.notAfter.value.getTime() - id.certificate.notBefore.value.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(730);
  });

  it('never outlives the CA', async () => {
    const shortCa = await createCa({ name: '临时巡听办', validityYears: 1 });
    const short = await observer(shortCa, '李四');
    expect(short.certificate.notAfter.value.getTime()).toBe(shortCa.certificate.notAfter.value.getTime());
  });

  it('describes itself for people: subject, issuer, serial, SHA-256 fingerprint, validity', async () => {
    const info = await certificateInfo(id.certificate);
    expect(info.subject).toEqual({ cn: '张三', o: OBSERVER_ORG, text: `CN=张三, O=${OBSERVER_ORG}, C=CN` });
    expect(info.issuer.cn).toBe(SUPERVISOR.name);
    expect(info.serial).toMatch(/^[0-9A-F]{32}$/);
    expect(info.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const file = saveFile(certificateToPem(id.certificate), 'c.pem');
    const openssl = run('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256']).out;
    expect(openssl.trim()).toBe(`sha256 Fingerprint=${info.fingerprint}`);
    expect(new Date(info.notAfter).getTime()).toBe(id.certificate.notAfter.value.getTime());
    expect(info.isCa).toBe(false);
    expect(id.chain).toHaveLength(1);
  });

  it('importing a certificate issued for another key is refused (SPKI differs)', async () => {
    const other = await createIdentityRequest({ name: '李四' });
    await expect(importIssuedCertificate(other.keys, certificateToPem(id.certificate))).rejects.toThrow('不是为本机的签名密钥签发的');
  });

  it('imports DER as well as PEM, and a PEM bundle with the CA becomes the chain', async () => {
    const req = await createIdentityRequest({ name: '王五', org: OBSERVER_ORG });
    const cert = await issueCertificate(ca, parseCsr(req.csr));
    const fromDer = await importIssuedCertificate(req.keys, new Uint8Array(cert.toSchema().toBER(false)));
    expect(fromDer.chain).toEqual([]);
    const bundle = await importIssuedCertificate(req.keys, certificateToPem(cert) + caPem);
    expect(bundle.chain).toHaveLength(1);
    expect((await certificateInfo(bundle.chain[0])).subject.cn).toBe(SUPERVISOR.name);
    expect(parseCertificate(caPem).subject.typesAndValues).toHaveLength(3);
  });
});
