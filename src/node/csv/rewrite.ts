import type { Cell } from '../../core/table.js';
import type { TabEdits } from '../book/edits.js';
import type { CsvFormat } from './format.js';
import { cellText, quoteField } from './serialize.js';
import { fieldBounds, recordSpans } from './tokenize.js';

/**
 * CSV text with some cells replaced and every other character kept: records without an
 * edit are copied with their own line breaks, and in an edited record the other fields keep
 * the exact text they had, quotes included (a `"007"` stays `"007"`, `1.50` stays `1.50`).
 * A column past the header's end extends every non-blank record with empty fields, so the
 * file stays rectangular; blank lines stay blank. Rows past the end are appended.
 */
export function rewriteCsvText(text: string, format: CsvFormat, edits: TabEdits): string {
  const chunks: string[] = [];
  rewriteCsvChunks(text, format, edits, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * Enough text to make encoding it once worth the call, little enough that the pieces it is
 * made of die young: a 25 MB file held as one string of two million pieces until the end
 * survived two young collections and then made the old generation collect the whole book.
 */
const CHUNK_CHARS = 1 << 16;

/**
 * rewriteCsvText's text, handed to `emit` in pieces that end between records (at least one,
 * maybe empty), each with the share of the records written once it is (1 with the last);
 * returns the number of records written, for the writer's check. `field` is how an edited
 * cell is written, in the same characters as `text`: by default its quoted text; the
 * byte-copying writer (write.ts) passes text whose characters are the cell's bytes.
 */
export function rewriteCsvChunks(
  text: string,
  format: CsvFormat,
  edits: TabEdits,
  emit: (chunk: string, done: number) => void,
  field: (cell: Cell) => string = (cell) => quoteField(cellText(cell), format.delimiter),
): number {
  const { delimiter, newline } = format;
  const spans = recordSpans(text, delimiter);
  const recordCount = spans.length / 2;
  const runs = edits.columnRuns();
  const single = edits.singleCells();
  let rowCount = recordCount;
  let editedWidth = 0;
  const checkRow = (row: number) => {
    if (!Number.isInteger(row) || row < 1) throw new RangeError(`CSV edits use 1-based sheet rows, not ${row}`);
    rowCount = Math.max(rowCount, row);
  };
  const checkColumn = (column: number) => {
    if (!Number.isInteger(column) || column < 0) throw new RangeError(`CSV edits use 0-based columns, not ${column}`);
    editedWidth = Math.max(editedWidth, column + 1);
  };
  for (const [row, cells] of single) {
    checkRow(row);
    for (const column of cells.keys()) checkColumn(column);
  }
  for (const run of runs) {
    if (run.values.length === 0) continue;
    checkRow(run.firstRow);
    checkRow(run.firstRow + run.values.length - 1);
    checkColumn(run.column);
  }
  // The edits of the row being written, in column order, reused from row to row.
  const columns: number[] = [];
  const values: Cell[] = [];
  const { cellsOf } = edits.rowWise();
  const collect = (row: number) => {
    cellsOf(row, columns, values);
    return columns.length > 0;
  };
  const recordText = (index: number) => (index < recordCount ? text.slice(spans[2 * index], spans[2 * index + 1]) : '');
  const headerWidth = recordCount > 0 ? fieldBounds(recordText(0), delimiter).ends.length : 0;
  const newWidth = editedWidth > headerWidth ? editedWidth : 0;
  const endsWithLineBreak = recordCount === 0 || spans[2 * recordCount - 1] < text.length;

  let output = '';
  let endsWithCr = false;
  for (let index = 0; index < rowCount; index += 1) {
    const raw = recordText(index);
    const edited = collect(index + 1);
    const lastOriginal = index === recordCount - 1;
    const followed = index < rowCount - 1;
    let rendered: string;
    if (raw === '') {
      rendered = edited ? editedRecord('', [], 0, columns, values, delimiter, field) : '';
    } else if (!edited && newWidth === 0 && !(lastOriginal && followed)) {
      rendered = raw;
    } else {
      // Only the last record can end inside an open quote; fieldBounds closes it.
      const { record, ends } = fieldBounds(raw, delimiter);
      rendered = !edited && ends.length >= newWidth ? record : editedRecord(record, ends, newWidth, columns, values, delimiter, field);
    }
    let lineBreak: string;
    if (index < recordCount - 1) lineBreak = text.slice(spans[2 * index + 1], spans[2 * index + 2]);
    else if (lastOriginal) lineBreak = text.slice(spans[2 * index + 1]) || (followed ? newline : '');
    else lineBreak = followed || endsWithLineBreak ? newline : '';
    // A final CR before an added LF would read as CRLF; CR CR LF keeps it text.
    if (lineBreak === '\n' && rendered.endsWith('\r')) lineBreak = '\r\n';
    // An empty record would vanish with no line break after it, or merge into CRLF between a
    // bare CR and an LF; `""` is the same empty field.
    const vanishes: boolean = lineBreak === '' || (endsWithCr && lineBreak.startsWith('\n'));
    const written: string = (rendered === '' && vanishes ? '""' : rendered) + lineBreak;
    output += written;
    if (written !== '') endsWithCr = written.endsWith('\r');
    if (output.length >= CHUNK_CHARS) {
      emit(output, (index + 1) / rowCount);
      output = '';
    }
  }
  emit(output, 1);
  return rowCount;
}

/**
 * A record with the edited fields (`columns`, ascending, and their `values`) replaced and
 * at least `width` fields. Runs of untouched fields are copied as one slice of the
 * record, so their text, quotes and delimiters stay as they were, and no string is made
 * per untouched field.
 */
function editedRecord(
  record: string,
  ends: readonly number[],
  width: number,
  columns: readonly number[],
  values: readonly Cell[],
  delimiter: string,
  field: (cell: Cell) => string,
): string {
  const fieldCount = Math.max(ends.length, width, columns.length > 0 ? columns[columns.length - 1] + 1 : 0);
  const pieces: string[] = [];
  let next = 0;
  for (let k = 0; k < columns.length; k += 1) {
    copyFields(pieces, record, ends, next, columns[k]);
    pieces.push(field(values[k]));
    next = columns[k] + 1;
  }
  copyFields(pieces, record, ends, next, fieldCount);
  return pieces.join(delimiter);
}

/** Fields [from, to) of the record as one piece, then empty fields where the record ran out. */
function copyFields(pieces: string[], record: string, ends: readonly number[], from: number, to: number): void {
  const lastCopied = Math.min(to, ends.length);
  if (from < lastCopied) pieces.push(record.slice(from === 0 ? 0 : ends[from - 1] + 1, ends[lastCopied - 1]));
  for (let column = Math.max(from, ends.length); column < to; column += 1) pieces.push('');
}
