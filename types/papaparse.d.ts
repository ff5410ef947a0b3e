/**
 * The part of papaparse that utils/io uses (parsing a string), for tsconfig.browser.json only.
 * @types/papaparse starts with `/// <reference types="node" />` (for its stream API), which would
 * bring Node's globals (`Buffer`, `process`) back into the browser check. tsconfig.json (Node)
 * keeps the full @types/papaparse.
 */
declare module 'papaparse' {
  interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: string;
    message: string;
    row?: number;
  }
  interface ParseConfig {
    delimiter?: string;
    newline?: '\r' | '\n' | '\r\n';
    quoteChar?: string;
    escapeChar?: string;
    skipEmptyLines?: boolean | 'greedy';
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }
  const Papa: { parse<T>(input: string, config?: ParseConfig): ParseResult<T> };
  export default Papa;
}
