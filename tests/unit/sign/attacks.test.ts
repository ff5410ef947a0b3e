/**
 * The corpus of known PDF-signature attacks, built here from a genuinely signed demo report:
 * incremental updates after signing, signature wrapping and universal signature forgery
 * (Mladenov, Mainka, Meyer zu Selhausen, Grothe, Schwenk, "1 Trillion Dollar Refund: How To
 * Spoof PDF Signatures", CCS 2019), lying cross-reference structures, embedded-file tricks,
 * decompression bombs and plain garbage. Each must be refused with its own code and a Chinese
 * reason that names the problem; never ok, never an exception, never the forged record.
 *
 * Where it is instructive, poppler's pdfsig is run on the same file: it checks the bytes a
 * ByteRange names, so for the shadow and wrapping attacks it says "Signature is Valid" (and only
 * "Not total document signed" hints at the trouble) while pdfdetach hands out the forged record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { reportRecordJson } from '../../../utils/pdf';
import type { ObservationRecord } from '../../../utils/record';
import { concatBytes } from '../../../utils/sign/bytes';
import { MAX_SIGNATURES } from '../../../utils/sign/verify';
import { MAX_PATH_VERIFICATIONS } from '../../../utils/sign/chain';
import type { Certificate } from 'pkijs';
import { signPdf, verifyPdf, type Identity, type Verdict, type VerifyOptions } from '../../../utils/sign';
import {
  appendSignatureDict,
  appendUpdate,
  doubleFlateBomb,
  editedObject,
  enc,
  flateBomb,
  forgedRecordStream,
  latin1,
  layoutOf,
  makeCert,
  newKeys,
  noise,
  objectText,
  sigGeometry,
  signAs,
  signContentsFirst,
  streamBody,
  streamData,
  unknownCritical,
  utf8,
  wrapSignature,
  xrefText,
  type Layout,
  type NewObject,
} from '../../fixtures/sign/attacks';
import { makePki, type Pki } from '../../fixtures/sign/pki';
import { lastStartxref, signatures, withByteRange } from '../../fixtures/sign/pdf-bytes';
import { demoReport } from '../../fixtures/sign/reports';
import { pdfsig, run, saveFile, tempDir } from '../../fixtures/sign/tools';

const SIGNING_TIME = new Date(Math.floor(Date.now() / 1000) * 1000);
const FORGED_THEME = '伪造的学习主题';
const APPENDED = /^签名之后文件又被追加了 \d+ 字节的内容/;

let pki: Pki;
let record: ObservationRecord;
let plain: Uint8Array;
let signed: Uint8Array;
let L: Layout;
let forgedJson: string;
let trust: VerifyOptions;

const sign = (pdf: Uint8Array, id: Identity = pki.zhang) =>
  signPdf(pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain, signingTime: SIGNING_TIME });
const verify = (pdf: Uint8Array) => verifyPdf(pdf, trust);

/** Refused, with this code and a reason that says so; no record, nothing forged anywhere in the verdict. */
function expectRefused(v: Verdict, code: string, reason: RegExp | string) {
  expect(v.ok, v.reason).toBe(false);
  expect(v.code, v.reason).toBe(code);
  if (typeof reason === 'string') expect(v.reason).toContain(reason);
  else expect(v.reason).toMatch(reason);
  expect(v.record).toBeUndefined();
  expect(v.recordJson).toBeUndefined();
  expect(JSON.stringify(v)).not.toContain(FORGED_THEME);
}

/** What pdfsig says about the (last) signature. */
function pdfsigOn(bytes: Uint8Array, name: string) {
  const r = pdfsig(saveFile(bytes, name));
  return r.signatures[r.signatures.length - 1];
}

/** What pdfdetach extracts as observation.json (null when it cannot). */
function detached(bytes: Uint8Array): string | null {
  const dir = tempDir();
  const file = saveFile(bytes, 'attack.pdf', dir);
  if (run('pdfdetach', ['-saveall', '-o', dir, file]).code !== 0) return null;
  try {
    return readFileSync(join(dir, 'observation.json'), 'utf8');
  } catch {
    return null;
  }
}

/** The genuine record stream, as a new object (its dictionary as jsPDF wrote it). */
const genuineRecord = (): NewObject => {
  const { dict, data } = streamData(plain, L.record);
  return {
    num: L.record,
    body: streamBody(
      dict
        .replace(/^<<|>>\s*$/g, '')
        .replace(/\/Length \d+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
      data,
    ),
  };
};
const cat = (...parts: Uint8Array[]) => concatBytes(...parts);
const forgedRecord = (): NewObject => ({ num: L.record, body: forgedRecordStream(forgedJson) });

beforeAll(async () => {
  pki = await makePki();
  ({ record, pdf: plain } = demoReport());
  signed = await sign(plain);
  L = layoutOf(signed);
  forgedJson = reportRecordJson({ ...record, theme: FORGED_THEME });
  trust = { trust: { cas: [pki.ca.certificate] } };
  expect((await verify(signed)).ok).toBe(true);
});

describe('1. incremental updates after the signature', () => {
  it('(a) page 1 overlaid with a new content stream, and a new page added: appended; pdfsig: valid, not total document', async () => {
    const overlay = appendUpdate(signed, [
      { num: L.size, body: streamBody('', enc('BT /F1 28 Tf 60 400 Td (FORGED) Tj ET')) },
      editedObject(signed, L.page1, (b) => b.replace(/\/Contents (\d+) 0 R/, `/Contents [$1 0 R ${L.size} 0 R]`)),
    ]);
    expectRefused(await verify(overlay), 'appended-after-signature', APPENDED);
    const s = pdfsigOn(overlay, 'overlay.pdf');
    expect(s.valid).toBe(true);
    expect(s.totalDocument).toBe(false);

    const newPage = appendUpdate(signed, [
      { num: L.size, body: streamBody('', enc('BT /F1 28 Tf 60 400 Td (NEW PAGE) Tj ET')) },
      { num: L.size + 1, body: `<< /Type /Page /Parent ${L.pages} 0 R /MediaBox [0 0 595 842] /Contents ${L.size} 0 R >>` },
      editedObject(signed, L.pages, (b) =>
        b.replace(/\/Kids \[([^\]]*)\]/, `/Kids [$1 ${L.size + 1} 0 R]`).replace(/\/Count (\d+)/, (_, n) => `/Count ${Number(n) + 1}`),
      ),
    ]);
    expectRefused(await verify(newPage), 'appended-after-signature', APPENDED);
  });

  it('(b) the Info dictionary replaced (title, author): appended', async () => {
    const info = appendUpdate(signed, [{ num: L.info!, body: '<< /Title (FORGED) /Author (FORGED) /Producer (jsPDF 4.2.1) >>' }]);
    expectRefused(await verify(info), 'appended-after-signature', APPENDED);
    const retargeted = appendUpdate(signed, [{ num: L.size, body: '<< /Title (FORGED) >>' }], {
      trailer: () => `<< /Size ${L.size + 1} /Root ${L.root} 0 R /Info ${L.size} 0 R /Prev ${L.startxref} >>`,
    });
    expectRefused(await verify(retargeted), 'appended-after-signature', APPENDED);
  });

  it('(c) a new Catalog whose name tree holds a second observation.json: appended; pdfdetach lists both', async () => {
    const spec = L.size;
    const stream = L.size + 1;
    const attacked = appendUpdate(signed, [
      { num: spec, body: `<< /Type /Filespec /F (observation.json) /UF (observation.json) /EF << /F ${stream} 0 R /UF ${stream} 0 R >> >>` },
      { num: stream, body: forgedRecordStream(forgedJson) },
      editedObject(signed, L.root, (b) =>
        b.replace(`/Names [(observation.json) ${L.spec} 0 R]`, `/Names [(observation.json) ${spec} 0 R (observation.json) ${L.spec} 0 R]`),
      ),
    ]);
    expect(run('pdfdetach', ['-list', saveFile(attacked, 'names.pdf')]).out.match(/observation\.json/g)).toHaveLength(2);
    expectRefused(await verify(attacked), 'appended-after-signature', APPENDED);
    expect(pdfsigOn(attacked, 'names.pdf').valid).toBe(true);
  });

  it('(d) nothing but a newline, a comment or blanks after %%EOF: refused, even a single trailing newline', async () => {
    // Decision: the last ByteRange must end exactly at the end of the file. Our signer signs its
    // own final "%%EOF\n", so no byte after it comes from the signer; accepting "harmless"
    // whitespace would mean deciding what is harmless, and nothing legitimate adds it (a file
    // that went through a text-mode transfer is broken anyway). pdfsig: valid, not total document.
    for (const tail of ['\n', '\r\n', ' ', '% a comment\n', ' '.repeat(5000)]) {
      const v = await verify(cat(signed, enc(tail)));
      expectRefused(v, 'appended-after-signature', `签名之后文件又被追加了 ${tail.length} 字节的内容`);
      expect(v.signatures[0].digestValid).toBe(true);
    }
    const s = pdfsigOn(cat(signed, enc('\n')), 'newline.pdf');
    expect(s.valid).toBe(true);
    expect(s.totalDocument).toBe(false);
  });

  it('appended after a signer nobody trusts (how `xunting sign` looks before countersigning): appended ranks before trust', async () => {
    const nobody = { trust: { cas: [] } };
    expectRefused(await verifyPdf(appendUpdate(signed, [forgedRecord()]), nobody), 'appended-after-signature', APPENDED);
    expectRefused(await verifyPdf(appendUpdate(signed, [forgedRecord()], { startxref: () => 99_999_999 }), nobody), 'appended-after-signature', APPENDED);
    expectRefused(await verifyPdf(signed, nobody), 'untrusted-signer', '不是由受信任的 CA 签发的');
  });

  it('forged objects appended with no xref or trailer at all (an incremental saving attack that relies on repair): appended', async () => {
    const small = appendUpdate(signed, [forgedRecord()], { withXref: false });
    expectRefused(await verify(small), 'appended-after-signature', APPENDED);
    // Longer than the 4 KB in which %%EOF is looked for: the file is unreadable, yet it starts with a signed revision.
    const big = appendUpdate(signed, [{ num: L.size, body: streamBody('', noise(8192)) }, forgedRecord()], { withXref: false });
    expectRefused(await verify(big), 'appended-after-signature', /追加的部分无法读取：文件不完整（末尾没有 %%EOF）/);
  });
});

describe('2. signature wrapping and universal signature forgery', () => {
  it('SWA on a signature whose /ByteRange follows /Contents: the second signed part moved back, the freed gap holds a new ByteRange, forged objects and a new xref where the signed startxref points', async () => {
    const genuine = await signContentsFirst(plain, pki.zhang, SIGNING_TIME);
    expect((await verify(genuine)).ok).toBe(true); // the layout itself is fine
    const attacked = wrapSignature(genuine, [forgedRecord()]);
    // Every byte the new ByteRange covers is signed and it reaches the end of the file: pdfsig
    // calls the signature valid (only "Not total document signed": the gap is wider than
    // /Contents), pdfdetach returns the forged record.
    const s = pdfsigOn(attacked, 'swa.pdf');
    expect(s.valid).toBe(true);
    expect(s.totalDocument).toBe(false);
    expect(detached(attacked)).toContain(FORGED_THEME);
    const v = await verify(attacked);
    expectRefused(v, 'byterange-invalid', '签名范围留有未签名的空隙（不只是签名值）');
    expect(v.signatures[0].byteRange[3] + v.signatures[0].byteRange[2]).toBe(attacked.length);
  });

  it('SWA on our own layout (/ByteRange signed before /Contents): needs a second /ByteRange in the unsigned gap', async () => {
    const attacked = wrapSignature(signed, [forgedRecord()]);
    expect(pdfsigOn(attacked, 'swa2.pdf').valid).toBe(true); // poppler takes the last /ByteRange
    expectRefused(await verify(attacked), 'byterange-invalid', '签名字典中 /ByteRange 出现了不止一次');
  });

  it('a ByteRange whose second range starts inside /Contents (or before it ends)', async () => {
    const sig = signatures(signed)[0];
    const [, b, c, d] = sig.range;
    expectRefused(await verify(withByteRange(signed, sig, [0, b, c - 2, d + 2])), 'byterange-invalid', '签名值（/Contents）与签名范围的空隙不一致');
    expectRefused(await verify(withByteRange(signed, sig, [0, b, b + 10, d + (c - b - 10)])), 'byterange-invalid', '签名值（/Contents）与签名范围的空隙不一致');
  });

  it('/Contents in another object than the one the ByteRange gap surrounds', async () => {
    // pdfsig only sees signatures reachable from the AcroForm: it checks the genuine one (valid, not total document) and never the extra dictionary.
    const g = sigGeometry(signed);
    const [, b, c] = g.range;
    // A new signature dictionary carrying a copy of the genuine CMS, whose ByteRange names the genuine gap and the new end of the file.
    const attacked = appendSignatureDict(signed, `<${g.cmsHex}>`, { range: ({ length }) => [0, b, c, length - c] });
    const v = await verify(attacked);
    expectRefused(v, 'byterange-invalid', '第 2 个签名：签名范围的空隙处不是这个签名字典的签名值（/Contents 在别处）');
  });

  it('USF: a signature dictionary with /ByteRange or /Contents missing, null, empty or zero', async () => {
    // pdfsig refuses these too ("Invalid or missing ByteRange array", "Input couldn't be parsed as a CMS signature").
    const prepared = (edit: (t: string) => string) => {
      // A real signature update (field, AcroForm, /Sig) whose placeholder was never signed, then edited.
      const g = sigGeometry(signed);
      const text = latin1(signed);
      return enc(edit(text.slice(0, g.contentsStart + 1) + '0'.repeat(g.contentsEnd - g.contentsStart - 2) + text.slice(g.contentsEnd - 1)));
    };
    const cases: [string, (t: string) => string, string, string][] = [
      ['zero /Contents', (t) => t, 'cms-invalid', '签名内容无法解析'],
      ['no /ByteRange', (t) => t.replace(/\/ByteRange \[[0-9 ]+\]/, (m) => ' '.repeat(m.length)), 'byterange-invalid', '签名范围（ByteRange）格式无效'],
      [
        '/ByteRange null',
        (t) => t.replace(/\/ByteRange \[[0-9 ]+\]/, (m) => '/ByteRange null'.padEnd(m.length, ' ')),
        'byterange-invalid',
        '签名范围（ByteRange）格式无效',
      ],
      [
        '/ByteRange []',
        (t) => t.replace(/\/ByteRange \[[0-9 ]+\]/, (m) => '/ByteRange []'.padEnd(m.length, ' ')),
        'byterange-invalid',
        '签名范围（ByteRange）格式无效',
      ],
      [
        '/ByteRange [0 0 0 0]',
        (t) => t.replace(/\/ByteRange \[[0-9 ]+\]/, (m) => '/ByteRange [0 0 0 0]'.padEnd(m.length, ' ')),
        'byterange-invalid',
        '签名范围的空隙处不是这个签名字典的签名值',
      ],
      [
        '/ByteRange [0 -1 …]',
        (t) => t.replace(/\/ByteRange \[0 (\d+)/, (_, b: string) => `/ByteRange [0 -${b.slice(1)}`),
        'byterange-invalid',
        '签名范围（ByteRange）格式无效',
      ],
      ['no /Contents', (t) => t.replace(/\/Contents <0+>/, (m) => ' '.repeat(m.length)), 'cms-invalid', '签名字典没有签名值（/Contents）'],
      ['/Contents null', (t) => t.replace(/\/Contents <0+>/, (m) => '/Contents null'.padEnd(m.length, ' ')), 'cms-invalid', '签名字典没有签名值（/Contents）'],
      [
        '/Contents <  > (only blanks)',
        (t) => t.replace(/\/Contents <(0+)>/, (m, z: string) => `/Contents <${' '.repeat(z.length)}>`),
        'cms-invalid',
        '签名内容无法解析',
      ],
    ];
    for (const [name, edit, code, reason] of cases) {
      const v = await verify(prepared(edit));
      expect(v.ok, name).toBe(false);
      expect([v.code, v.reason], name).toEqual([code, expect.stringContaining(reason)]);
      expect(v.record, name).toBeUndefined();
    }
  });

  it('/Contents as a literal string holding the genuine CMS and its zero padding (the digest still verifies)', async () => {
    const g = sigGeometry(signed);
    const cms = Uint8Array.from(g.cmsHex.match(/../g)!, (h) => parseInt(h, 16));
    const escaped: number[] = [];
    for (const x of cms) escaped.push(...(x === 0x28 || x === 0x29 || x === 0x5c ? [0x5c, x] : x === 0x0d ? [0x5c, 0x72] : [x]));
    const width = g.contentsEnd - g.contentsStart;
    expect(escaped.length + 2).toBeLessThan(width);
    const literal = new Uint8Array(width);
    literal[0] = 0x28;
    literal.set(escaped, 1);
    literal[width - 1] = 0x29;
    const attacked = signed.slice();
    attacked.set(literal, g.contentsStart);
    expectRefused(await verify(attacked), 'cms-invalid', '签名值（/Contents）不是十六进制字符串');
  });
});

describe('3. lying cross-reference structures', () => {
  it('startxref or /Prev pointing to a forged full object table (the record swapped; the signature kept or left out): appended', async () => {
    // The forged table names every object as the attacker likes: the jsPDF objects, the forged
    // record, and (or not) the signature objects. It is appended as a revision of its own, and
    // reached either by the final startxref or by the /Prev of a newer section.
    const withForged = appendUpdate(signed, [forgedRecord()], { withXref: false });
    const forgedAt = objectText(withForged, L.record).offset;
    for (const keepSig of [true, false]) {
      const nums = Array.from({ length: (keepSig ? L.size : L.size - 3) - 1 }, (_, i) => i + 1);
      const entries = nums.map((num) => ({ num, offset: num === L.record ? forgedAt : objectText(keepSig ? signed : plain, num).offset }));
      const tableAt = withForged.length;
      const table = `xref\n0 1\n0000000000 65535 f \n${xrefText(entries).slice('xref\n'.length)}trailer\n<< /Size ${L.size} /Root ${L.root} 0 R >>\nstartxref\n${tableAt}\n%%EOF\n`;
      const viaStartxref = cat(withForged, enc(table));
      const viaPrev = appendUpdate(viaStartxref, [{ num: L.info!, body: '<< /Title (x) >>' }], { prev: tableAt });
      for (const attacked of [viaStartxref, viaPrev]) {
        const v = await verify(attacked);
        // Left out, the structure shows no signature at all; the verifier then finds the signed revision the bytes start with.
        expectRefused(v, 'appended-after-signature', keepSig ? APPENDED : /签名之后文件又被追加了 \d+ 字节的内容.*追加的交叉引用表使文件结构中不再有这个签名/);
      }
      if (keepSig) expect(detached(viaStartxref)).toContain(FORGED_THEME);
    }
  });

  it('an xref stream (PDF 1.5, /Type /XRef) appended: appended, the part we cannot read is named', async () => {
    const rec = forgedRecord();
    const withObj = appendUpdate(signed, [rec], { withXref: false });
    const recAt = objectText(withObj, L.record).offset;
    const xrefAt = withObj.length;
    // /W [1 4 2]: type 1 entries for the record and the xref stream itself.
    const row = (off: number) => [1, (off >>> 24) & 0xff, (off >>> 16) & 0xff, (off >>> 8) & 0xff, off & 0xff, 0, 0];
    const data = new Uint8Array([...row(recAt), ...row(xrefAt)]);
    const xs = cat(
      withObj,
      enc(
        `${L.size} 0 obj\n<< /Type /XRef /Size ${L.size + 1} /Root ${L.root} 0 R /Info ${L.info} 0 R /Prev ${lastStartxref(signed)} /Index [${L.record} 1 ${L.size} 1] /W [1 4 2] /Length ${data.length} >>\nstream\n`,
      ),
      data,
      enc(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`),
    );
    expect(detached(xs)).toContain(FORGED_THEME); // poppler reads xref streams
    expectRefused(await verify(xs), 'appended-after-signature', /追加的部分无法读取：不支持交叉引用流/);
    expect(pdfsigOn(xs, 'xrefstream.pdf').valid).toBe(true);
  });

  it('startxref past the end of the file, into the middle of an object, or at an object that is no xref stream', async () => {
    const recordAt = objectText(signed, L.record).offset;
    const cases: [string, number, RegExp][] = [
      ['past the end', 99_999_999, /startxref 指向的位置（99999999）超出文件/],
      ['the middle of an object', recordAt + 12, new RegExp(`startxref 指向的位置（${recordAt + 12}）不是交叉引用表`)],
      ['an ordinary object', recordAt, new RegExp(`startxref 指向的位置（${recordAt}）不是交叉引用表`)],
    ];
    for (const [name, where, reason] of cases) {
      const attacked = appendUpdate(signed, [forgedRecord()], { startxref: () => where });
      if (name === 'past the end') {
        // poppler repairs the file by scanning for objects: pdfsig says valid, pdfdetach hands out the forged record.
        expect(pdfsigOn(attacked, 'startxref.pdf').valid).toBe(true);
        expect(detached(attacked)).toContain(FORGED_THEME);
      }
      const v = await verify(attacked);
      expectRefused(v, 'appended-after-signature', APPENDED);
      expect(v.reason).toMatch(reason);
      // The same lie in the signed revision itself (its startxref rewritten): the file cannot be read at all.
      const text = latin1(signed);
      const inPlace = enc(text.slice(0, text.lastIndexOf('startxref')) + `startxref\n${where}\n%%EOF\n`);
      expectRefused(await verify(inPlace), 'pdf-malformed', reason);
    }
  });

  it('malformed xref tables (19-byte entries, counts that lie, offsets beyond the end, an object listed twice): pdf-malformed in the signed revision, appended after it', async () => {
    // poppler repairs such tables by scanning the file: with 19-byte entries in the signed revision
    // pdfsig reports "Illegal values in ByteRange array"; with a duplicated entry after the
    // signature it says "Signature is Valid" (not total document) and pdfdetach gives the forged record.
    const X = lastStartxref(signed);
    const text = latin1(signed);
    const section = text.slice(X, text.indexOf('trailer', X));
    const edits: [string, (s: string) => string, RegExp][] = [
      ['19-byte entries', (s) => s.replace(/ n \n/g, ' n\n'), /交叉引用表在对象 \d+ 处格式不对（每个条目应恰为 20 字节/],
      ['a count too large', (s) => s.replace(/\n30 4\n/, '\n30 5\n'), /交叉引用表在对象 34 处格式不对/],
      ['a count too small', (s) => s.replace(/\n30 4\n/, '\n30 3\n'), /条目数与实际条目不符/],
      ['a count beyond the file', (s) => s.replace(/\n30 4\n/, '\n30 4000000\n'), /交叉引用表的条目数（4000000）超出文件/],
      ['an offset beyond the end', (s) => s.replace(/\n30 4\n\d{10}/, '\n30 4\n0999999999'), /交叉引用表中对象 30 的位置（999999999）超出文件末尾/],
      ['an object listed twice', (s) => s.replace(/\n30 4\n/, '\n3 1\n0000000015 00000 n \n30 4\n'), /交叉引用表中对象 3 出现了两次/],
    ];
    for (const [name, edit, reason] of edits) {
      const inPlace = enc(text.slice(0, X) + edit(section) + text.slice(X + section.length));
      const v = await verify(inPlace);
      expect([v.ok, v.code, v.reason], name).toEqual([false, 'pdf-malformed', expect.stringMatching(reason)]);
      expect(v.record).toBeUndefined();
      // The same table in an update after the signature (the forged record behind it).
      const appended = appendUpdate(signed, [forgedRecord()], {
        xref: (offsets) =>
          edit(
            xrefText([
              ...offsets,
              { num: 3, offset: objectText(signed, 3).offset },
              { num: 30, offset: objectText(signed, 30).offset },
              { num: 31, offset: objectText(signed, 31).offset },
              { num: 32, offset: objectText(signed, 32).offset },
              { num: 33, offset: objectText(signed, 33).offset },
            ]),
          ),
      });
      const w = await verify(appended);
      expect([w.code, w.reason], name).toEqual(['appended-after-signature', expect.stringMatching(reason)]);
      expect(w.reason).toMatch(APPENDED);
    }
  });

  it('the same object number twice in one revision, with different content: we read the one the xref table names, as poppler does', async () => {
    // Before signing (a hostile report generator): the genuine record stream, then a forged one
    // with the same number that the table does not name. Signed, it is what the signer signed.
    const withBoth = appendUpdate(plain, [genuineRecord(), forgedRecord()], {
      xref: (offsets) => xrefText([offsets[0]]),
    });
    const both = await sign(withBoth);
    const v = await verify(both);
    expect(v.ok).toBe(true);
    expect(v.record).toEqual(record);
    expect(detached(both)).not.toContain(FORGED_THEME);
    // After signing, of course, it is appended.
    expectRefused(
      await verify(appendUpdate(signed, [forgedRecord(), forgedRecord()], { xref: (o) => xrefText([o[1]]) })),
      'appended-after-signature',
      APPENDED,
    );
  });

  it('a /Prev loop, a /Prev that is no number, a hybrid file (/XRefStm): refused, without hanging', async () => {
    const loop = appendUpdate(signed, [forgedRecord()], { prev: 0, trailer: (xrefAt) => `<< /Size ${L.size} /Root ${L.root} 0 R /Prev ${xrefAt} >>` });
    expectRefused(await verify(loop), 'appended-after-signature', /交叉引用表的 \/Prev 链有环/);
    const notNumber = appendUpdate(signed, [forgedRecord()], { trailer: () => `<< /Size ${L.size} /Root ${L.root} 0 R /Prev (238371) >>` });
    expectRefused(await verify(notNumber), 'appended-after-signature', /\/Prev 不是数字/);
    const hybrid = appendUpdate(signed, [forgedRecord()], { trailerExtra: '/XRefStm 1234' });
    expectRefused(await verify(hybrid), 'appended-after-signature', /不支持混合交叉引用（trailer 中的 \/XRefStm）/);
  });
});

describe('4. embedded-file tricks (built before signing, so the reader itself is what is tested)', () => {
  /** Sign the report after an update that rewrites how observation.json is stored. */
  const signedWith = async (objects: NewObject[]) => sign(appendUpdate(plain, objects));
  const genuine = () => streamData(plain, L.record);
  const recordDict = '/Type /EmbeddedFile /Subtype /application#2Fjson';

  it('control: the record re-stored unchanged in an update is accepted', async () => {
    const v = await verify(await signedWith([genuineRecord()]));
    expect(v.ok).toBe(true);
    expect(v.record).toEqual(record);
  });

  it("the stream's /Length lies (shorter, longer, a reference to a wrong number)", async () => {
    // Signed as it is, pdfsig calls these files valid and totally signed: it never reads the record.
    const data = genuine().data;
    for (const length of [100, data.length + 40, `${L.size} 0 R`]) {
      const objects: NewObject[] = [{ num: L.record, body: streamBody(`${recordDict} /Filter /FlateDecode`, data, length) }];
      if (typeof length === 'string') objects.push({ num: L.size, body: String(data.length - 1) });
      expectRefused(await verify(await signedWith(objects)), 'record-invalid', '嵌入的记录 observation.json 的 /Length 与实际数据长度不符');
    }
  });

  it('a /Filter chain or filter we do not read: FlateDecode twice, ASCIIHexDecode, a predictor', async () => {
    const json = utf8(reportRecordJson(record));
    const hex = enc(`${Array.from(json, (x) => x.toString(16).padStart(2, '0')).join('')}>`);
    const cases: [string, Uint8Array, string][] = [
      ['/Filter [/FlateDecode /FlateDecode]', new Uint8Array(deflateSync(deflateSync(json))), '/Filter /FlateDecode /FlateDecode'],
      ['/Filter /ASCIIHexDecode', hex, '/Filter /ASCIIHexDecode'],
      [
        '/Filter [/ASCIIHexDecode /FlateDecode]',
        enc(`${Array.from(deflateSync(json), (x) => x.toString(16).padStart(2, '0')).join('')}>`),
        '/Filter /ASCIIHexDecode /FlateDecode',
      ],
      ['/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>', new Uint8Array(deflateSync(json)), '/Filter /FlateDecode 带 /DecodeParms'],
    ];
    for (const [filter, data, reason] of cases) {
      const v = await verify(await signedWith([{ num: L.record, body: streamBody(`${recordDict} ${filter}`, data) }]));
      expectRefused(v, 'record-invalid', `嵌入的记录使用了不支持的编码（${reason}`);
      expect(v.reason).toContain('只支持不压缩或单层 FlateDecode');
    }
  });

  it('the data outside the file (/F on the stream), a repeated key in the stream dictionary', async () => {
    const data = genuine().data;
    expectRefused(
      await verify(await signedWith([{ num: L.record, body: streamBody(`${recordDict} /Filter /FlateDecode /F (evil.json)`, data) }])),
      'record-invalid',
      '数据不在文件中（流字典有 /F）',
    );
    expectRefused(
      await verify(await signedWith([{ num: L.record, body: streamBody(`${recordDict} /Filter /FlateDecode /Filter /ASCIIHexDecode`, data) }])),
      'record-invalid',
      '嵌入的记录 observation.json 的流字典中的键 /Filter 出现了不止一次',
    );
  });

  it('a second name for the same /EmbeddedFile stream, one name twice, or /F and /UF naming different streams: refused (one record, one name)', async () => {
    const copySpec = L.size;
    const twoNames = await signedWith([
      { num: copySpec, body: `<< /Type /Filespec /F (copy.json) /UF (copy.json) /EF << /F ${L.record} 0 R /UF ${L.record} 0 R >> >>` },
      editedObject(plain, L.root, (b) =>
        b.replace(`/Names [(observation.json) ${L.spec} 0 R]`, `/Names [(copy.json) ${copySpec} 0 R (observation.json) ${L.spec} 0 R]`),
      ),
    ]);
    expectRefused(await verify(twoNames), 'record-invalid', 'PDF 中嵌入了不止一个文件（copy.json、observation.json），巡听报告只应嵌入 observation.json');

    const forgedSpec = L.size;
    const forgedStream = L.size + 1;
    const twice = await signedWith([
      { num: forgedSpec, body: `<< /Type /Filespec /F (observation.json) /UF (observation.json) /EF << /F ${forgedStream} 0 R /UF ${forgedStream} 0 R >> >>` },
      { num: forgedStream, body: forgedRecordStream(forgedJson) },
      editedObject(plain, L.root, (b) =>
        b.replace(`/Names [(observation.json) ${L.spec} 0 R]`, `/Names [(observation.json) ${L.spec} 0 R (observation.json) ${forgedSpec} 0 R]`),
      ),
    ]);
    expectRefused(await verify(twice), 'record-invalid', '嵌入文件的名称树中 observation.json 出现了不止一次');

    const split = await signedWith([
      { num: forgedStream, body: forgedRecordStream(forgedJson) },
      editedObject(plain, L.spec, (b) => b.replace(`/UF ${L.record} 0 R`, `/UF ${forgedStream} 0 R`)),
    ]);
    expectRefused(await verify(split), 'record-invalid', '嵌入文件 observation.json 的 /F 与 /UF 指向不同的数据');
  });

  it('one record, two readings: a tree key other than /F and /UF, a FileAttachment annotation or a loose /EmbeddedFile stream with another observation.json', async () => {
    const namedOtherwise = await signedWith([
      editedObject(plain, L.spec, (b) => b.replace(/\/F \(observation\.json\)/, '/F (evil.json)').replace(/\/UF \(observation\.json\)/, '/UF (evil.json)')),
    ]);
    expectRefused(await verify(namedOtherwise), 'record-invalid', /嵌入文件 observation\.json 的文件说明中 \/U?F（evil\.json）与名称树中的名称不同/);
    const keyOtherwise = await signedWith([editedObject(plain, L.root, (b) => b.replace('(observation.json)', '(report.json)'))]);
    expectRefused(await verify(keyOtherwise), 'record-missing', 'PDF 中没有嵌入的记录 observation.json（嵌入的文件名为 report.json）');

    // A second observation.json, attached to page 1 (pdfdetach and viewers list it; the name tree does not).
    const spec2 = L.size;
    const stream2 = L.size + 1;
    const annot = await signedWith([
      { num: spec2, body: `<< /Type /Filespec /F (observation.json) /UF (observation.json) /EF << /F ${stream2} 0 R >> >>` },
      { num: stream2, body: forgedRecordStream(forgedJson) },
      editedObject(plain, L.page1, (b) => b.replace(/>>\s*$/, ` /Annots [<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS ${spec2} 0 R >>] >>`)),
    ]);
    expect(detached(annot)).not.toBeNull();
    expectRefused(await verify(annot), 'record-invalid', `PDF 中除了 observation.json 还有别的附件注释（/FileAttachment）（对象 ${L.page1}）`);
    // The same annotation with its names spelt in #-escapes (/File#41ttachment is /FileAttachment to every reader).
    const escaped = await signedWith([
      { num: spec2, body: `<< /Type /Filespec /F (observation.json) /UF (observation.json) /E#46 << /F ${stream2} 0 R >> >>` },
      { num: stream2, body: forgedRecordStream(forgedJson) },
      editedObject(plain, L.page1, (b) =>
        b.replace(/>>\s*$/, ` /Annots [<< /Type /Annot /Subtype /File#41ttachment /Rect [0 0 10 10] /FS ${spec2} 0 R >>] >>`),
      ),
    ]);
    expectRefused(await verify(escaped), 'record-invalid', /PDF 中除了 observation\.json 还有别的/);
    const loose = await signedWith([{ num: stream2, body: forgedRecordStream(forgedJson) }]);
    expectRefused(await verify(loose), 'record-invalid', `PDF 中除了 observation.json 还有别的嵌入文件流（/EmbeddedFile）（对象 ${stream2}）`);
  });

  it("the catalog's /AF naming another file specification is refused; naming the record's own is accepted", async () => {
    const own = await signedWith([editedObject(plain, L.root, (b) => b.replace(/>>\s*$/, ` /AF [${L.spec} 0 R] >>`))]);
    const v = await verify(own);
    expect(v.ok, v.reason).toBe(true);
    const spec2 = L.size;
    const other = await signedWith([
      { num: spec2, body: `<< /Type /Filespec /F (observation.json) /UF (observation.json) /EF << /F ${L.size + 1} 0 R >> >>` },
      { num: L.size + 1, body: forgedRecordStream(forgedJson) },
      editedObject(plain, L.root, (b) => b.replace(/>>\s*$/, ` /AF [${spec2} 0 R] >>`)),
    ]);
    expectRefused(await verify(other), 'record-invalid', '文档目录的 /AF 指向的不是 observation.json 的文件说明');
  });

  it('references whose generation number does not match the object (the tree names `N 1 R`, the spec names the stream as `M 1 R`)', async () => {
    const treeGen = await signedWith([editedObject(plain, L.root, (b) => b.replace(`(observation.json) ${L.spec} 0 R`, `(observation.json) ${L.spec} 1 R`))]);
    expectRefused(await verify(treeGen), 'record-invalid', `嵌入文件 observation.json 的文件说明无法读取（对象 ${L.spec} 1 R 不存在或编号不符）`);
    const streamGen = await signedWith([editedObject(plain, L.spec, (b) => b.replaceAll(`${L.record} 0 R`, `${L.record} 1 R`))]);
    expectRefused(await verify(streamGen), 'record-invalid', `嵌入的记录 observation.json 无法读取（对象 ${L.record} 1 R 不存在、编号不符或不是流）`);
  });

  it('the JSON itself: a key twice in one object (JSON.parse keeps the last), a byte-order mark, invalid UTF-8', async () => {
    const genuineJson = reportRecordJson(record);
    const twice = `{"theme":${JSON.stringify(FORGED_THEME)},${genuineJson.slice(1)}`;
    expect(JSON.parse(twice)).toEqual(JSON.parse(genuineJson));
    expectRefused(
      await verify(await signedWith([{ num: L.record, body: streamBody('/Type /EmbeddedFile /Subtype /application#2Fjson', utf8(twice)) }])),
      'record-invalid',
      '嵌入的记录中同一对象里的键「theme」出现了不止一次',
    );
    const bom = cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(genuineJson));
    expectRefused(
      await verify(await signedWith([{ num: L.record, body: streamBody('/Type /EmbeddedFile /Subtype /application#2Fjson', bom) }])),
      'record-invalid',
      '嵌入的记录以字节顺序标记（BOM）开头',
    );
    const latin = cat(utf8(genuineJson.slice(0, -1)), new Uint8Array([0x2c, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));
    expectRefused(
      await verify(await signedWith([{ num: L.record, body: streamBody('/Type /EmbeddedFile /Subtype /application#2Fjson', latin) }])),
      'record-invalid',
      '嵌入的记录不是有效的 UTF-8 文本',
    );
  });

  it('an 18 MB name tree (800,000 names in one /Names array, observation.json last): refused without building it', async () => {
    let names = '';
    for (let i = 0; i < 800_000; i++) names += `(f${String(i).padStart(7, '0')}.json) ${L.spec} 0 R `;
    names += `(observation.json) ${L.spec} 0 R`;
    const pdf = await signedWith([
      { num: L.size, body: `<< /Names [${names}] >>` },
      editedObject(plain, L.root, (b) => b.replace(`/EmbeddedFiles << /Names [(observation.json) ${L.spec} 0 R] >>`, `/EmbeddedFiles ${L.size} 0 R`)),
    ]);
    expect(pdf.length).toBeGreaterThan(18_000_000);
    expectRefused(await verify(pdf), 'record-invalid', '嵌入文件的名称树无法读取（对象损坏、过大或编号不符）');
  });

  it('name trees with /Kids loops, shared kids (2^30 paths) and 40 levels: refused at once, no hang', async () => {
    const names = `/Names [(observation.json) ${L.spec} 0 R]`;
    const tree = (objects: NewObject[], top: number) => [
      ...objects,
      editedObject(plain, L.root, (b) => b.replace(`/EmbeddedFiles << ${names} >>`, `/EmbeddedFiles ${top} 0 R`)),
    ];
    const n = L.size;
    const loop = tree(
      [
        { num: n, body: `<< /Kids [${n + 1} 0 R] >>` },
        { num: n + 1, body: `<< /Kids [${n} 0 R] >>` },
      ],
      n,
    );
    expectRefused(await verify(await signedWith(loop)), 'record-invalid', '嵌入文件的名称树有环');
    // 30 levels of two references to the same kid: the old depth-first walk took 2^30 steps (it only limited the depth).
    const shared: NewObject[] = [];
    for (let i = 0; i < 30; i++) shared.push({ num: n + i, body: `<< /Kids [${n + i + 1} 0 R ${n + i + 1} 0 R] >>` });
    shared.push({ num: n + 30, body: `<< ${names} >>` });
    expectRefused(await verify(await signedWith(tree(shared, n))), 'record-invalid', '嵌入文件的名称树有环');
    const deep: NewObject[] = [];
    for (let i = 0; i < 40; i++) deep.push({ num: n + i, body: `<< /Kids [${n + i + 1} 0 R] >>` });
    deep.push({ num: n + 40, body: `<< ${names} >>` });
    expectRefused(await verify(await signedWith(tree(deep, n))), 'record-invalid', '嵌入文件的名称树超过 32 层');
  });
});

describe('5. decompression bombs', () => {
  it('observation.json as 1 MB of Flate that inflates to 1 GB: refused at 20 MB, without inflating the rest', async () => {
    const bomb = flateBomb(1024);
    expect(bomb.length).toBeLessThan(1_100_000);
    const v = await verify(await sign(appendUpdate(plain, [{ num: L.record, body: streamBody('/Type /EmbeddedFile /Filter /FlateDecode', bomb) }])));
    expectRefused(v, 'record-invalid', '嵌入的记录解压后超过 20 MB，拒绝读取');
  });

  it('a 2.5 KB Flate-of-Flate stream (→ 1 MB → 1 GB): refused from its /Filter alone', async () => {
    const bomb = doubleFlateBomb(1024);
    expect(bomb.length).toBeLessThan(4096);
    const v = await verify(
      await sign(appendUpdate(plain, [{ num: L.record, body: streamBody('/Type /EmbeddedFile /Filter [/FlateDecode /FlateDecode]', bomb) }])),
    );
    expectRefused(v, 'record-invalid', '嵌入的记录使用了不支持的编码（/Filter /FlateDecode /FlateDecode）');
  });

  it("a bomb in a stream the verifier never inflates (a page's content): not touched; signed, the report verifies", async () => {
    // The verifier inflates observation.json only: every other stream is skipped by its /Length.
    const bomb = { num: L.size, body: streamBody('/Filter /FlateDecode', flateBomb(1024)) };
    const page = editedObject(plain, L.page1, (b) => b.replace(/\/Contents (\d+) 0 R/, `/Contents [$1 0 R ${L.size} 0 R]`));
    const v = await verify(await sign(appendUpdate(plain, [bomb, page])));
    expect(v.ok).toBe(true);
    expect(v.record).toEqual(record);
    expectRefused(await verify(appendUpdate(signed, [bomb, page])), 'appended-after-signature', APPENDED);
  });
});

describe('6. garbage', () => {
  it('0 bytes; "%PDF-"; a header and 20 MB of random bytes; a signed report followed by 20 MB of random bytes', async () => {
    expectRefused(await verify(new Uint8Array()), 'not-pdf', '不是 PDF 文件');
    expectRefused(await verify(enc('%PDF-')), 'truncated', '文件不完整（末尾没有 %%EOF）');
    const random = cat(enc('%PDF-1.7\n'), noise(20 << 20));
    expectRefused(await verify(random), 'truncated', '文件不完整（末尾没有 %%EOF）');
    const tail = new Uint8Array(signed.length + (20 << 20));
    tail.set(signed);
    tail.set(noise(20 << 20, 7), signed.length);
    expectRefused(await verify(tail), 'appended-after-signature', `签名之后文件又被追加了 ${20 << 20} 字节的内容`);
  });

  it('10,000 /ByteRange: as repeated keys of one dictionary, as 10,000 signature objects, as loose text', async () => {
    // pdfsig ignores signature dictionaries no form field points to: for the 10,000 objects it checks the genuine one (valid, not total document).
    const keys = appendUpdate(signed, [{ num: L.size, body: `<< /Type /Sig ${'/ByteRange [0 1 2 3] '.repeat(10_000)}/Contents <00> >>` }]);
    expectRefused(await verify(keys), 'byterange-invalid', '签名字典中 /ByteRange 出现了不止一次');
    const many: NewObject[] = [];
    for (let i = 0; i < 10_000; i++) many.push({ num: L.size + i, body: '<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>' });
    expectRefused(await verify(appendUpdate(signed, many)), 'pdf-malformed', `文件中有 10001 个签名字典，超过 ${MAX_SIGNATURES} 个，拒绝检查`);
    expectRefused(await verify(enc(`%PDF-1.7\n${'/ByteRange [0 1 2 3]\n'.repeat(10_000)}`)), 'truncated', '文件不完整');
  });

  it('10,000 xref entries pointing into one another (overlapping objects, unclosed strings): one pass, no quadratic scan', async () => {
    // Each "object" opens a literal string that only closes at the very end, and none has endobj:
    // read without bounds (as before), each parsed and searched to the end of the junk (~30 s here).
    const overlapping = (inside: string) => {
      const offsets: { num: number; offset: number }[] = [];
      let junk = '';
      for (let i = 0; i < 10_000; i++) {
        offsets.push({ num: L.size + i, offset: signed.length + 1 + junk.length });
        junk += `${L.size + i} 0 obj (${inside} `;
      }
      junk += ')'.repeat(10_000);
      return appendUpdate(cat(signed, enc(`\n${junk}\n`)), [], { layout: L, xref: () => xrefText(offsets) });
    };
    expectRefused(await verify(overlapping('/ByteRange')), 'pdf-malformed', `文件中有 10000 个签名字典，超过 ${MAX_SIGNATURES} 个，拒绝检查`);
    expectRefused(await verify(overlapping('x')), 'appended-after-signature', APPENDED);
  });

  it('arrays nested 100,000 deep: in an object, in a /ByteRange, in a trailer; and 1 MB of digits (a number token that used to backtrack)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expectRefused(await verify(appendUpdate(signed, [{ num: L.size, body: deep }])), 'appended-after-signature', APPENDED);
    expectRefused(
      await verify(appendUpdate(signed, [{ num: L.size, body: `<< /Type /Sig /ByteRange ${deep} /Contents <00> >>` }])),
      'byterange-invalid',
      '第 2 个签名：签名字典已损坏，无法读取',
    );
    expectRefused(
      await verify(appendUpdate(signed, [forgedRecord()], { trailerExtra: `/X ${deep}` })),
      'appended-after-signature',
      /追加的部分无法读取：文件尾（trailer）无法读取|交叉引用表无法读取/,
    );
    const dicts = `${'<< /A '.repeat(50_000)}1${' >>'.repeat(50_000)}`;
    expectRefused(await verify(appendUpdate(signed, [{ num: L.size, body: dicts }])), 'appended-after-signature', APPENDED);
    expectRefused(await verify(appendUpdate(signed, [{ num: L.size, body: `${'1'.repeat(1 << 20)}x` }])), 'appended-after-signature', APPENDED);
  });

  it('a 10 MB hex string as the /Contents of a signature dictionary whose range fits it exactly', async () => {
    const attacked = appendSignatureDict(signed, `<${'AB'.repeat(5 << 20)}>`);
    expectRefused(await verify(attacked), 'cms-invalid', '第 2 个签名：签名内容无法解析');
  });
});

describe('7. weak keys and hashes (the floor: RSA ≥ 2048, ECDSA P-256/384/521, SHA-256 or better)', () => {
  const observerName = { name: '孙七', org: '锡林郭勒盟委组织部' };
  const caName = { name: '锡林郭勒盟委巡听办', org: '中共锡林郭勒盟委员会' };

  it('an RSA-1024 signer certificate issued by the trusted CA: weak-key; RSA-2048 and P-384 signers are accepted', async () => {
    const weak = await makeCert({ subject: observerName, keys: await newKeys('RSA-1024'), issuer: pki.ca });
    expectRefused(await verify(await sign(plain, weak)), 'weak-key', '签名人证书的密钥强度不够：RSA 密钥只有 1024 位，至少需要 2048 位');
    for (const kind of ['RSA-2048', 'P-384'] as const) {
      const v = await verify(await sign(plain, await makeCert({ subject: observerName, keys: await newKeys(kind), issuer: pki.ca })));
      expect(v.ok, `${kind}: ${v.reason}`).toBe(true);
    }
  });

  it('a signer certificate the CA signed with SHA-1, and an RSA-1024 intermediate CA: weak-key, naming which certificate', async () => {
    const sha1 = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, hash: 'SHA-1' });
    expectRefused(await verify(await sign(plain, sha1)), 'weak-key', '签名人证书的签名强度不够：证书用 SHA-1 签名，至少需要 SHA-256');
    const intermediate = await makeCert({ subject: { name: '某旗巡听组', org: caName.org }, keys: await newKeys('RSA-1024'), issuer: pki.ca, ca: true });
    const signer = await makeCert({ subject: observerName, keys: await newKeys(), issuer: intermediate });
    expectRefused(await verify(await sign(plain, signer)), 'weak-key', '第 2 级证书（签发者）的密钥强度不够：RSA 密钥只有 1024 位');
  });
});

describe('8. certificates a verifier must not accept', () => {
  const observerName = { name: '孙七', org: '锡林郭勒盟委组织部' };
  const org = '中共锡林郭勒盟委员会';

  it('an unknown critical extension in the signer certificate or in an intermediate CA: cert-invalid (RFC 5280 §4.2)', async () => {
    const signer = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, extra: [unknownCritical()] });
    expectRefused(await verify(await sign(plain, signer)), 'cert-invalid', '签名人证书带有无法识别的关键扩展（1.3.6.1.4.1.55555.1.1）');
    const intermediate = await makeCert({ subject: { name: '某旗巡听组', org }, keys: await newKeys(), issuer: pki.ca, ca: true, extra: [unknownCritical()] });
    const below = await makeCert({ subject: observerName, keys: await newKeys(), issuer: intermediate });
    expectRefused(await verify(await sign(plain, below)), 'cert-invalid', '第 2 级证书（签发者）带有无法识别的关键扩展');
  });

  it('a signer that is a CA, whose keyUsage lacks digitalSignature and nonRepudiation, or whose extendedKeyUsage is serverAuth only: cert-usage-invalid', async () => {
    const asCa = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, ca: true, keyUsage: [0, 5] });
    expectRefused(await verify(await sign(plain, asCa)), 'cert-usage-invalid', '签名人证书是 CA 证书（basicConstraints CA:TRUE）');
    const encipher = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, keyUsage: [2] });
    expectRefused(await verify(await sign(plain, encipher)), 'cert-usage-invalid', '密钥用途不含数字签名或不可否认');
    const tls = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, eku: ['1.3.6.1.5.5.7.3.1'] });
    expectRefused(await verify(await sign(plain, tls)), 'cert-usage-invalid', '扩展密钥用途（1.3.6.1.5.5.7.3.1）不包括文档签名');
    // Control: document signing (RFC 9336) is a signing purpose.
    const docs = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, eku: ['1.3.6.1.5.5.7.3.36'] });
    expect((await verify(await sign(plain, docs))).ok).toBe(true);
  });

  it("a path longer than an intermediate CA's pathLenConstraint allows: cert-invalid; one level below it is accepted", async () => {
    const limited = await makeCert({ subject: { name: '某盟巡听组', org }, keys: await newKeys(), issuer: pki.ca, ca: true, pathLen: 0 });
    const direct = await makeCert({ subject: observerName, keys: await newKeys(), issuer: limited });
    expect((await verify(await sign(plain, direct))).ok).toBe(true);
    const sub = await makeCert({ subject: { name: '某旗巡听组', org }, keys: await newKeys(), issuer: limited, ca: true });
    const deep = await makeCert({ subject: observerName, keys: await newKeys(), issuer: sub });
    expectRefused(await verify(await sign(plain, deep)), 'cert-invalid', '第 3 级证书（签发者）限定其下最多 0 级中间 CA（pathLenConstraint），这条路径有 1 级');
  });

  it('a CMS signingTime an hour away from /M: signing-time-invalid; the same time in both is accepted', async () => {
    const hourBefore = new Date(SIGNING_TIME.getTime() - 3_600_000);
    expectRefused(
      await verify(await signAs(plain, pki.zhang, { signingTime: SIGNING_TIME, cmsSigningTime: hourBefore })),
      'signing-time-invalid',
      /^签名字典的签名时间（\/M .*）与签名中的 signingTime（.*）不一致$/,
    );
    const agree = await verify(await signAs(plain, pki.zhang, { signingTime: SIGNING_TIME, cmsSigningTime: SIGNING_TIME }));
    expect(agree.ok, agree.reason).toBe(true);
  });

  it('a CMS signingTime before the certificate took effect, though /M is within it: cert-not-yet-valid', async () => {
    const signer = await makeCert({ subject: observerName, keys: await newKeys(), issuer: pki.ca, notBefore: new Date(SIGNING_TIME.getTime() - 60_000) });
    const v = await verify(await signAs(plain, signer, { signingTime: SIGNING_TIME, cmsSigningTime: new Date(SIGNING_TIME.getTime() - 180_000) }));
    expectRefused(v, 'cert-not-yet-valid', '签名人证书在签名时尚未生效');
  });

  it('a signing time a day in the future (the certificate valid then): signing-time-invalid', async () => {
    const tomorrow = new Date(SIGNING_TIME.getTime() + 86_400_000);
    expectRefused(await verify(await signAs(plain, pki.zhang, { signingTime: tomorrow })), 'signing-time-invalid', /^签名时间 .* 在将来/);
  });
});

describe('9. decoy CA certificates (a path builder that verifies every look-alike stalls)', () => {
  const supervisor = { name: '锡林郭勒盟委巡听办', org: '中共锡林郭勒盟委员会' };

  it('140 self-signed look-alikes of the trusted CA in one signature: refused from the count, before any path is built', async () => {
    const decoys: Certificate[] = [];
    for (let i = 0; i < 140; i++) decoys.push((await makeCert({ subject: supervisor, keys: await newKeys(), ca: true })).certificate);
    const pdf = await signAs(plain, pki.stranger, { signingTime: SIGNING_TIME, extraCerts: decoys, contentsSize: 100_000 });
    expectRefused(await verify(pdf), 'cms-invalid', '签名中附带了 142 张证书，超过 10 张');
  });

  it("look-alikes that copy the key identifier, under four signatures: the path checks stop at the file's budget and say so", async () => {
    const fakeKeys = await newKeys();
    const fakeCa = await makeCert({ subject: supervisor, keys: fakeKeys, ca: true });
    const ski = new Uint8Array(
      await crypto.subtle.digest('SHA-1', fakeCa.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice().buffer),
    );
    const signer = await makeCert({ subject: { name: '王五', org: '不受信任的单位' }, keys: await newKeys(), issuer: fakeCa });
    let pdf = plain;
    // Fresh decoys under each signature: a certificate already checked against an issuer is not
    // checked again (the answer is kept), so repeating the same decoys would cost nothing.
    for (let i = 0; i < 4; i++) {
      const decoys: Certificate[] = [];
      for (let k = 0; k < 8; k++) decoys.push((await makeCert({ subject: supervisor, keys: await newKeys(), ca: true, ski })).certificate);
      pdf = await signAs(pdf, signer, { signingTime: SIGNING_TIME, extraCerts: decoys });
    }
    const v = await verify(pdf);
    expectRefused(v, 'untrusted-signer', '签名人「王五」的证书不是由受信任的 CA 签发的');
    expect(v.signatures).toHaveLength(4);
    expect(v.signatures.every((s) => s.code === 'untrusted-signer')).toBe(true);
    expect(v.signatures[3].reason).toContain(`证书路径检查超过 ${MAX_PATH_VERIFICATIONS} 次仍未找到受信任的 CA`);
  });
});
