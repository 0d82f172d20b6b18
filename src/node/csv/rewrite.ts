import type { Cell } from '../../core/table.js';
import type { CsvFormat } from './format.js';
import { cellText, quoteField } from './serialize.js';
import { fieldBounds, recordSpans } from './tokenize.js';

/** 1-based sheet row → 0-based column → new value, as in BookEdits. */
export type RowEdits = ReadonlyMap<number, ReadonlyMap<number, Cell>>;

/**
 * CSV text with some cells replaced and every other character kept: records without an
 * edit are copied with their own line breaks, and in an edited record the other fields keep
 * the exact text they had, quotes included (a `"007"` stays `"007"`, `1.50` stays `1.50`).
 * A column past the header's end extends every non-blank record with empty fields, so the
 * file stays rectangular; blank lines stay blank. Rows past the end are appended.
 */
export function rewriteCsvText(text: string, format: CsvFormat, edits: RowEdits): string {
  const { delimiter, newline } = format;
  const spans = recordSpans(text, delimiter);
  const recordCount = spans.length / 2;
  let rowCount = recordCount;
  let editedWidth = 0;
  for (const [row, cells] of edits) {
    if (!Number.isInteger(row) || row < 1) throw new RangeError(`CSV edits use 1-based sheet rows, not ${row}`);
    rowCount = Math.max(rowCount, row);
    for (const column of cells.keys()) {
      if (!Number.isInteger(column) || column < 0) throw new RangeError(`CSV edits use 0-based columns, not ${column}`);
      editedWidth = Math.max(editedWidth, column + 1);
    }
  }
  const recordText = (index: number) => (index < recordCount ? text.slice(spans[2 * index], spans[2 * index + 1]) : '');
  const headerWidth = recordCount > 0 ? fieldBounds(recordText(0), delimiter).ends.length : 0;
  const newWidth = editedWidth > headerWidth ? editedWidth : 0;
  const endsWithLineBreak = recordCount === 0 || spans[2 * recordCount - 1] < text.length;

  let output = '';
  for (let index = 0; index < rowCount; index += 1) {
    const raw = recordText(index);
    const cells = edits.get(index + 1);
    const lastOriginal = index === recordCount - 1;
    const followed = index < rowCount - 1;
    let rendered: string;
    if (raw === '') {
      rendered = cells === undefined ? '' : editedRecord('', [], 0, cells, delimiter);
    } else if (cells === undefined && newWidth === 0 && !(lastOriginal && followed)) {
      rendered = raw;
    } else {
      // Only the last record can end inside an open quote; fieldBounds closes it.
      const { record, ends } = fieldBounds(raw, delimiter);
      rendered = cells === undefined && ends.length >= newWidth ? record : editedRecord(record, ends, newWidth, cells, delimiter);
    }
    let lineBreak: string;
    if (index < recordCount - 1) lineBreak = text.slice(spans[2 * index + 1], spans[2 * index + 2]);
    else if (lastOriginal) lineBreak = text.slice(spans[2 * index + 1]) || (followed ? newline : '');
    else lineBreak = followed || endsWithLineBreak ? newline : '';
    // A final CR before an added LF would read as CRLF; CR CR LF keeps it text.
    if (lineBreak === '\n' && rendered.endsWith('\r')) lineBreak = '\r\n';
    // An empty last record with no line break after it would vanish; `""` is the same empty field.
    output += rendered === '' && lineBreak === '' ? '""' : rendered;
    output += lineBreak;
  }
  return output;
}

/**
 * A record with the edited fields replaced and at least `width` fields. Runs of untouched
 * fields are copied as one slice of the record, so their text, quotes and delimiters stay
 * as they were, and no string is made per untouched field.
 */
function editedRecord(
  record: string,
  ends: readonly number[],
  width: number,
  cells: ReadonlyMap<number, Cell> | undefined,
  delimiter: string,
): string {
  const columns = cells === undefined ? [] : [...cells.keys()].sort((a, b) => a - b);
  const fieldCount = Math.max(ends.length, width, columns.length > 0 ? columns[columns.length - 1] + 1 : 0);
  const pieces: string[] = [];
  let next = 0;
  for (const column of columns) {
    copyFields(pieces, record, ends, next, column);
    pieces.push(quoteField(cellText(cells!.get(column)!), delimiter));
    next = column + 1;
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
