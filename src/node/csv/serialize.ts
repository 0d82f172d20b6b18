import type { Cell } from '../../core/table.js';
import { encodeCsvText } from './encoding.js';
import type { CsvFormat } from './format.js';
import { writeGuarded } from './formula-guard.js';

/**
 * The text of a cell in a CSV file. Dates are calendar dates at UTC midnight (the Table
 * contract) and are written as ISO `YYYY-MM-DD`; numbers as JavaScript's shortest text
 * that reads back as the same number; booleans as spreadsheets show them. Text that a
 * spreadsheet opening the file would take for a formula gets this medium's guard
 * (formula-guard.ts), which Tierwise takes off when it reads its own columns back.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return writeGuarded(cell);
  if (typeof cell === 'number') {
    // Every number is checked finite where it is read or computed; one that is not here is a bug.
    if (!Number.isFinite(cell)) throw new RangeError(`${cell} cannot be written to a CSV file`);
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (Number.isNaN(cell.getTime())) throw new RangeError('An invalid Date cannot be written to a CSV file');
  return isoDay(cell);
}

/** `YYYY-MM-DD` from the UTC fields: toISOString would cost six times as much per cell. */
function isoDay(date: Date): string {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** RFC 4180 §2.6–2.7: quote a field only when it holds the delimiter, a quote or a line break. */
export function quoteField(text: string, delimiter: string): string {
  if (!text.includes(delimiter) && !text.includes('"') && !text.includes('\n') && !text.includes('\r')) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Whole rows as a CSV file in the given format, every record ending with a line break.
 * A row with no cells is written as a blank line and reads back as one empty field.
 */
export function serializeCsv(rows: readonly (readonly Cell[])[], format: CsvFormat): Uint8Array {
  let text = '';
  for (const row of rows) {
    text += row.map((cell) => quoteField(cellText(cell), format.delimiter)).join(format.delimiter) + format.newline;
  }
  return encodeCsvText(text, format.encoding);
}
