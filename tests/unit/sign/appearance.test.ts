/**
 * The visible box of each signature: a signature widget under the 巡听人员 table, linked to its
 * /Sig dictionary, drawing "数字签名：" with the signer, unit, time (UTC+8) and fingerprint, which
 * poppler reads back; the countersignature beside the first; both still valid for pdfsig,
 * openssl, qpdf and our verifier. And the new shape abused: a box changed, added or covered by
 * an update after signing is refused as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signatureFaces } from '../../../utils/pdf';
import { loadReportFonts } from '../../../cli/node-fonts';
import type { ObservationRecord } from '../../../utils/record';
import { fingerprint, signPdf, verifyPdf, type Identity, type VerifyOptions } from '../../../utils/sign';
import { PdfFile } from '../../../utils/sign/pdf-parse';
import { PdfDict, PdfRef, PdfString, type PdfValue } from '../../../utils/sign/pdf-syntax';
import { makePki, observer, type Pki } from '../../fixtures/sign/pki';
import { signatures } from '../../fixtures/sign/pdf-bytes';
import { appendUpdate, editedObject, enc, latin1, layoutOf, streamBody, type NewObject } from '../../fixtures/sign/attacks';
import { demoReport } from '../../fixtures/sign/reports';
import { opensslCmsVerify, pdfsig, qpdfCheck, run, saveFile } from '../../fixtures/sign/tools';
import { certificateToPem } from '../../../utils/sign';

// After the test certificates take effect (they are issued now); the verifier is told a later "now".
const SIGNING_TIME = new Date(Date.now() + 5 * 60_000);
const LATER = new Date(SIGNING_TIME.getTime() + 3600_000);
/** `2026-12-0315:04(UTC+8)`: the time as the box prints it, blanks removed. */
const chinaTime = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', '')}(UTC+8)`;
const APPENDED = /^签名之后文件又被追加了 \d+ 字节的内容/;

let pki: Pki;
let record: ObservationRecord;
let plain: Uint8Array;
let signed: Uint8Array;
let cosigned: Uint8Array;
let faces: Uint8Array[];
let trust: VerifyOptions;

const sign = (pdf: Uint8Array, id: Identity, signingTime = SIGNING_TIME) =>
  signPdf(pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain, signingTime, appearanceFonts: faces });

interface Widget {
  num: number;
  dict: PdfDict;
  rect: [number, number, number, number];
  page: number;
  /** 1-based page number of /P. */
  pageNumber: number;
}

/** Every signature field of the file's AcroForm, as a viewer finds it. */
function widgets(pdf: Uint8Array): Widget[] {
  const file = new PdfFile(pdf);
  const catalog = file.dict(file.trailer.get('Root'))!;
  const acro = file.dict(catalog.get('AcroForm'))!;
  const pages = (file.resolve(file.dict(catalog.get('Pages'))!.get('Kids')) as PdfValue[]).map((k) => (k as PdfRef).num);
  return (file.resolve(acro.get('Fields')) as PdfValue[]).map((ref) => {
    const dict = file.dict(ref)!;
    const p = dict.get('P') as PdfRef;
    return { num: (ref as PdfRef).num, dict, rect: file.resolve(dict.get('Rect')) as Widget['rect'], page: p.num, pageNumber: pages.indexOf(p.num) + 1 };
  });
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** `pdftotext -bbox` of one page: its words and their boxes (points, y down). */
function wordsOn(path: string, page: number): Word[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-']).out;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** The text poppler reads inside a widget's rectangle. */
function textIn(path: string, w: Widget): string {
  const [x1, y1, x2, y2] = w.rect;
  const top = 841.89 - y2;
  const args = [
    '-f',
    String(w.pageNumber),
    '-l',
    String(w.pageNumber),
    '-x',
    String(Math.floor(x1)),
    '-y',
    String(Math.floor(top)),
    '-W',
    String(Math.ceil(x2 - x1)),
    '-H',
    String(Math.ceil(y2 - y1)),
    path,
    '-',
  ];
  return run('pdftotext', args).out;
}

const shortPrint = async (id: Identity) => (await fingerprint(id.certificate)).replace(/:/g, '').slice(0, 16);

beforeAll(async () => {
  pki = await makePki();
  ({ record, pdf: plain } = demoReport());
  faces = signatureFaces(loadReportFonts({ ext: false }));
  signed = await sign(plain, pki.zhang);
  cosigned = await sign(signed, pki.li, LATER);
  trust = { trust: { cas: [pki.ca.certificate] }, now: new Date(SIGNING_TIME.getTime() + 7200_000) };
});

describe('the box of each signature', () => {
  it("is a printable signature widget whose /V is its signature, with an appearance, in its page's /Annots and the AcroForm", () => {
    const file = new PdfFile(cosigned);
    const ws = widgets(cosigned);
    expect(ws).toHaveLength(2);
    for (const w of ws) {
      expect(w.dict.name('Subtype')).toBe('Widget');
      expect(w.dict.name('FT')).toBe('Sig');
      expect((w.dict.get('F') as number) & 4).toBe(4); // Print
      expect(file.dict(w.dict.get('V'))?.name('Type')).toBe('Sig');
      const ap = file.object((file.dict(w.dict.get('AP'))!.get('N') as PdfRef).num)!;
      expect((ap.value as PdfDict).name('Subtype')).toBe('Form');
      expect(ap.stream).toBeDefined();
      const annots = file.resolve(file.dict(new PdfRef(w.page, 0))!.get('Annots')) as PdfRef[];
      expect(annots.map((a) => a.num)).toContain(w.num);
    }
    const acro = file.dict(file.dict(file.trailer.get('Root'))!.get('AcroForm'))!;
    expect(acro.get('SigFlags')).toBe(3);
    // Each box shows its own signature: /V differs, /T names the field pdfsig reports.
    expect(ws.map((w) => (w.dict.get('T') as PdfString).text())).toEqual(['Signature1', 'Signature2']);
    expect(new Set(ws.map((w) => (w.dict.get('V') as PdfRef).num)).size).toBe(2);
  });

  it('lies directly under the 巡听人员 table, on its page, aligned with it; the countersignature beside the first, not over it', () => {
    const path = saveFile(cosigned, 'cosigned.pdf');
    const [first, second] = widgets(cosigned);
    expect(second.pageNumber).toBe(first.pageNumber);
    const words = wordsOn(path, first.pageNumber);
    expect(words.some((w) => w.text.includes('巡听人员'))).toBe(true);
    const names = record.observers.map((o) => o.name);
    const nameBottom = Math.max(...words.filter((w) => names.includes(w.text)).map((w) => w.yMax));
    const noteTop = Math.min(...words.filter((w) => w.text.startsWith('注：')).map((w) => w.yMin));
    const top = 841.89 - first.rect[3];
    const bottom = 841.89 - first.rect[1];
    // Below the last row (its name is centred in a 48 pt row), above the note that follows the table.
    expect(top).toBeGreaterThan(nameBottom + 10);
    expect(top).toBeLessThan(nameBottom + 40);
    expect(bottom).toBeLessThan(noteTop);
    expect(first.rect[0]).toBeCloseTo(56, 0); // the table's left edge (A4 margin)
    expect(second.rect[1]).toBe(first.rect[1]);
    expect(second.rect[0]).toBeGreaterThan(first.rect[2]);
    expect(second.rect[2]).toBeLessThanOrEqual(595.28 - 56 + 0.01);
  });

  it('says 数字签名, the signer, the unit, the time in UTC+8 and the fingerprint: pdftotext reads each box back', async () => {
    const path = saveFile(cosigned, 'cosigned.pdf');
    const [first, second] = widgets(cosigned);
    const a = textIn(path, first).replace(/\s+/g, '');
    expect(a).toContain('数字签名：张三');
    expect(a).toContain('单位：锡林郭勒盟委组织部');
    expect(a).toContain(`时间：${chinaTime(SIGNING_TIME)}`);
    expect(a).toContain(`SHA-256指纹：${await shortPrint(pki.zhang)}…`);
    const b = textIn(path, second).replace(/\s+/g, '');
    expect(b).toContain('数字签名：李四');
    expect(b).toContain(`时间：${chinaTime(LATER)}`);
    expect(b).toContain(`SHA-256指纹：${await shortPrint(pki.li)}…`);
  });

  it("pdf.js (Firefox's viewer) lists both as signature fields with an appearance and draws their text", async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: cosigned.slice(), verbosity: 0 }).promise;
    const page = await doc.getPage(widgets(cosigned)[0].pageNumber);
    const annots = await page.getAnnotations();
    expect(annots.map((a) => [a.subtype, a.fieldType, a.fieldName, a.hasAppearance])).toEqual([
      ['Widget', 'Sig', 'Signature1', true],
      ['Widget', 'Sig', 'Signature2', true],
    ]);
    const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
    let inside = false;
    let drawn = 0;
    let glyphs = 0;
    ops.fnArray.forEach((fn, i) => {
      if (fn === pdfjs.OPS.beginAnnotation) [inside, drawn] = [true, drawn + 1];
      else if (fn === pdfjs.OPS.endAnnotation) inside = false;
      else if (inside && fn === pdfjs.OPS.showText) glyphs += (ops.argsArray[i][0] as unknown[]).length;
    });
    expect(drawn).toBe(2);
    expect(glyphs).toBeGreaterThan(100); // four lines in each box
    await doc.destroy();
  });

  it('embeds only the glyphs it draws (a few KB, not the 2.8 MB face)', () => {
    const growth = cosigned.length - signed.length;
    expect(growth).toBeLessThan(40_000);
    expect(run('pdffonts', [saveFile(cosigned, 'cosigned.pdf')]).out).toMatch(/XTSIGA\+XuntingSignature1\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('pdfsig: both signatures valid, the second the total document; qpdf --check clean; openssl cms verifies both', () => {
    const path = saveFile(cosigned, 'cosigned.pdf');
    const r = pdfsig(path);
    expect(r.signatures.map((s) => [s.valid, s.totalDocument])).toEqual([
      [true, false],
      [true, true],
    ]);
    const q = qpdfCheck(path);
    expect(q.code, q.out + q.err).toBe(0);
    expect(q.out).toContain('No syntax or stream encoding errors found');
    const caFile = saveFile(certificateToPem(pki.ca.certificate), 'ca.pem');
    for (const sig of signatures(cosigned)) {
      const o = opensslCmsVerify(cosigned, sig, caFile);
      expect(o.err).toContain('CMS Verification successful');
    }
  });

  it('the strict verifier accepts both signatures, and the record', async () => {
    const v = await verifyPdf(cosigned, trust);
    expect(v.ok, v.reason).toBe(true);
    expect(v.signatures.map((s) => s.signer?.cn)).toEqual(['张三', '李四']);
    expect(v.record?.id).toBe(record.id);
  });

  it('a third signer gets the third box; a fourth, with every box taken, signs invisibly on page 1', async () => {
    const third = await sign(cosigned, await observer(pki.ca, '王五'));
    const fourth = await sign(third, await observer(pki.ca, '赵六'));
    const ws = widgets(fourth);
    expect(ws[2].rect[0]).toBeGreaterThan(ws[1].rect[2]);
    expect(ws[2].pageNumber).toBe(ws[0].pageNumber);
    expect(ws[3].rect).toEqual([0, 0, 0, 0]);
    expect(ws[3].pageNumber).toBe(1);
    expect(ws[3].dict.get('AP')).toBeUndefined();
    expect(pdfsig(saveFile(fourth, 'fourth.pdf')).signatures.map((s) => s.valid)).toEqual([true, true, true, true]);
    expect((await verifyPdf(fourth, trust)).ok).toBe(true);
  });

  it('a PDF that keeps no room for the box (any other PDF) is signed invisibly on page 1, as before', async () => {
    const text = latin1(plain);
    const at = text.indexOf('/XuntingSignatureArea');
    expect(at).toBeGreaterThan(0);
    const other = plain.slice();
    other.set(enc('/XuntingSignatureArex'), at);
    const w = widgets(await sign(other, pki.zhang))[0];
    expect(w.rect).toEqual([0, 0, 0, 0]);
    expect(w.pageNumber).toBe(1);
    expect(w.dict.get('AP')).toBeUndefined();
  });

  it('without fonts (a caller that passes none) the signature is invisible', async () => {
    const bare = await signPdf(plain, { key: pki.zhang.privateKey, certificate: pki.zhang.certificate, chain: pki.zhang.chain, signingTime: SIGNING_TIME });
    expect(widgets(bare)[0].rect).toEqual([0, 0, 0, 0]);
  });
});

describe('the box abused after signing: refused as any other change', () => {
  /** Object `num` with `re` replaced (which must be there). */
  const edited = (num: number, re: RegExp, to: string) =>
    editedObject(cosigned, num, (b) => {
      expect(b).toMatch(re);
      return b.replace(re, to);
    });
  const APPEARANCE = (text: string) => streamBody('/Type /XObject /Subtype /Form /BBox [0 0 150 50]', enc(`BT /Helv 8 Tf 5 30 Td (${text}) Tj ET`));

  it("an unsigned update that replaces a box's appearance (another name drawn in it): appended", async () => {
    const [first] = widgets(cosigned);
    const size = layoutOf(cosigned).size;
    const forged: NewObject[] = [{ num: size, body: APPEARANCE('Forged Signer') }, edited(first.num, /\/AP << \/N \d+ 0 R >>/, `/AP << /N ${size} 0 R >>`)];
    const v = await verifyPdf(appendUpdate(cosigned, forged), trust);
    expect(v.ok).toBe(false);
    expect(v.code).toBe('appended-after-signature');
    expect(v.reason).toMatch(APPENDED);
  });

  it('an unsigned update that adds a second widget for the first signature (a box drawn elsewhere, /V the genuine signature): appended', async () => {
    const [first] = widgets(cosigned);
    const size = layoutOf(cosigned).size;
    const forged: NewObject[] = [
      { num: size, body: APPEARANCE('Signed') },
      {
        num: size + 1,
        body: `<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect [56 400 300 450] /P ${first.page} 0 R /V ${(first.dict.get('V') as PdfRef).num} 0 R /AP << /N ${size} 0 R >> /T (Signature9) >>`,
      },
      edited(first.page, /\/Annots \[/, `/Annots [${size + 1} 0 R `),
    ];
    const v = await verifyPdf(appendUpdate(cosigned, forged), trust);
    expect(v.code).toBe('appended-after-signature');
  });

  it('an unsigned update that covers a box (or the table) with a square annotation: appended', async () => {
    const [first] = widgets(cosigned);
    const size = layoutOf(cosigned).size;
    const forged: NewObject[] = [
      { num: size, body: `<< /Type /Annot /Subtype /Square /F 4 /Rect [${first.rect.join(' ')}] /IC [1 1 1] /C [1 1 1] /P ${first.page} 0 R >>` },
      edited(first.page, /\/Annots \[/, `/Annots [${size} 0 R `),
    ];
    const v = await verifyPdf(appendUpdate(cosigned, forged), trust);
    expect(v.code).toBe('appended-after-signature');
  });

  it("a byte changed in the countersignature's box (its font or drawing): the countersignature no longer verifies", async () => {
    const [, second] = widgets(cosigned);
    const file = new PdfFile(cosigned);
    const ap = file.object((file.dict(second.dict.get('AP'))!.get('N') as PdfRef).num)!;
    const bad = cosigned.slice();
    bad[ap.stream![0] + 2] ^= 0x01;
    const v = await verifyPdf(bad, trust);
    expect(v.ok).toBe(false);
    expect(v.code).toBe('digest-mismatch');
    expect(v.reason).toContain('第 2 个签名');
  });
});

describe('a later signature over an update that holds more than that signature: refused, though every signature verifies', () => {
  const FORM = (text: string, resources = '/Font << >>') =>
    streamBody(`/Type /XObject /Subtype /Form /BBox [0 0 300 200] /Resources << ${resources} >>`, enc(`0 0 300 200 re f BT 5 30 Td (${text}) Tj ET`));
  /** The first page listing the signature area (the 巡听人员 page) and page 1. */
  const pagesOf = () => {
    const [first] = widgets(signed);
    return { tablePage: first.page, page1: layoutOf(signed).page1, area: first.rect };
  };
  /** `signed` + an update with `objects` (numbers from the file's size), then countersigned by 李四 (trusted). */
  async function countersignedOver(objects: (size: number) => NewObject[]): Promise<Uint8Array> {
    const size = layoutOf(signed).size;
    const update = appendUpdate(signed, objects(size));
    return sign(update, pki.li, LATER);
  }
  const editedIn = (pdf: Uint8Array, num: number, re: RegExp, to: string) =>
    editedObject(pdf, num, (b) => {
      expect(b).toMatch(re);
      return b.replace(re, to);
    });
  /** Page `num` with `ref` added to its /Annots (made when it has none). */
  const withAnnot = (pdf: Uint8Array, num: number, ref: number) =>
    editedObject(pdf, num, (b) =>
      /\/Annots \[/.test(b) ? b.replace(/\/Annots \[([^\]]*)\]/, `/Annots [$1 ${ref} 0 R]`) : b.replace(/>>\s*$/, `/Annots [${ref} 0 R] >>`),
    );
  async function expectRevisionRefused(pdf: Uint8Array, reason: RegExp) {
    const path = saveFile(pdf, 'over.pdf');
    // Every signature is cryptographically fine: pdfsig says so.
    const sigs = pdfsig(path).signatures;
    expect(sigs.length).toBeGreaterThanOrEqual(2);
    expect(sigs.every((s) => s.valid)).toBe(true);
    const v = await verifyPdf(pdf, trust);
    expect(v.ok).toBe(false);
    expect(v.code).toBe('revision-invalid');
    expect(v.reason).toMatch(/^第 2 个签名的版本除了签名还改动了文件：/);
    expect(v.reason).toMatch(reason);
    expect(v.record).toBeUndefined();
  }

  it('control: an invisible countersignature (as before this box existed) and a visible one are accepted', async () => {
    const bare = (pdf: Uint8Array, id: Identity, t: Date) => signPdf(pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain, signingTime: t });
    const invisible = await bare(await bare(plain, pki.zhang, SIGNING_TIME), pki.li, LATER);
    expect((await verifyPdf(invisible, trust)).ok).toBe(true);
    expect((await verifyPdf(cosigned, trust)).ok).toBe(true);
  });

  it('a white square annotation over the scores, added before countersigning', async () => {
    const { page1 } = pagesOf();
    const pdf = await countersignedOver((size) => [
      { num: size, body: `<< /Type /Annot /Subtype /Square /F 4 /Rect [56 300 539 700] /IC [1 1 1] /C [1 1 1] /P ${page1} 0 R >>` },
      withAnnot(signed, page1, size),
    ]);
    await expectRevisionRefused(pdf, /加入了签名以外的注释（\/Subtype \/Square/);
  });

  it('a new content stream on page 1 (the scores redrawn)', async () => {
    const { page1 } = pagesOf();
    const pdf = await countersignedOver((size) => [
      { num: size, body: streamBody('', enc('1 g 56 300 483 400 re f 0 g BT /F1 12 Tf 100 500 Td (100) Tj ET')) },
      editedIn(signed, page1, /\/Contents (\d+) 0 R/, `/Contents [$1 0 R ${size} 0 R]`),
    ]);
    await expectRevisionRefused(pdf, /号页面对象中注释以外的内容（\/Contents）/);
  });

  it('a signature widget for the countersignature drawn over the scores (its box outside the signature area)', async () => {
    const { page1 } = pagesOf();
    const pdf = await countersignedOver((size) => [
      { num: size, body: FORM('Score 100') },
      // /V: the /Sig dictionary signPdf writes next (numbered from the new /Size).
      {
        num: size + 1,
        body: `<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect [56 300 539 700] /P ${page1} 0 R /V ${size + 2} 0 R /AP << /N ${size} 0 R >> /T (Signature7) >>`,
      },
      withAnnot(signed, page1, size + 1),
    ]);
    await expectRevisionRefused(pdf, /签名框（对象 \d+）不在报告预留的签名区域内/);
  });

  it('inside the signature area: a widget that is no signature field, one whose /V is the first signature, one whose appearance draws an image', async () => {
    const { tablePage, area } = pagesOf();
    const box = `[${area[0] + 320} ${area[1]} ${area[2] + 320} ${area[3]}]`;
    const cases: [string, (size: number) => NewObject[], RegExp][] = [
      [
        'text field',
        (size) => [
          { num: size, body: FORM('Approved') },
          { num: size + 1, body: `<< /Type /Annot /Subtype /Widget /FT /Tx /F 4 /Rect ${box} /P ${tablePage} 0 R /AP << /N ${size} 0 R >> /T (Note) >>` },
          withAnnot(signed, tablePage, size + 1),
        ],
        /不是签名域的注释/,
      ],
      [
        'first signature again',
        (size) => [
          { num: size, body: FORM('Zhang San') },
          {
            num: size + 1,
            body: `<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect ${box} /P ${tablePage} 0 R /V ${(widgets(signed)[0].dict.get('V') as PdfRef).num} 0 R /AP << /N ${size} 0 R >> /T (Signature8) >>`,
          },
          withAnnot(signed, tablePage, size + 1),
        ],
        /\/V 不是这一版本的签名/,
      ],
      [
        'image',
        (size) => [
          { num: size, body: FORM('x', '/XObject << /Im1 1 0 R >>') },
          {
            num: size + 1,
            body: `<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect ${box} /P ${tablePage} 0 R /V ${size + 2} 0 R /AP << /N ${size} 0 R >> /T (Signature8) >>`,
          },
          withAnnot(signed, tablePage, size + 1),
        ],
        /字体以外的资源/,
      ],
    ];
    for (const [, objects, reason] of cases) await expectRevisionRefused(await countersignedOver(objects), reason);
  });

  it('the document Info (title) changed in the countersigned revision', async () => {
    const L = layoutOf(signed);
    const pdf = await countersignedOver(() => [editedIn(signed, L.info!, /\/Title /, '/Title (Forged) /OldTitle ')]);
    await expectRevisionRefused(pdf, /改动了已签名的对象 \d+/);
  });
});

describe('a name beyond the BMP', () => {
  it("𠮷 (U+20BB7) in the signer's name is drawn from the supplementary face and read back by pdftotext", async () => {
    const all = loadReportFonts();
    const id = await observer(pki.ca, '𠮷田');
    const pdf = await signPdf(plain, {
      key: id.privateKey,
      certificate: id.certificate,
      chain: id.chain,
      signingTime: SIGNING_TIME,
      appearanceFonts: signatureFaces(all),
    });
    const path = saveFile(pdf, 'sip.pdf');
    expect(textIn(path, widgets(pdf)[0]).replace(/\s+/g, '')).toContain('数字签名：𠮷田');
    expect(run('pdffonts', [path]).out).toContain('XTSIGC+XuntingSignature3');
    expect(pdfsig(path).signatures[0].valid).toBe(true);
  });
});
