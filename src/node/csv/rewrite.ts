import type { Cell } from '../../core/table.js';
import type { CsvFormat } from './format.js';
import { cellText, quoteField } from './serialize.js';
import { splitRawFields, tokenizeCsv } from './tokenize.js';

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
  const spans: number[] = [];
  const records = tokenizeCsv(text, delimiter, spans);
  const recordCount = records.length;
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
  const headerWidth = recordCount > 0 ? records[0].length : 0;
  const newWidth = editedWidth > headerWidth ? editedWidth : 0;
  const endsWithLineBreak = recordCount === 0 || spans[2 * recordCount - 1] < text.length;

  let output = '';
  for (let index = 0; index < rowCount; index += 1) {
    const existing = index < recordCount;
    const raw = existing ? text.slice(spans[2 * index], spans[2 * index + 1]) : '';
    const cells = edits.get(index + 1);
    const blank = raw === '';
    const widen = !blank && records[index].length < newWidth;
    output += cells === undefined && !widen ? raw : editedRecord(blank ? [] : splitRawFields(raw, delimiter), blank ? 0 : newWidth, cells, delimiter);
    output += lineBreakAfter(index);
  }
  return output;

  function lineBreakAfter(index: number): string {
    if (index < recordCount - 1) return text.slice(spans[2 * index + 1], spans[2 * index + 2]);
    if (index === recordCount - 1 && index < rowCount - 1) return text.slice(spans[2 * index + 1]) || newline;
    if (index === recordCount - 1) return text.slice(spans[2 * index + 1]);
    return index < rowCount - 1 || endsWithLineBreak ? newline : '';
  }
}

function editedRecord(fields: string[], width: number, cells: ReadonlyMap<number, Cell> | undefined, delimiter: string): string {
  while (fields.length < width) fields.push('');
  if (cells !== undefined) {
    for (const [column, cell] of cells) {
      while (fields.length <= column) fields.push('');
      fields[column] = quoteField(cellText(cell), delimiter);
    }
  }
  return fields.join(delimiter);
}
