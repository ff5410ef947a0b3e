import type { jsPDF } from 'jspdf';
import { UnprintableError } from './errors';
import { registerFonts, type ReportFonts } from './fonts';
import { fieldsNeedExtFont, fieldsNeedSipFont, findUnprintableFields } from './glyph-check';
import { createPdfDocument } from './jspdf-patches';
import type { PrintedField } from './printed-fields';
import { TextPainter } from './text-painter';

/**
 * An A4 document ready to print `fields` (everything the page will show): refused with
 * UnprintableError, naming each field, when a character has no face; the rare-character faces
 * (BMP Ext, Ext-B and later) registered only when the fields need them. Every renderer starts here.
 */
export function openDocument(fields: readonly PrintedField[], fonts: ReportFonts): { doc: jsPDF; painter: TextPainter } {
  const unprintable = findUnprintableFields(fields, fonts.coverage);
  if (unprintable.length) throw new UnprintableError(unprintable);
  const withExt = fieldsNeedExtFont(fields, fonts.coverage);
  const withSip = fieldsNeedSipFont(fields, fonts.coverage);
  const doc = createPdfDocument({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts, withExt, withSip);
  return { doc, painter: new TextPainter(doc, withExt, withSip ? fonts.sip : null) };
}
