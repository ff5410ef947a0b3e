/**
 * File attachments in a jsPDF document (jsPDF has no API for them).
 *
 * Each file becomes an /EmbeddedFile stream and a /Filespec (/F, /UF, /EF, /AFRelationship,
 * /Desc), written after the resources; the Catalog gets /Names << /EmbeddedFiles … >> and /AF.
 * `pdfdetach -list` / `-saveall` and PDF readers' attachment panes show them.
 */
import type { jsPDF } from 'jspdf';
import { latin1 } from '../sign/bytes';
import { pdfDate } from '../sign/pdf-incremental';

export interface Attachment {
  /** File name shown by readers, e.g. `observation.json`. */
  name: string;
  /** MIME type, e.g. `application/json`. */
  mimeType: string;
  bytes: Uint8Array;
  /** What the file is (shown by readers). */
  description: string;
  /** How it relates to the document: Data (the document's source data), Source, Alternative, … */
  relationship?: 'Data' | 'Source' | 'Alternative' | 'Supplement' | 'Unspecified';
  modified?: Date;
}

/** The part of jsPDF's `doc.internal` this module uses (not in jsPDF's typings). */
interface JsPdfInternals {
  events: { subscribe(topic: string, callback: () => void): unknown };
  newObject(): number;
  putStream(options: { data: string; filters?: string[]; additionalKeyValues?: { key: string; value: string | number }[]; objectId?: number }): void;
  write(...text: string[]): void;
}

/** A PDF name with every character outside the regular set written as #xx (`application/json` → `application#2Fjson`). */
export function pdfName(s: string): string {
  let out = '/';
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    out += byte > 0x20 && byte < 0x7f && !'#/()<>[]{}%'.includes(ch) ? ch : `#${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A PDF text string: a literal for plain ASCII, else UTF-16BE hex with a byte-order mark. */
export function pdfTextString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Attach files to `doc`; call once, before output. */
export function attachFiles(doc: jsPDF, files: readonly Attachment[]): void {
  if (!files.length) return;
  const internal = doc.internal as unknown as JsPdfInternals;
  const specs: { name: string; id: number }[] = [];
  internal.events.subscribe('postPutResources', () => {
    for (const file of files) {
      const streamId = internal.newObject();
      const params = [`/Size ${file.bytes.length}`];
      if (file.modified) params.push(`/ModDate (${pdfDate(file.modified)})`);
      internal.putStream({
        data: latin1(file.bytes),
        // Always compressed: jsPDF's image writer empties the document's filter list in place,
        // so after a signature image the default would be an uncompressed stream.
        filters: ['FlateEncode'],
        additionalKeyValues: [
          { key: 'Type', value: '/EmbeddedFile' },
          { key: 'Subtype', value: pdfName(file.mimeType) },
          { key: 'Params', value: `<< ${params.join(' ')} >>` },
        ],
        objectId: streamId,
      });
      internal.write('endobj');
      const specId = internal.newObject();
      const fname = pdfTextString(file.name);
      internal.write(
        `<< /Type /Filespec /F ${fname} /UF ${fname} /EF << /F ${streamId} 0 R /UF ${streamId} 0 R >>` +
          ` /AFRelationship /${file.relationship ?? 'Data'} /Desc ${pdfTextString(file.description)} >>`,
      );
      internal.write('endobj');
      specs.push({ name: file.name, id: specId });
    }
  });
  internal.events.subscribe('putCatalog', () => {
    // The name tree's keys must be sorted.
    const sorted = [...specs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    internal.write(`/Names << /EmbeddedFiles << /Names [${sorted.map((s) => `${pdfTextString(s.name)} ${s.id} 0 R`).join(' ')}] >> >>`);
    internal.write(`/AF [${specs.map((s) => `${s.id} 0 R`).join(' ')}]`);
    specs.length = 0;
  });
}
