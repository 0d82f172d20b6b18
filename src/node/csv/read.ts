import { type Cell, type Table, tableCells } from '../../core/table.js';
import { InputError } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { CSV_FILE_LIMIT } from '../limits.js';
import { decodeCsvBytes } from './encoding.js';
import { detectDelimiter, detectNewline, type CsvTable } from './format.js';
import { CsvCells } from './cells.js';
import { columnTable } from '../../core/column-cells.js';
import { csvLayout, parseCsvCells, UnclosedQuote } from './tokenize.js';

/**
 * One tab of a CSV book, or null when its file does not exist.
 *
 * Spreadsheet semantics, so that issues name the row a user sees when opening the file:
 * the first record is the header (sheet row 1) and record i is sheet row i + 1, counting
 * records, not physical lines (a quoted field holding line breaks is one row, as in Excel
 * and Sheets). Blank lines stay as rows of empty cells. Every field is text; an empty
 * field, quoted or not, is an empty cell (null), as a spreadsheet shows it. Rows shorter
 * than the header are padded with empty cells.
 *
 * A file that would be misread is refused with its line or row, nothing read (README
 * "Limits"): a quote that never closes (every row after it would vanish into one cell), a
 * NUL byte (binary data, or UTF-16 without its byte order mark), a row with values past
 * the header, even empty ones (its values are likely shifted by a delimiter that is not in
 * quotes; an export that ends every line with a delimiter ends the header with one too).
 */
export async function readCsvTable(path: string, tab: string, { byColumn = false } = {}): Promise<CsvTable | null> {
  const bytes = readInputFile(path, CSV_FILE_LIMIT);
  if (bytes === null) return null;
  return csvTableOf(bytes, tab, path, { byColumn });
}

/**
 * One tab from a file's bytes, read and checked as readCsvTable reads it; `path` names the
 * file in refusals. Rows wider than the header are refused only in the user's files:
 * Tierwise's own dashboard is a page of tables of different widths under one title row.
 * `byColumn` holds the cells as the file's text and offsets (CsvCells, for the deals:
 * read once, cell by cell) rather than as rows of strings (for tabs that are written to).
 */
export function csvTableOf(bytes: Uint8Array, tab: string, path: string, { ownTab = false, byColumn = false } = {}): CsvTable {
  let decoded;
  try {
    decoded = decodeCsvBytes(bytes);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
  const { text, encoding } = decoded;
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    throw new InputError(`${path}, line ${lineOf(text, nul)}: a NUL byte, which text never holds (is it a binary file, or UTF-16 saved without its byte order mark?); nothing was read.`);
  }
  const delimiter = detectDelimiter(text);
  const newline = detectNewline(text, delimiter);
  let table: Table;
  try {
    table = byColumn ? csvColumnTable(tab, new CsvCells(text, csvLayout(text, delimiter))) : csvRecordsTable(tab, parseCsvCells(text, delimiter));
  } catch (error) {
    if (!(error instanceof UnclosedQuote)) throw error;
    const line = lineOf(text, error.offset);
    const lost = lineOf(text, text.length) - (/[\r\n]$/.test(text) ? 1 : 0) - line;
    throw new InputError(
      `${path}, line ${line}: a quote opens a field that never closes, so ${lost === 0 ? 'the rest of that line' : `the ${lost.toLocaleString('en-US')} line${lost === 1 ? '' : 's'} after it`} would be read as one cell; ` +
        'nothing was read. Close the quote (a quote inside a quoted field is written twice: "").',
    );
  }
  const ragged = ownTab ? -1 : widerThanHeader(table);
  if (ragged >= 0) {
    const width = tableCells(table).width(ragged);
    throw new InputError(
      `${path}, row ${(ragged + table.headerRow + 1).toLocaleString('en-US')}: ${width} fields where the header has ${table.header.length}, so its values may be in the wrong columns ` +
        `(a "${delimiter === '\t' ? '\\t' : delimiter}" inside a value that is not in quotes?); nothing was read. Quote that value, or give the extra column a header.`,
    );
  }
  return { table, format: { encoding, delimiter, newline } };
}

/** The records of a file held by column (CsvCells): record 0 is the header, sheet row 1. */
function csvColumnTable(tab: string, cells: CsvCells): Table {
  return columnTable(tab, cells.header, 1, cells);
}

/**
 * The records of a file as a Table, reusing the record arrays: the header is shifted off
 * rather than the rows sliced, since copying a million-entry array costs a full collection
 * of everything just parsed. Rows wider than the header are kept as they are.
 */
export function csvRecordsTable(tab: string, records: Cell[][]): Table {
  const header = records.shift() ?? [];
  const width = header.length;
  for (const row of records) while (row.length < width) row.push(null);
  return { tab, header, rows: records, headerRow: 1 };
}

/** The first data row with more cells than the header, or -1. */
function widerThanHeader(table: Table): number {
  const cells = tableCells(table);
  for (let row = 0; row < cells.rowCount; row++) if (cells.width(row) > table.header.length) return row;
  return -1;
}

/** The physical line (1-based) holding `offset`: LF, CRLF and a lone CR each end one. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line += 1;
  }
  return line;
}
