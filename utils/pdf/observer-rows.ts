/**
 * The 巡听人员 table: each observer's name, role (组长 / 组员), handwritten signature and the
 * date it was signed; an unsigned observer gets a line to sign on and a blank date.
 */
import type { jsPDF } from 'jspdf';
import type { Observer } from '../record';
import { headerRow, type CellBox, type TableRow } from './layout-table';
import { RULE } from './page-flow';
import { chineseDate, isoDateAt } from './format';
import { HEADER_FILL, SIGNATURE_ROW_HEIGHT } from './report-style';
import { SignatureImageError } from './errors';
import { pngSize } from './png-size';

/** 姓名 | 职责 | 签名 | 日期 */
export const OBSERVER_COLUMNS = [0.2, 0.14, 0.4, 0.26];

export const OBSERVER_HEADER: TableRow = headerRow(['姓名', '职责', '签名', '日期'], HEADER_FILL);

interface Signature {
  dataUrl: string;
  width: number;
  height: number;
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Read a signature's size up front (from the PNG header), so a broken image stops the render with a clear message. */
function readSignature(o: Observer): Signature | null {
  const png = o.signature?.png;
  if (!png) return null;
  try {
    return { dataUrl: png, ...pngSize(png) };
  } catch (e) {
    throw new SignatureImageError(o.name, why(e));
  }
}

function paintSignature(doc: jsPDF, sig: Signature | null, alias: string, observerName: string) {
  return (box: CellBox) => {
    const pad = 4;
    if (!sig) {
      // A line to sign on by hand.
      doc.setLineWidth(RULE);
      doc.setDrawColor(0, 0, 0);
      const y = box.y + box.h - 12;
      doc.line(box.x + 14, y, box.x + box.w - 14, y);
      return;
    }
    const scale = Math.min((box.w - 2 * pad) / sig.width, (box.h - 2 * pad) / sig.height);
    const w = sig.width * scale;
    const h = sig.height * scale;
    // FAST (deflate level 1): the images are small line drawings, and level 9 cost ~15% of a render.
    try {
      doc.addImage(sig.dataUrl, 'PNG', box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h, alias, 'FAST');
    } catch (e) {
      // A header that reads well over a body that does not decode.
      throw new SignatureImageError(observerName, why(e));
    }
  };
}

export function observerRows(doc: jsPDF, observers: readonly Observer[], utcOffsetMinutes: number): TableRow[] {
  const named = observers.filter((o) => o.name.trim());
  return named.map((o, i) => {
    const sig = readSignature(o);
    const signedOn = o.signature?.signedAt ? isoDateAt(o.signature.signedAt, utcOffsetMinutes) : '';
    return {
      minHeight: SIGNATURE_ROW_HEIGHT,
      cells: [
        { text: o.name, align: 'center' },
        { text: o.lead ? '组长' : '组员', align: 'center' },
        { text: '', paint: paintSignature(doc, sig, `signature-${i}`, o.name) },
        { text: chineseDate(signedOn), align: 'center' },
      ],
    };
  });
}
