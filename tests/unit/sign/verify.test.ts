/**
 * verifyPdf against a corpus of bad files built here from a good one: each is rejected with
 * its own code and a clear Chinese reason, and the forged record of a shadow attack is never
 * returned. Good files (one signature, countersigned, pinned signer) give back the record
 * exactly as signed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { jsPDF } from 'jspdf';
import { ContentInfo, SignedData } from 'pkijs';
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportRecordJson } from '../../../utils/pdf';
import type { ObservationRecord } from '../../../utils/record';
import { certificateInfo, fingerprint, signPdf, verifyPdf, type Identity, type Verdict, type VerifyOptions } from '../../../utils/sign';
import { makePki, observer, type Pki } from '../../fixtures/sign/pki';
import { appendStreamUpdate, cmsOf, flipByte, signatures, withByteRange, withCms } from '../../fixtures/sign/pdf-bytes';
import { demoReport } from '../../fixtures/sign/reports';
import { pdfsig, run, saveFile, tempDir } from '../../fixtures/sign/tools';

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const SIGNING_TIME = new Date(Math.floor(Date.now() / 1000) * 1000);

let pki: Pki;
let record: ObservationRecord;
let plain: Uint8Array;
let signed: Uint8Array;
let trust: VerifyOptions;

const sign = (pdf: Uint8Array, id: Identity, extra: { allowInvalidCertificate?: boolean } = {}) =>
  signPdf(pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain, signingTime: SIGNING_TIME, ...extra });

/** Where the report keeps observation.json: the /EmbeddedFile stream's object number, the Root, the last /Size. */
function layout(pdf: Uint8Array): { stream: number; root: string; size: number } {
  const text = latin1(pdf);
  const spec = /\/Names \[\(observation\.json\) (\d+) 0 R\]/.exec(text)![1];
  const stream = Number(new RegExp(`\\n${spec} 0 obj\\s*<<[^]*?/EF << /F (\\d+) 0 R`).exec(text)![1]);
  const trailers = [...text.matchAll(/\/Size (\d+)[^]*?\/Root (\d+ \d+ R)/g)];
  const last = trailers[trailers.length - 1];
  return { stream, root: last[2], size: Number(last[1]) };
}

/** The shadow attack: an update after signing that swaps observation.json for a forged record. */
function forge(pdf: Uint8Array, forged: ObservationRecord): Uint8Array {
  const { stream, root, size } = layout(pdf);
  return appendStreamUpdate(pdf, stream, '/Type /EmbeddedFile /Subtype /application#2Fjson', new TextEncoder().encode(reportRecordJson(forged)), root, size);
}

function expectRejected(v: Verdict, code: string, reason: RegExp | string) {
  expect(v.ok).toBe(false);
  expect(v.code).toBe(code);
  if (typeof reason === 'string') expect(v.reason).toContain(reason);
  else expect(v.reason).toMatch(reason);
  expect(v.record).toBeUndefined();
  expect(v.recordJson).toBeUndefined();
}

beforeAll(async () => {
  pki = await makePki();
  ({ record, pdf: plain } = demoReport());
  signed = await sign(plain, pki.zhang);
  trust = { trust: { cas: [pki.ca.certificate] } };
});

describe('good files', () => {
  it('a signed report: ok, with the signer, the time, and the record exactly as signed', async () => {
    const v = await verifyPdf(signed, trust);
    expect(v.ok).toBe(true);
    expect(v.code).toBeUndefined();
    expect(v.signatures).toEqual([
      {
        index: 0,
        signer: { cn: '张三', o: '锡林郭勒盟委组织部', fingerprint: (await certificateInfo(pki.zhang.certificate)).fingerprint },
        signingTime: SIGNING_TIME.toISOString(),
        digestValid: true,
        chainTrusted: true,
        certValidAtSigningTime: true,
        coversWholeFile: true,
        byteRange: signatures(signed)[0].range,
      },
    ]);
    expect(v.record).toEqual(record);
    expect(v.recordJson).toBe(reportRecordJson(record));
  });

  it('countersigned by a second observer: both signatures valid, the record once', async () => {
    const both = await sign(signed, pki.li);
    const v = await verifyPdf(both, trust);
    expect(v.ok).toBe(true);
    expect(v.signatures.map((s) => [s.signer?.cn, s.digestValid, s.chainTrusted, s.coversWholeFile])).toEqual([
      ['张三', true, true, false],
      ['李四', true, true, true],
    ]);
    expect(v.record).toEqual(record);
  });

  it('a signer from another CA is accepted when its certificate is pinned', async () => {
    const v = await verifyPdf(await sign(plain, pki.stranger), { trust: { cas: [pki.ca.certificate], pinned: [pki.stranger.certificate] } });
    expect(v.ok).toBe(true);
    expect(v.signatures[0].chainTrusted).toBe(true);
  });
});

describe('the corpus of bad files', () => {
  it('not a PDF; an empty file', async () => {
    expectRejected(await verifyPdf(new TextEncoder().encode('这不是 PDF 文件'), trust), 'not-pdf', '不是 PDF 文件');
    expectRejected(await verifyPdf(new Uint8Array(), trust), 'not-pdf', '不是 PDF 文件');
  });

  it('a truncated file (half of it; or just the final %%EOF missing)', async () => {
    expectRejected(await verifyPdf(signed.subarray(0, signed.length >> 1), trust), 'truncated', '文件不完整');
    expectRejected(await verifyPdf(signed.subarray(0, signed.length - 6), trust), 'truncated', '文件不完整');
  });

  it('no signature (the plain report)', async () => {
    expectRejected(await verifyPdf(plain, trust), 'no-signature', '文件没有数字签名');
  });

  it('a flipped byte inside the signed range (pdfsig: Digest Mismatch)', async () => {
    const bad = flipByte(signed, 2000);
    const v = await verifyPdf(bad, trust);
    expectRejected(v, 'digest-mismatch', '文件内容在签名后被改动（摘要不符）');
    expect(v.signatures[0].digestValid).toBe(false);
    expect(pdfsig(saveFile(bad, 'flipped.pdf')).signatures[0].text).toContain('Digest Mismatch');
  });

  it('the shadow attack: an update appended after signing replaces observation.json; the forged record is never returned', async () => {
    const forged: ObservationRecord = { ...record, theme: '伪造的学习主题', narrative: { ...record.narrative, problems: '（问题已全部删除）' } };
    const attacked = forge(signed, forged);
    // The attack is real: a naive reader gets the forged record, and pdfsig still calls the signature valid.
    const dir = tempDir();
    const file = saveFile(attacked, 'attacked.pdf', dir);
    expect(run('pdfdetach', ['-saveall', '-o', dir, file]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'observation.json'), 'utf8')).theme).toBe('伪造的学习主题');
    const s = pdfsig(file).signatures[0];
    expect(s.valid).toBe(true);
    expect(s.totalDocument).toBe(false);

    const v = await verifyPdf(attacked, trust);
    expectRejected(v, 'appended-after-signature', /签名之后文件又被追加了 \d+ 字节的内容/);
    expect(v.signatures[0].digestValid).toBe(true);
    expect(v.signatures[0].coversWholeFile).toBe(false);
    expect(JSON.stringify(v)).not.toContain('伪造的学习主题');
  });

  it('a trusted countersigner who swapped the record before signing: the first signer did not sign it', async () => {
    const attacked = forge(signed, { ...record, theme: '伪造的学习主题' });
    const v = await verifyPdf(await sign(attacked, pki.li), trust);
    expectRejected(v, 'record-changed', '嵌入的记录被改动过');
    expect(JSON.stringify(v)).not.toContain('伪造的学习主题');
  });

  it('ByteRange with a gap, an overlap, beyond the end of the file, or not matching /Contents', async () => {
    const sig = signatures(signed)[0];
    const [, b, c, d] = sig.range;
    expectRejected(await verifyPdf(withByteRange(signed, sig, [0, b - 10, c, d]), trust), 'byterange-invalid', '签名范围留有未签名的空隙');
    expectRejected(await verifyPdf(withByteRange(signed, sig, [0, c + 10, c, d]), trust), 'byterange-invalid', '签名范围相互重叠');
    expectRejected(await verifyPdf(withByteRange(signed, sig, [0, b, c, d + 100]), trust), 'byterange-invalid', '签名范围超出文件末尾');
    expectRejected(await verifyPdf(withByteRange(signed, sig, [0, b + 2, c, d]), trust), 'byterange-invalid', '签名值（/Contents）与签名范围的空隙不一致');
    expectRejected(await verifyPdf(withByteRange(signed, sig, [5, b, c, d]), trust), 'byterange-invalid', '签名范围没有从文件开头开始');
  });

  it('a CMS with encapsulated content (not detached)', async () => {
    const sig = signatures(signed)[0];
    const ci = ContentInfo.fromBER(cmsOf(signed, sig).slice().buffer);
    const sd = new SignedData({ schema: ci.content });
    sd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: new TextEncoder().encode('封装的内容').buffer });
    const cms = new Uint8Array(new ContentInfo({ contentType: ci.contentType, content: sd.toSchema(true) }).toSchema().toBER(false));
    expectRejected(await verifyPdf(withCms(signed, sig, cms), trust), 'not-detached', '不是分离式签名');
  });

  it('a CMS in BER with indefinite lengths (as some signers write it) verifies as its DER form does', async () => {
    const sig = signatures(signed)[0];
    const der = cmsOf(signed, sig);
    // ContentInfo and its [0] wrapper re-encoded with indefinite lengths and end-of-contents octets.
    const info = der.subarray(2 + (der[1] & 0x7f));
    const oidLen = 2 + info[1];
    const wrapped = info.subarray(oidLen);
    const inner = wrapped.subarray(2 + (wrapped[1] & 0x7f));
    const ber = Uint8Array.from([0x30, 0x80, ...info.subarray(0, oidLen), 0xa0, 0x80, ...inner, 0, 0, 0, 0]);
    const v = await verifyPdf(withCms(signed, sig, ber), trust);
    expect(v.ok).toBe(true);
    expect(v.signatures[0].signer?.cn).toBe((await verifyPdf(signed, trust)).signatures[0].signer?.cn);
    expect(v.recordJson).toBe(reportRecordJson(record));
  });

  it('a CMS whose signature value was altered', async () => {
    const sig = signatures(signed)[0];
    const cms = cmsOf(signed, sig).slice();
    cms[cms.length - 1] ^= 0x01;
    expectRejected(await verifyPdf(withCms(signed, sig, cms), trust), 'signature-invalid', '签名值无效');
  });

  it('/Contents that is not a CMS at all', async () => {
    const sig = signatures(signed)[0];
    expectRejected(await verifyPdf(withCms(signed, sig, new TextEncoder().encode('not a cms')), trust), 'cms-invalid', '签名内容无法解析');
  });

  it('a signer from another CA', async () => {
    const v = await verifyPdf(await sign(plain, pki.stranger), trust);
    expectRejected(v, 'untrusted-signer', '签名人「王五」的证书不是由受信任的 CA 签发的');
    expect(v.signatures[0].digestValid).toBe(true);
    expect(v.signatures[0].chainTrusted).toBe(false);
    // Named so the supervisor can tell which CA to trust (or not): the CA the signature carries.
    expect(v.signatures[0].issuer).toEqual({ cn: '某外部机构', o: '不受信任的单位', fingerprint: await fingerprint(pki.otherCa.certificate) });
  });

  it('a signer whose signature carries no CA: the issuer named from the certificate, no fingerprint', async () => {
    const bare = await signPdf(plain, { key: pki.stranger.privateKey, certificate: pki.stranger.certificate, signingTime: SIGNING_TIME });
    expect((await verifyPdf(bare, trust)).signatures[0].issuer).toEqual({ cn: '某外部机构', o: '不受信任的单位', fingerprint: null });
  });

  it('an expired certificate; one not yet valid', async () => {
    const expired = await verifyPdf(await sign(plain, pki.expired, { allowInvalidCertificate: true }), trust);
    expectRejected(expired, 'cert-expired', /签名人证书在签名时已过期（有效期至 \d{4}-\d{2}-\d{2}，签名时间 \d{4}-\d{2}-\d{2}）/);
    expect(expired.signatures[0].certValidAtSigningTime).toBe(false);
    const early = await observer(pki.ca, '钱七', { notBefore: new Date(Date.now() + 86_400_000), notAfter: new Date(Date.now() + 400 * 86_400_000) });
    const v = await verifyPdf(await sign(plain, early, { allowInvalidCertificate: true }), trust);
    expectRejected(v, 'cert-not-yet-valid', '签名人证书在签名时尚未生效');
  });

  it('a signed PDF without an embedded record (unless the caller does not require one)', async () => {
    const doc = new jsPDF();
    doc.text('no record here', 20, 20);
    const other = await sign(new Uint8Array(doc.output('arraybuffer')), pki.zhang);
    expectRejected(await verifyPdf(other, trust), 'record-missing', '没有嵌入的记录');
    const v = await verifyPdf(other, { ...trust, requireRecord: false });
    expect(v.ok).toBe(true);
    expect(v.record).toBeUndefined();
  });

  it('a decompression bomb in observation.json is refused at 20 MB', async () => {
    const { stream, root, size } = layout(plain);
    const bomb = deflateSync(Buffer.alloc(25 * 1024 * 1024, 0x20));
    const withBomb = appendStreamUpdate(plain, stream, '/Type /EmbeddedFile /Filter /FlateDecode', new Uint8Array(bomb), root, size);
    expectRejected(await verifyPdf(await sign(withBomb, pki.zhang), trust), 'record-invalid', '解压后超过 20 MB');
  });

  it('a signed record that is not a valid ObservationRecord', async () => {
    const { stream, root, size } = layout(plain);
    const broken = appendStreamUpdate(plain, stream, '/Type /EmbeddedFile', new TextEncoder().encode('{"format":"xunting.observation/1"}'), root, size);
    expectRejected(await verifyPdf(await sign(broken, pki.zhang), trust), 'record-invalid', /^嵌入的记录无效：\$/);
  });
});

describe('any change to a signed file is caught', () => {
  it('a flipped bit anywhere (200 random places, the /Contents padding included) is rejected, never ok', async () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const sig = signatures(signed)[0];
    const offsets = [sig.contentsEnd - 10, sig.contentsStart + 1, sig.rangeAt + 5, signed.length - 1, signed.length - 20];
    for (let i = 0; i < 200; i++) offsets.push(Math.floor(random() * signed.length));
    for (const at of offsets) {
      const v = await verifyPdf(flipByte(signed, at), trust);
      expect(v.ok, `offset ${at}`).toBe(false);
      expect(v.record).toBeUndefined();
    }
  });

  it('the zero padding after the CMS must stay zero', async () => {
    const sig = signatures(signed)[0];
    const bad = signed.slice();
    bad[sig.contentsEnd - 10] = 0x31; // '1'
    expectRejected(await verifyPdf(bad, trust), 'cms-invalid', '填充被改动过');
  });
});
