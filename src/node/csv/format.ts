import type { Table } from '../../core/table.js';
import { parseCsv, recordSpans } from './tokenize.js';

/** How a CSV file was written, so that writing it back changes nothing else. */
export interface CsvFormat {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n' | '\r';
}

export interface CsvTable {
  table: Table;
  format: CsvFormat;
}

/**
 * The format of files we create from nothing: what Excel itself writes as "CSV UTF-8",
 * which Excel also opens with Chinese text intact (without the BOM it guesses the ANSI
 * code page).
 */
export const newFileFormat: CsvFormat = { encoding: 'utf-8-bom', delimiter: ',', newline: '\r\n' };

const DELIMITERS: readonly CsvFormat['delimiter'][] = [',', ';', '\t'];
/** Enough lines to see a pattern, few enough to cost nothing on a million-row file. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;
/**
 * How much of a text detectDelimiter and detectNewline read: the sample, and past it one
 * character to tell it was cut and one more for a CRLF; so a start this long judges as the
 * whole text would, and a writer need not decode a million rows to learn their format.
 */
export const FORMAT_CHARS = SAMPLE_CHARS + 2;

/**
 * The delimiter that splits the first records, read with quotes understood, most
 * consistently: the header must split into at least two fields, and the candidate under
 * which the most sampled records have the header's field count wins (then the one giving
 * more fields, then `,` before `;` before tab). So `Name;Amount` over `A;1,5` is `;`,
 * though the amounts hold commas. A file with one column reads as `,`.
 */
export function detectDelimiter(text: string): CsvFormat['delimiter'] {
  let best: CsvFormat['delimiter'] = ',';
  let bestAgreeing = 0;
  let bestWidth = 0;
  for (const delimiter of DELIMITERS) {
    const records = sampleRecords(text, delimiter).filter((record) => record.length > 1 || record[0] !== '');
    const width = records.length > 0 ? records[0].length : 0;
    if (width < 2) continue;
    const agreeing = records.filter((record) => record.length === width).length;
    if (agreeing > bestAgreeing || (agreeing === bestAgreeing && width > bestWidth)) {
      best = delimiter;
      bestAgreeing = agreeing;
      bestWidth = width;
    }
  }
  return best;
}

/** The line break after the first record; CRLF (RFC 4180's own) when the text has none. */
export function detectNewline(text: string, delimiter: string): CsvFormat['newline'] {
  const spans = recordSpans(sample(text), delimiter);
  const lineBreak = spans.length > 0 ? text.charCodeAt(spans[1]) : Number.NaN;
  if (lineBreak === 0x0a) return '\n';
  if (lineBreak === 0x0d) return text.charCodeAt(spans[1] + 1) === 0x0a ? '\r\n' : '\r';
  return newFileFormat.newline;
}

/** The first records of the text, the last one dropped when the sample may have cut it. */
function sampleRecords(text: string, delimiter: string): string[][] {
  const records = parseCsv(sample(text), delimiter);
  if (text.length > SAMPLE_CHARS && records.length > 1) records.pop();
  return records.slice(0, SAMPLE_RECORDS);
}

function sample(text: string): string {
  return text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
}
