// The CSV side of local books (DESIGN §3 "Local books"): one file per tab.
export { decodeCsvBytes } from './encoding.js';
export { detectDelimiter, detectNewline, type CsvFormat, type CsvTable } from './format.js';
export { parseCsv } from './tokenize.js';
export { csvTableOf, readCsvTable } from './read.js';
export { serializeCsv } from './serialize.js';
export { csvBookFiles, writeCsvBook } from './write.js';
