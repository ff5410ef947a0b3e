/** The small PDF reader/writer behind signing and verification. */
import { describe, expect, it } from 'vitest';
import { parsePdfDate, pdfDate } from '../../../utils/sign/pdf-incremental';
import { PdfDict, PdfLexer, PdfName, PdfRef, PdfString, writeTextString, writeValue } from '../../../utils/sign/pdf-syntax';

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const parse = (s: string) => new PdfLexer(enc(s)).value();

describe('PdfLexer', () => {
  it('reads numbers, names (#xx), references, arrays and nested dictionaries', () => {
    const d = parse('<< /Type /Catalog /Pages 1 0 R /Kids [3 0 R 5 0 R] /N -.5 /M 12 /A#2Fb true /Z null /D << /X [1 2 [3]] >> >>') as PdfDict;
    expect(d.name('Type')).toBe('Catalog');
    expect(d.get('Pages')).toEqual(new PdfRef(1, 0));
    expect(d.get('Kids')).toEqual([new PdfRef(3, 0), new PdfRef(5, 0)]);
    expect(d.get('N')).toBe(-0.5);
    expect(d.get('M')).toBe(12);
    expect(d.get('A/b')).toBe(true);
    expect(d.get('Z')).toBeNull();
    expect((d.get('D') as PdfDict).get('X')).toEqual([1, 2, [3]]);
  });

  it('reads literal strings with escapes, nesting and octal codes; hex strings with odd length', () => {
    expect((parse('(a\\(b\\)c (nested) \\101\\n)') as PdfString).text()).toBe('a(b)c (nested) A\n');
    expect((parse('(line\\\ncontinued)') as PdfString).text()).toBe('linecontinued');
    expect(Array.from((parse('<4 1 4>') as PdfString).bytes)).toEqual([0x41, 0x40]);
    expect((parse('<FEFF5DE1542C>') as PdfString).text()).toBe('巡听');
  });

  it('remembers where each value was, so untouched entries are copied byte for byte', () => {
    const src = '<< /Names << /EmbeddedFiles << /Names [(observation.json) 28 0 R] >> >> /MediaBox [0 0 595.2799999999999727 841.89] >>';
    const d = parse(src) as PdfDict;
    const copy = d.clone().set('AcroForm', new PdfRef(33, 0));
    expect(writeValue(copy)).toBe(
      '<< /Names << /EmbeddedFiles << /Names [(observation.json) 28 0 R] >> >> /MediaBox [0 0 595.2799999999999727 841.89] /AcroForm 33 0 R >>',
    );
  });

  it('refuses broken syntax instead of guessing', () => {
    expect(() => parse('<< /A (unterminated')).toThrow();
    expect(() => parse('<< 1 2 >>')).toThrow('dictionary key is not a name');
    expect(() => parse('['.repeat(100) + ']'.repeat(100))).toThrow('nested too deeply');
  });
});

describe('writing', () => {
  it('text strings: ASCII literal, otherwise UTF-16BE with a byte-order mark', () => {
    expect(writeTextString('Signature1')).toBe('(Signature1)');
    expect(writeTextString('a(b)')).toBe('(a\\(b\\))');
    expect(writeTextString('巡听')).toBe('<FEFF5DE1542C>');
    expect(writeValue(new PdfName('application/json'))).toBe('/application#2Fjson');
  });

  it('PDF dates both ways', () => {
    const d = new Date(Date.UTC(2026, 4, 12, 1, 30, 5));
    expect(pdfDate(d)).toBe('D:20260512013005Z');
    expect(parsePdfDate('D:20260512013005Z')).toEqual(d);
    expect(parsePdfDate("D:20260512093005+08'00'")).toEqual(d);
    expect(parsePdfDate("D:20260512093005+08'00")).toEqual(d);
    expect(parsePdfDate('D:2026')).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(parsePdfDate('yesterday')).toBeNull();
  });
});
