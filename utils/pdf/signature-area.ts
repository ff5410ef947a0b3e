/**
 * The blank band the report keeps directly under the 巡听人员 table for the visible boxes of its
 * PAdES signatures. The renderer cannot draw them (the signatures come later, one incremental
 * update each); it only keeps the room free and records where it is, in a private Catalog entry
 *
 *   /XuntingSignatureArea << /P 12 0 R /Rect [x1 y1 x2 y2] /Slots 3 >>
 *
 * (PDF user space, points, y up). The signer (utils/sign/pdf-incremental.ts) reads it from the
 * revision it signs, splits /Rect into /Slots boxes side by side and puts each new signature's
 * widget in the first box no earlier annotation covers. Viewers ignore the entry.
 */
import type { jsPDF } from 'jspdf';

/** The Catalog key (without the slash). */
export const SIGNATURE_AREA_KEY = 'XuntingSignatureArea';
/** Height of the band, points: four lines of 7–8 pt text in a ruled box. */
export const SIGNATURE_AREA_HEIGHT = 50;
/** Space between the table and the band. */
export const SIGNATURE_AREA_GAP = 6;
/** Boxes side by side: the observer and up to two countersigners. */
const SIGNATURE_SLOTS = 3;

interface JsPdfInternals {
  events: { subscribe(topic: string, callback: () => void): unknown };
  write(...text: string[]): void;
  getPageInfo(page: number): { objId: number };
  pageSize: { getHeight(): number };
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/** Record the band on `page` (1-based) from `left` to `right`, `top` down (jsPDF's y, from the top). */
export function markSignatureArea(doc: jsPDF, area: { page: number; left: number; right: number; top: number }): void {
  const internal = doc.internal as unknown as JsPdfInternals;
  const h = internal.pageSize.getHeight();
  const rect = [area.left, h - area.top - SIGNATURE_AREA_HEIGHT, area.right, h - area.top].map(num).join(' ');
  internal.events.subscribe('putCatalog', () => {
    internal.write(`/${SIGNATURE_AREA_KEY} << /P ${internal.getPageInfo(area.page).objId} 0 R /Rect [${rect}] /Slots ${SIGNATURE_SLOTS} >>`);
  });
}
