/**
 * A template published as a signed 评分表 PDF and read back: the printed text has every section
 * and item, the embedded rubric.json is the template, pdfsig accepts the signature, and the
 * strict verifier refuses a changed byte, an update appended after signing, a signer outside
 * the trust, and a report (which carries observation.json, not rubric.json).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateTemplate, type RubricTemplate } from '../../../utils/rubric';
import { loadReportFonts } from '../../../cli/node-fonts';
import { chineseDate, isoDateAt } from '../../../utils/pdf/format';
import { signPdf, type TrustStore } from '../../../utils/sign';
import { publishRubricSheet, renderRubricSheet, rubricJson, verifyRubricSheet, InvalidTemplateError } from '../../../utils/template-publish';
import { makePki, type Pki } from '../../fixtures/sign/pki';
import { demoReport } from '../../fixtures/sign/reports';
import { flipByte } from '../../fixtures/sign/pdf-bytes';
import { appendUpdate, forgedRecordStream, layoutOf } from '../../fixtures/sign/attacks';
import { pdfsig, run, saveFile } from '../../fixtures/sign/tools';

const ROOT = resolve(__dirname, '../../..');
const fonts = loadReportFonts({ ext: false });
const template = validateTemplate(JSON.parse(readFileSync(join(ROOT, 'public/defaults/rubric-default.json'), 'utf8')));
if (!template.ok) throw new Error('default template invalid');
const T: RubricTemplate = template.value;
/** Whole seconds: the signing time travels as a PDF date. */
const AT = new Date(Math.floor(Date.now() / 1000) * 1000);

let pki: Pki;
let sheet: Uint8Array;
let trust: TrustStore;

beforeAll(async () => {
  pki = await makePki();
  trust = { cas: [pki.ca.certificate] };
  sheet = await publishRubricSheet(T, fonts, pki.zhang, AT);
}, 60_000);

describe('the printed 评分表', () => {
  it('shows the title, the version and date, every section and item title, the bands, and blank score columns', () => {
    const text = run('pdftotext', [saveFile(sheet, '评分表.pdf'), '-']).out;
    expect(text).toContain(T.title);
    expect(text).toMatch(/第\s*1\s*版/);
    expect(text).toContain(`发布日期：${chineseDate(isoDateAt(AT.toISOString()))}`);
    for (const s of T.sections) {
      expect(text).toContain(s.title);
      for (const i of s.items) expect(text).toContain(i.title);
    }
    expect(text.replace(/\s+/g, '')).toContain('优秀≥90分');
    expect(text).toContain('得分');
    expect(text).toContain('扣分项');
  });

  it('pdfsig says the signature is valid and covers the whole document', () => {
    const r = pdfsig(saveFile(sheet, '评分表.pdf'));
    expect(r.text).toContain('Signature is Valid.');
    expect(r.text).toContain('Total document signed');
  });

  it('an invalid template is refused with its problems, no PDF', () => {
    const bad = { ...T, sections: [{ ...T.sections[0], items: [] }] };
    expect(() => renderRubricSheet(bad, fonts)).toThrow(InvalidTemplateError);
    try {
      renderRubricSheet(bad, fonts);
    } catch (e) {
      expect((e as InvalidTemplateError).problems).toContainEqual({ path: '$.sections[0].items', message: '部分「学习准备」没有评分项' });
    }
  });
});

describe('verifyRubricSheet', () => {
  it('a good sheet gives the template exactly as embedded, the signer and the date', async () => {
    const v = await verifyRubricSheet(sheet, trust);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.template).toEqual(T);
    expect(v.json).toBe(rubricJson(T));
    expect(v.signer.cn).toBe('张三');
    expect(v.publishedAt).toBe(AT.toISOString());
  });

  it('one changed byte is refused', async () => {
    const at = Math.floor(sheet.length / 3);
    const v = await verifyRubricSheet(flipByte(sheet, at), trust);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.code).toBe('digest-mismatch');
  });

  it('an update appended after signing that replaces rubric.json is refused, and the forged template is not returned', async () => {
    const L = layoutOf(sheet, 'rubric.json');
    const forged = rubricJson({ ...T, version: 9, title: '伪造的评分表' });
    const attacked = appendUpdate(sheet, [{ num: L.record, body: forgedRecordStream(forged) }], { layout: L });
    const v = await verifyRubricSheet(attacked, trust);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.code).toBe('appended-after-signature');
    expect(v.reason).toMatch(/签名之后文件又被追加了 \d+ 字节/);
    expect(v.verdict.record).toBeUndefined();
  });

  it('a sheet signed outside the trust is refused by name', async () => {
    const stranger = await publishRubricSheet(T, fonts, pki.stranger, AT);
    const v = await verifyRubricSheet(stranger, trust);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toBe('签名人「王五」的证书不是由受信任的 CA 签发的');
  });

  it('an unsigned sheet is refused', async () => {
    const v = await verifyRubricSheet(renderRubricSheet(T, fonts, { publishedAt: AT }), trust);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.code).toBe('no-signature');
  });

  it('a signed report is not a 评分表: it has no rubric.json', async () => {
    const report = await signPdf(demoReport().pdf, { key: pki.zhang.privateKey, certificate: pki.zhang.certificate, chain: pki.zhang.chain });
    const v = await verifyRubricSheet(report, trust);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.code).toBe('record-missing');
      expect(v.reason).toContain('rubric.json');
    }
  });
});
