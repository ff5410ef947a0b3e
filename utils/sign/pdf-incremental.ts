/**
 * The incremental update that carries a signature (ISO 32000 §7.5.6, §12.8): appended after
 * the existing bytes, which stay untouched. It adds a signature field (a Widget) and its /Sig
 * dictionary, puts the field in the Catalog's /AcroForm (/SigFlags 3) and in its page's
 * /Annots, and ends with an xref section for exactly those objects, a trailer with /Prev, and
 * %%EOF. Every other Catalog entry (/Names with the embedded record, /AF, …) is copied byte for byte.
 *
 * Where the widget goes: when the caller gives an appearance and the file records a signature
 * area (a report: the band under the 巡听人员 table, utils/pdf/signature-area.ts), the widget is
 * the first of the area's boxes no earlier annotation on that page covers, with the appearance
 * (/AP /N, a form XObject) drawn in it. Otherwise (any other PDF, every box taken, no fonts) it
 * is invisible on page 1 (/Rect [0 0 0 0]), as a signature without appearance always was.
 *
 * The /Sig dictionary gets a /ByteRange already filled in (padded to a fixed width) and a
 * zero-filled /Contents placeholder; `signPdf` computes the CMS and writes it in place.
 */
import { fromLatin1 } from './bytes';
import { SignError } from './errors';
import { PdfFile, PdfReadError } from './pdf-parse';
import { PdfDict, PdfName, PdfRef, PdfString, writeTextString, writeValue, type PdfValue } from './pdf-syntax';
import { SIGNATURE_AREA_KEY } from '../pdf/signature-area';

/** Draws the box: its form XObject and whatever objects it needs, numbered by `next()`. */
export type AppearanceBuilder = (width: number, height: number, next: () => number) => { xobject: number; objects: { num: number; body: string }[] };

export interface SignatureDictOptions {
  reason: string;
  location?: string;
  /** The signer's name (/Name). */
  name?: string;
  signingTime: Date;
  /** Bytes reserved for the CMS (the hex string is twice as long). */
  contentsSize: number;
  /** The visible box, drawn when the file has room recorded for it. */
  appearance?: AppearanceBuilder;
}

export interface PreparedSignature {
  /** The whole new file; /Contents still zero-filled. */
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit of /Contents (just after `<`). */
  contentsOffset: number;
  fieldName: string;
}

/** `D:20260512093000Z` (UTC). */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/** `D:YYYYMMDDHHmmSS` with optional `Z`, `+HH'mm'`, `-HH'mm'`; missing parts default (§7.9.4). */
export function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(?:(\d{2})'?)?)?$/.exec(s.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', , sign, oh = '00', om = '00'] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  if (sign) t -= (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Number.isNaN(t) ? null : new Date(t);
}

const asArray = (v: PdfValue | undefined): PdfValue[] => (Array.isArray(v) ? v : []);

/** Page 1: the first leaf of the page tree. */
function firstPage(file: PdfFile, catalog: PdfDict): { ref: PdfRef; dict: PdfDict } {
  let ref = catalog.get('Pages');
  for (let depth = 0; depth < 32 && ref instanceof PdfRef; depth++) {
    const node = file.dict(ref);
    if (!node) break;
    if (node.name('Type') === 'Page' || !node.get('Kids')) return { ref, dict: node };
    ref = asArray(file.resolve(node.get('Kids')))[0];
  }
  throw new SignError('pdf-invalid', 'PDF 没有可读的第 1 页');
}

/** Space between two boxes of the signature area, points. */
const BOX_GAP = 6;
export type Rect = [number, number, number, number];

/** A /Rect as [left, bottom, right, top], or null when it is not four finite numbers. */
export function rectOf(v: PdfValue | undefined): Rect | null {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [a, b, c, d] = v as number[];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

const overlaps = (p: Rect, q: Rect) => p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];

/** The first free box of the file's signature area, with its page; null when there is none. */
function freeBox(file: PdfFile, catalog: PdfDict): { page: { ref: PdfRef; dict: PdfDict }; rect: Rect } | null {
  const area = file.dict(catalog.get(SIGNATURE_AREA_KEY));
  const pageRef = area?.get('P');
  const page = pageRef instanceof PdfRef ? file.dict(pageRef) : undefined;
  const rect = rectOf(file.resolve(area?.get('Rect')));
  const slots = file.resolve(area?.get('Slots'));
  if (!(pageRef instanceof PdfRef) || page?.name('Type') !== 'Page' || !rect || typeof slots !== 'number' || !Number.isInteger(slots) || slots < 1 || slots > 8)
    return null;
  const width = (rect[2] - rect[0] - BOX_GAP * (slots - 1)) / slots;
  if (width <= 0 || rect[3] <= rect[1]) return null;
  const taken = asArray(file.resolve(page.get('Annots')))
    .map((a) => rectOf(file.resolve(file.dict(a)?.get('Rect'))))
    .filter((r): r is Rect => !!r && r[2] > r[0] && r[3] > r[1]);
  for (let i = 0; i < slots; i++) {
    const x = rect[0] + i * (width + BOX_GAP);
    const box: Rect = [x, rect[1], x + width, rect[3]];
    if (!taken.some((t) => overlaps(t, box))) return { page: { ref: pageRef, dict: page }, rect: box };
  }
  return null;
}

function fieldNames(file: PdfFile, fields: PdfValue[]): Set<string> {
  const names = new Set<string>();
  for (const f of fields) {
    const t = file.dict(f)?.get('T');
    if (t instanceof PdfString) names.add(t.text());
  }
  return names;
}

function openForUpdate(pdf: Uint8Array): PdfFile {
  try {
    return new PdfFile(pdf);
  } catch (e) {
    if (e instanceof PdfReadError) throw new SignError(e.problem === 'unsupported' ? 'pdf-unsupported' : 'pdf-invalid', `无法签名：${e.message}`);
    throw e;
  }
}

export function prepareSignatureUpdate(pdf: Uint8Array, opts: SignatureDictOptions): PreparedSignature {
  const file = openForUpdate(pdf);
  const trailer = file.trailer;
  if (trailer.get('Encrypt')) throw new SignError('pdf-unsupported', '无法签名：PDF 已加密');
  const rootRef = trailer.get('Root');
  const catalog = rootRef instanceof PdfRef ? file.dict(rootRef) : undefined;
  if (!(rootRef instanceof PdfRef) || !catalog) throw new SignError('pdf-invalid', '无法签名：PDF 没有可读的文档目录（Catalog）');
  const box = opts.appearance ? freeBox(file, catalog) : null;
  const page = box?.page ?? firstPage(file, catalog);

  const acroRef = catalog.get('AcroForm');
  const acro = (file.dict(acroRef) ?? new PdfDict()).clone();
  const fields = asArray(file.resolve(acro.get('Fields')));
  const taken = fieldNames(file, fields);
  let n = 1;
  while (taken.has(`Signature${n}`)) n++;
  const fieldName = `Signature${n}`;

  let next = file.size;
  const sigRef = new PdfRef(next++, 0);
  const fieldRef = new PdfRef(next++, 0);
  const acroOut = acroRef instanceof PdfRef ? new PdfRef(acroRef.num, file.entry(acroRef.num)?.gen ?? 0) : new PdfRef(next++, 0);
  const drawn = box && opts.appearance ? opts.appearance(box.rect[2] - box.rect[0], box.rect[3] - box.rect[1], () => next++) : null;

  acro.set('Fields', [...fields, fieldRef]);
  acro.set('SigFlags', 3);
  const pageDict = page.dict.clone();
  pageDict.set('Annots', [...asArray(file.resolve(pageDict.get('Annots'))), fieldRef]);
  const catalogOut = catalog.clone();
  catalogOut.set('AcroForm', acroOut);

  const hexLength = opts.contentsSize * 2;
  const rangeSlot = ' '.repeat(3 * 11 + 2);
  const sigParts = [
    '/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    `/ByteRange [${rangeSlot}]`,
    `/Contents <${'0'.repeat(hexLength)}>`,
    `/M ${writeTextString(pdfDate(opts.signingTime))}`,
  ];
  if (opts.name) sigParts.push(`/Name ${writeTextString(opts.name)}`);
  if (opts.reason) sigParts.push(`/Reason ${writeTextString(opts.reason)}`);
  if (opts.location) sigParts.push(`/Location ${writeTextString(opts.location)}`);
  sigParts.push('/Prop_Build << /App << /Name /Xunting >> >>');
  const widget = new PdfDict()
    .set('Type', new PdfName('Annot'))
    .set('Subtype', new PdfName('Widget'))
    .set('FT', new PdfName('Sig'))
    .set('F', 132)
    .set('Rect', box && drawn ? box.rect.map((n) => Math.round(n * 100) / 100) : [0, 0, 0, 0])
    .set('P', page.ref)
    .set('V', sigRef);
  if (drawn) widget.set('AP', new PdfDict().set('N', new PdfRef(drawn.xobject, 0)));
  const widgetText = writeValue(widget).replace(
    / >>$/,
    ` /T ${writeTextString(fieldName)}${opts.name ? ` /TU ${writeTextString(`签名人：${opts.name}`)}` : ''} >>`,
  );

  const objects: { ref: PdfRef; body: string }[] = [
    { ref: sigRef, body: `<< ${sigParts.join(' ')} >>` },
    { ref: fieldRef, body: widgetText },
    { ref: acroOut, body: writeValue(acro) },
    { ref: new PdfRef(page.ref.num, file.entry(page.ref.num)?.gen ?? 0), body: writeValue(pageDict) },
    { ref: new PdfRef(rootRef.num, file.entry(rootRef.num)?.gen ?? 0), body: writeValue(catalogOut) },
    ...(drawn?.objects ?? []).map((o) => ({ ref: new PdfRef(o.num, 0), body: o.body })),
  ];

  const last = pdf[pdf.length - 1];
  let text = last === 0x0a || last === 0x0d ? '' : '\n';
  const base = pdf.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  let contentsAt = -1;
  let rangeAt = -1;
  for (const o of objects) {
    const at = base + text.length;
    offsets.set(o.ref.num, { offset: at, gen: o.ref.gen });
    const head = `${o.ref.num} ${o.ref.gen} obj\n`;
    if (o.ref === sigRef) {
      rangeAt = at + head.length + o.body.indexOf('/ByteRange [') + '/ByteRange ['.length;
      contentsAt = at + head.length + o.body.indexOf('/Contents <') + '/Contents <'.length;
    }
    text += `${head}${o.body}\nendobj\n`;
  }

  const xrefAt = base + text.length;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k])!;
      xref += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  const newTrailer = new PdfDict().set('Size', Math.max(file.size, next)).set('Root', rootRef);
  const info = trailer.get('Info');
  if (info instanceof PdfRef) newTrailer.set('Info', info);
  const id = trailer.get('ID');
  if (Array.isArray(id)) newTrailer.set('ID', id);
  newTrailer.set('Prev', file.lastXref);
  text += `${xref}trailer\n${writeValue(newTrailer)}\nstartxref\n${xrefAt}\n%%EOF\n`;

  const bytes = new Uint8Array(base + text.length);
  bytes.set(pdf, 0);
  bytes.set(fromLatin1(text), base);

  const gapStart = contentsAt - 1;
  const gapEnd = contentsAt + hexLength + 1;
  const byteRange: [number, number, number, number] = [0, gapStart, gapEnd, bytes.length - gapEnd];
  const rangeText = byteRange.join(' ');
  if (rangeText.length > rangeSlot.length) throw new SignError('pdf-unsupported', '无法签名：PDF 过大');
  bytes.set(fromLatin1(rangeText.padEnd(rangeSlot.length, ' ')), rangeAt);
  return { bytes, byteRange, contentsOffset: contentsAt, fieldName };
}
