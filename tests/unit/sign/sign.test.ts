/**
 * Signing a report, judged by the external verifiers: poppler's pdfsig (valid; trusted once the
 * CA is in an NSS database; "Digest Mismatch" after a flipped byte), `openssl cms -verify` on the
 * CMS and bytes we cut out ourselves, qpdf --check, pdfdetach; and the structure of the
 * incremental update (original bytes untouched, /Prev, catalog entries kept, ByteRange to EOF).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportRecordJson } from '../../../utils/pdf';
import type { ObservationRecord } from '../../../utils/record';
import { certificateToPem, CONTENTS_MARGIN, readPkcs12, signPdf, SignError } from '../../../utils/sign';
import { makePki, type Pki } from '../../fixtures/sign/pki';
import { cmsOf, flipByte, signatures } from '../../fixtures/sign/pdf-bytes';
import { demoReport } from '../../fixtures/sign/reports';
import { nssDbTrusting, opensslCmsVerify, pdfsig, qpdfCheck, run, saveFile, tempDir } from '../../fixtures/sign/tools';

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const SIGNING_TIME = new Date();

let pki: Pki;
let record: ObservationRecord;
let plain: Uint8Array;
let signed: Uint8Array;
let cosigned: Uint8Array;
let nss: string;
let caFile: string;

beforeAll(async () => {
  pki = await makePki();
  ({ record, pdf: plain } = demoReport());
  signed = await signPdf(plain, {
    key: pki.zhang.privateKey,
    certificate: pki.zhang.certificate,
    chain: pki.zhang.chain,
    location: '锡林浩特市',
    signingTime: SIGNING_TIME,
  });
  cosigned = await signPdf(signed, { key: pki.li.privateKey, certificate: pki.li.certificate, chain: pki.li.chain });
  const caPem = certificateToPem(pki.ca.certificate);
  nss = nssDbTrusting(caPem);
  caFile = saveFile(caPem, 'ca.pem');
});

describe('a signed report in pdfsig', () => {
  it('"Signature is Valid.", signed by 张三, the whole document, ETSI.CAdES.detached, SHA-256', () => {
    const r = pdfsig(saveFile(signed, 'signed.pdf'));
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0];
    expect(s.valid).toBe(true);
    expect(s.totalDocument).toBe(true);
    expect(s.text).toContain('Signature Field Name: Signature1');
    expect(s.text).toContain('Signer Certificate Common Name: 张三');
    expect(s.text).toContain('Signer full Distinguished Name: CN=张三,O=锡林郭勒盟委组织部,C=CN');
    expect(s.text).toContain('Signature Type: ETSI.CAdES.detached');
    expect(s.text).toContain('Signing Hash Algorithm: SHA-256');
    // Without the CA in its database, pdfsig cannot trust the issuer.
    expect(s.trusted).toBe(false);
  });

  it('"Certificate is Trusted." once the CA is imported into the NSS database', () => {
    const r = pdfsig(saveFile(signed, 'signed.pdf'), nss);
    expect(r.signatures.map((s) => [s.valid, s.trusted])).toEqual([[true, true]]);
  });

  it('a flipped byte inside the signed range: "Digest Mismatch"', () => {
    const sig = signatures(signed)[0];
    const bad = flipByte(signed, Math.floor(sig.range[1] / 2));
    const s = pdfsig(saveFile(bad, 'flipped.pdf'), nss).signatures[0];
    expect(s.valid).toBe(false);
    expect(s.text).toContain('Signature Validation: Digest Mismatch.');
  });

  it('countersigned: two signatures, both valid and trusted; only the second covers the whole document', () => {
    const r = pdfsig(saveFile(cosigned, 'cosigned.pdf'), nss);
    expect(r.signatures.map((s) => [s.valid, s.trusted, s.totalDocument])).toEqual([
      [true, true, false],
      [true, true, true],
    ]);
    expect(r.signatures[1].text).toContain('Signature Field Name: Signature2');
    expect(r.signatures[1].text).toContain('Signer Certificate Common Name: 李四');
  });
});

describe('the space reserved for the signature', () => {
  it('is the CMS it holds plus a small margin, for each signer (not a fixed 8 KB)', () => {
    for (const pdf of [signed, cosigned]) {
      for (const sig of signatures(pdf)) {
        const reserved = (sig.contentsEnd - sig.contentsStart - 2) / 2;
        const cms = cmsOf(pdf, sig).length;
        expect(reserved).toBeGreaterThanOrEqual(cms);
        expect(reserved - cms).toBeLessThanOrEqual(CONTENTS_MARGIN + 8);
      }
    }
  });
});

describe('the CMS in openssl', () => {
  it('`openssl cms -verify` agrees, with the CMS and the signed bytes cut out of the PDF', () => {
    for (const pdf of [signed, cosigned]) {
      for (const sig of signatures(pdf)) {
        const r = opensslCmsVerify(pdf, sig, caFile);
        expect(r.err).toContain('CMS Verification successful');
        expect(r.code).toBe(0);
      }
    }
  });

  it('openssl refuses the flipped file', () => {
    const sig = signatures(signed)[0];
    const bad = flipByte(signed, 100);
    const r = opensslCmsVerify(bad, sig, caFile);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('CMS Verification failure');
    expect(r.err).toContain('content verify error');
  });

  it('PAdES B-B: detached, signed attributes contentType, messageDigest, signing-certificate-v2 in DER order, no signingTime; signer and CA included', () => {
    const sig = signatures(signed)[0];
    const der = saveFile(cmsOf(signed, sig), 'sig.der');
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', der]).out;
    expect(printed).toContain('eContent: <ABSENT>');
    expect(printed).toContain('contentType (1.2.840.113549.1.9.3)');
    expect(printed).toContain('messageDigest (1.2.840.113549.1.9.4)');
    expect(printed).toMatch(/signingCertificateV2 \(1\.2\.840\.113549\.1\.9\.16\.2\.47\)/);
    expect(printed).not.toContain('signingTime');
    expect(printed).toContain('ecdsa-with-SHA256');
    expect(printed.match(/d\.certificate:/g)).toHaveLength(2);

    // The signed attributes' encodings are in ascending (DER SET) order.
    const asn = asn1js.fromBER(cmsOf(signed, sig).slice().buffer);
    const signedData = (asn.result as asn1js.Sequence).valueBlock.value[1] as asn1js.Constructed;
    const sd = signedData.valueBlock.value[0] as asn1js.Sequence;
    const signerInfos = sd.valueBlock.value[sd.valueBlock.value.length - 1] as asn1js.Set;
    const si = signerInfos.valueBlock.value[0] as asn1js.Sequence;
    const attrs = (si.valueBlock.value[3] as asn1js.Constructed).valueBlock.value.map((a) => Buffer.from(a.toBER(false)));
    expect(attrs).toHaveLength(3);
    const sorted = [...attrs].sort(Buffer.compare);
    expect(attrs).toEqual(sorted);
  });
});

describe('the incremental update', () => {
  it('leaves the original bytes untouched and ends with the last ByteRange at the end of the file', () => {
    expect(Buffer.compare(signed.subarray(0, plain.length), plain)).toBe(0);
    expect(Buffer.compare(cosigned.subarray(0, signed.length), signed)).toBe(0);
    for (const pdf of [signed, cosigned]) {
      const sigs = signatures(pdf);
      const [, , c, d] = sigs[sigs.length - 1].range;
      expect(c + d).toBe(pdf.length);
      expect(latin1(pdf.subarray(-6))).toBe('%%EOF\n');
    }
  });

  it('writes the /Sig dictionary, an AcroForm with both fields, /Prev, and keeps the Catalog’s /Names and /AF', () => {
    const update = latin1(cosigned.subarray(signed.length));
    expect(update).toMatch(/\/Type \/Sig \/Filter \/Adobe\.PPKLite \/SubFilter \/ETSI\.CAdES\.detached/);
    // 巡听旁听情况记录 in UTF-16BE with a byte-order mark.
    expect(update).toContain('/Reason <FEFF5DE1542C65C1542C60C551B58BB05F55>');
    expect(update).toMatch(/\/M \(D:\d{14}Z\)/);
    expect(update).toMatch(/\/Fields \[(\d+) 0 R (\d+) 0 R\] \/SigFlags 3/);
    expect(update).toMatch(/\/Annots \[\d+ 0 R \d+ 0 R\]/);
    expect(update).toMatch(/\/Names << \/EmbeddedFiles << \/Names \[\(observation\.json\) \d+ 0 R\] >> >> \/AF \[\d+ 0 R\]/);
    const prev = Number(/\/Prev (\d+)/.exec(update)![1]);
    const previousStartxref = Number([...latin1(signed.subarray(-200)).matchAll(/startxref\s+(\d+)/g)].pop()![1]);
    expect(prev).toBe(previousStartxref);
    expect(latin1(signed)).toContain('/Location <FEFF952167976D6972795E02>');
  });

  it('passes qpdf --check and the record still comes out with pdfdetach', () => {
    for (const [name, pdf] of [
      ['signed.pdf', signed],
      ['cosigned.pdf', cosigned],
    ] as const) {
      const file = saveFile(pdf, name);
      expect(qpdfCheck(file).out).toContain('No syntax or stream encoding errors');
      const dir = tempDir();
      expect(run('pdfdetach', ['-saveall', '-o', dir, file]).code).toBe(0);
      expect(readFileSync(join(dir, 'observation.json'), 'utf8')).toBe(reportRecordJson(record));
    }
  });
});

describe('signPdf refuses', () => {
  it('an expired certificate, a key that is not the certificate’s, a file that is not a PDF, a CMS that does not fit', async () => {
    const expired = signPdf(plain, { key: pki.expired.privateKey, certificate: pki.expired.certificate });
    await expect(expired).rejects.toThrow(/证书已于 \d{4}-\d{2}-\d{2} 过期，不能签名/);
    const mismatch = signPdf(plain, { key: pki.li.privateKey, certificate: pki.zhang.certificate });
    await expect(mismatch).rejects.toThrow('私钥与证书不匹配');
    const notPdf = signPdf(new TextEncoder().encode('hello'), { key: pki.zhang.privateKey, certificate: pki.zhang.certificate });
    await expect(notPdf).rejects.toThrow(SignError);
    const small = signPdf(plain, { key: pki.zhang.privateKey, certificate: pki.zhang.certificate, chain: pki.zhang.chain, contentsSize: 256 });
    await expect(small).rejects.toThrow('超过预留空间');
  });
});

describe('an RSA identity made by openssl', () => {
  it('signs a report that pdfsig validates', async () => {
    const dir = tempDir();
    const key = join(dir, 'rsa.pem');
    const cert = join(dir, 'rsa.crt');
    expect(
      run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=RSA 签名人', '-utf8', '-days', '30']).code,
    ).toBe(0);
    const p12 = join(dir, 'rsa.p12');
    expect(run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:rsa-passphrase']).code).toBe(0);
    const id = await readPkcs12(new Uint8Array(readFileSync(p12)), 'rsa-passphrase');
    const pdf = await signPdf(plain, { key: id.privateKey, certificate: id.certificate });
    const s = pdfsig(saveFile(pdf, 'rsa.pdf')).signatures[0];
    expect(s.valid).toBe(true);
    expect(s.text).toContain('Signer Certificate Common Name: RSA 签名人');
  });
});
