import { readFile } from 'node:fs/promises';
import type { Cell, Table } from '../../core/table.js';
import { decodeCsvBytes } from './encoding.js';
import { detectDelimiter, detectNewline, type CsvTable } from './format.js';
import { parseCsvCells } from './tokenize.js';

/**
 * One tab of a CSV book, or null when its file does not exist.
 *
 * Spreadsheet semantics, so that issues name the row a user sees when opening the file:
 * the first record is the header (sheet row 1) and record i is sheet row i + 1, counting
 * records, not physical lines (a quoted field holding line breaks is one row, as in Excel
 * and Sheets). Blank lines stay as rows of empty cells. Every field is text; an empty
 * field, quoted or not, is an empty cell (null), as a spreadsheet shows it. Rows shorter
 * than the header are padded with empty cells.
 */
export async function readCsvTable(path: string, tab: string): Promise<CsvTable | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return csvTableOf(bytes, tab);
}

/** One tab from a file's bytes, read as readCsvTable reads it. */
export function csvTableOf(bytes: Uint8Array, tab: string): CsvTable {
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  const newline = detectNewline(text, delimiter);
  return { table: csvRecordsTable(tab, parseCsvCells(text, delimiter)), format: { encoding, delimiter, newline } };
}

/**
 * The records of a file as a Table, reusing the record arrays: the header is shifted off
 * rather than the rows sliced, since copying a million-entry array costs a full collection
 * of everything just parsed.
 */
export function csvRecordsTable(tab: string, records: Cell[][]): Table {
  const header = records.shift() ?? [];
  for (const row of records) while (row.length < header.length) row.push(null);
  return { tab, header, rows: records, headerRow: 1 };
}
