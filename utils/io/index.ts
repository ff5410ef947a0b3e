/**
 * utils/io: files in and out — text decoding (UTF-8, UTF-16, GBK/GB18030), CSV, XLSX, and
 * reading an imported file as a table. Pure and isomorphic: no `node:` modules and no Buffer,
 * so the extension, the micro-frontend and the CLI share it.
 */
export { MAX_FILE_BYTES, MAX_TABLE_ROWS } from './limits';
export { sniffBytes, zipDirectory } from './sniff-bytes';
export { inflateZipEntry } from './zip-inflate';
export { decodeText } from './decode-text';
export { parseCsv, parseCsvChecked, detectDelimiter } from './parse-csv';
export { writeCsv, formatCsv } from './write-csv';
export { readXlsx } from './read-xlsx';
export { writeXlsx, displayWidth, sheetNames } from './write-xlsx';
export { readTable, readJsonOrTable, tableFromText } from './read-table';
export type { Table } from './read-table';
export { findHeader, describeHeaderRow } from './table-header';
