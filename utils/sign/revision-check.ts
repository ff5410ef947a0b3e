/**
 * What a later signature's revision may hold. Every signature after the first is an incremental
 * update of a file someone already signed: the earlier signer's bytes stay, and their signature
 * still verifies, yet an update can change what a viewer shows (a new content stream on a page,
 * an annotation or a "signature box" drawn over the scores). So a signed revision after the
 * first may hold only what `signPdf` writes (pdf-incremental.ts):
 * - its /Sig dictionary and a signature widget (/Subtype /Widget /FT /Sig, no action) whose /V
 *   is a /Sig dictionary of the same revision, whose /Rect is empty or lies inside the signature
 *   area the earlier revision recorded (utils/pdf/signature-area.ts), and whose appearance, if
 *   any, is a form XObject of the same revision using nothing but fonts;
 * - that appearance's fonts (Type0, CIDFont, descriptor, font program and /ToUnicode streams);
 * - the Catalog with only /AcroForm changed, the AcroForm with only /Fields (the old fields
 *   first) and /SigFlags changed, and pages with only /Annots changed (the old annotations
 *   first, then new signature widgets).
 * Nothing else may be added, changed or freed, and the trailer keeps its /Root and /Info. The first signature's revision is not judged:
 * its signer signs the whole document as it stands.
 */
import { SIGNATURE_AREA_KEY } from '../pdf/signature-area';
import { PdfFile, PdfReadError } from './pdf-parse';
import { PdfDict, PdfRef, writeValue, type PdfValue } from './pdf-syntax';
import { rectOf } from './pdf-incremental';

/** The keys whose values differ between two dictionaries (compared as written). */
function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].filter((k) => {
    const x = a.get(k);
    const y = b.get(k);
    return x === undefined || y === undefined || writeValue(x) !== writeValue(y);
  });
}

const refNums = (v: PdfValue | undefined): number[] | null =>
  Array.isArray(v) && v.every((x) => x instanceof PdfRef) ? v.map((x) => (x as PdfRef).num) : null;
const startsWith = (list: number[], prefix: number[]) => prefix.length <= list.length && prefix.every((n, i) => list[i] === n);

/** Why the revision from `from` to `to` (byte offsets: the ends of two signed revisions) holds more than a signature; null when it holds only that. */
export function laterRevisionProblem(file: PdfFile, from: number, to: number): string | null {
  let before: PdfFile;
  try {
    before = new PdfFile(file.bytes.subarray(0, from));
  } catch (e) {
    if (e instanceof PdfReadError) return `前一个签名的版本无法读取：${e.message}`;
    throw e;
  }
  const entries = new Map<number, number>();
  const same = (k: string, t: PdfDict) => writeValue(t.get(k) ?? null) === writeValue(before.trailer.get(k) ?? null);
  for (const s of file.sections) {
    if (s.offset < from || s.offset >= to) continue;
    // Another Catalog or Info dictionary named by the new trailer would be another document.
    for (const k of ['Root', 'Info']) if (!same(k, s.trailer)) return `文件尾（trailer）的 /${k} 指向了别的对象`;
    for (const [num, e] of s.entries) {
      if (!e) return `删除了已签名的对象 ${num}`;
      entries.set(num, e.offset);
    }
  }
  const added = new Map<number, PdfValue>();
  const changed = new Map<number, PdfValue>();
  for (const [num, offset] of entries) {
    let value: PdfValue;
    try {
      value = file.objectAt(offset, num).value;
    } catch {
      return `对象 ${num} 无法读取`;
    }
    if (before.object(num)) changed.set(num, value);
    else added.set(num, value);
  }
  const rootRef = before.trailer.get('Root');
  const catalog = before.dict(rootRef);
  const acroRef = catalog?.get('AcroForm');
  const area = before.dict(catalog?.get(SIGNATURE_AREA_KEY));
  const areaRect = rectOf(before.resolve(area?.get('Rect')));
  const areaPage = area?.get('P');

  // New objects, by what they are; widgets checked with the pages that list them.
  const sigs = new Set<number>();
  const widgets = new Map<number, PdfDict>();
  const forms = new Set<number>();
  const fontParts = new Set<number>();
  const typeless = new Set<number>();
  let newAcroForm: number | null = null;
  let stray: string | null = null;
  for (const [num, v] of added) {
    const type = v instanceof PdfDict ? v.name('Type') : undefined;
    const subtype = v instanceof PdfDict ? v.name('Subtype') : undefined;
    if (!(v instanceof PdfDict)) stray ??= `加入了签名以外的对象 ${num}`;
    else if (type === 'Sig') sigs.add(num);
    else if (subtype === 'Widget') widgets.set(num, v);
    else if (type === 'Annot' || v.get('Rect') !== undefined) stray ??= `加入了签名以外的注释（/Subtype /${subtype ?? '?'}，对象 ${num}）`;
    else if (type === 'XObject' && subtype === 'Form') forms.add(num);
    else if (type === 'Font' || type === 'FontDescriptor') fontParts.add(num);
    else if (v.get('Fields') !== undefined && acroRef === undefined) newAcroForm = num;
    else typeless.add(num); // only a font program or /ToUnicode, checked below
  }
  // What a viewer would show first: a new annotation, a widget out of shape.
  if (stray) return stray;
  for (const [num, w] of widgets) {
    if (w.name('FT') !== 'Sig') return `加入了不是签名域的注释（对象 ${num}）`;
    if (w.get('A') !== undefined || w.get('AA') !== undefined) return `签名域（对象 ${num}）带有动作（/A 或 /AA）`;
    const v = w.get('V');
    if (!(v instanceof PdfRef) || !sigs.has(v.num)) return `签名域（对象 ${num}）的 /V 不是这一版本的签名`;
    const rect = rectOf(w.get('Rect'));
    if (!rect) return `签名域（对象 ${num}）没有有效的 /Rect`;
    const empty = rect[2] - rect[0] === 0 || rect[3] - rect[1] === 0;
    const p = w.get('P');
    const inArea =
      !!areaRect &&
      areaPage instanceof PdfRef &&
      p instanceof PdfRef &&
      p.num === areaPage.num &&
      rect[0] >= areaRect[0] - 0.01 &&
      rect[1] >= areaRect[1] - 0.01 &&
      rect[2] <= areaRect[2] + 0.01 &&
      rect[3] <= areaRect[3] + 0.01;
    if (!empty && !inArea) return `签名框（对象 ${num}）不在报告预留的签名区域内，可能遮盖了已签名的内容`;
    const ap = w.get('AP');
    if (ap !== undefined) {
      const n = ap instanceof PdfDict ? ap.get('N') : undefined;
      if (!(ap instanceof PdfDict) || [...ap.entries.keys()].some((k) => k !== 'N') || !(n instanceof PdfRef) || !forms.has(n.num))
        return `签名域（对象 ${num}）的外观不是这一版本的签名外观`;
    }
  }
  for (const num of forms) {
    const res = (added.get(num) as PdfDict).get('Resources');
    if (!(res instanceof PdfDict) || [...res.entries.keys()].some((k) => k !== 'Font')) return `签名外观（对象 ${num}）使用了字体以外的资源`;
  }
  const newRefs = (old: number[], now: number[] | null, allowed: (n: number) => boolean) =>
    !!now && startsWith(now, old) && now.slice(old.length).every(allowed);
  for (const [num, v] of changed) {
    const old = before.object(num)!.value;
    if (!(v instanceof PdfDict) || !(old instanceof PdfDict)) return `改动了已签名的对象 ${num}`;
    const diff = changedKeys(old, v);
    if (rootRef instanceof PdfRef && num === rootRef.num) {
      const acro = v.get('AcroForm');
      const ok =
        diff.every((k) => k === 'AcroForm') &&
        (acro === undefined || (acro instanceof PdfRef && (acroRef instanceof PdfRef ? acro.num === acroRef.num : acro.num === newAcroForm)));
      if (!ok) return `改动了文档目录（Catalog）中签名表单以外的内容（${diff.map((k) => `/${k}`).join(' ')}）`;
    } else if (acroRef instanceof PdfRef && num === acroRef.num) {
      if (diff.some((k) => k !== 'Fields' && k !== 'SigFlags')) return '改动了表单（AcroForm）中签名域以外的内容';
      if (!newRefs(refNums(before.resolve(old.get('Fields'))) ?? [], refNums(v.get('Fields')), (n) => widgets.has(n)))
        return '表单（AcroForm）的 /Fields 改动了原有的域';
    } else if (old.name('Type') === 'Page') {
      if (diff.some((k) => k !== 'Annots')) return `改动了第 ${num} 号页面对象中注释以外的内容（${diff.map((k) => `/${k}`).join(' ')}）`;
      if (!newRefs(refNums(before.resolve(old.get('Annots'))) ?? [], refNums(v.get('Annots')), (n) => widgets.has(n)))
        return `页面对象 ${num} 的注释（/Annots）改动了原有的注释，或加入了签名域以外的注释`;
    } else return `改动了已签名的对象 ${num}`;
  }
  // Typeless objects must be named by a new font's /ToUnicode or a new descriptor's /FontFile2.
  const named = new Set<number>();
  for (const num of fontParts) {
    const d = added.get(num) as PdfDict;
    for (const k of ['ToUnicode', 'FontFile2']) {
      const r = d.get(k);
      if (r instanceof PdfRef) named.add(r.num);
    }
  }
  for (const num of typeless) if (!named.has(num)) return `加入了签名以外的对象 ${num}`;
  if (newAcroForm !== null) {
    const d = added.get(newAcroForm) as PdfDict;
    if ([...d.entries.keys()].some((k) => k !== 'Fields' && k !== 'SigFlags')) return '新加的表单（AcroForm）含有签名域以外的内容';
    if (!newRefs([], refNums(d.get('Fields')), (n) => widgets.has(n))) return '新加的表单（AcroForm）列出了签名域以外的域';
  }
  return null;
}
