import type { Cell, TableCells } from '../../../src/core/table.js';

/** A cell of a column kept in place: text as it is written, a quoted text (no span) or any other cell. */
export type PlacedCell = Cell | { readonly quoted: string };

/**
 * One column as a shell that keeps the text it read hands it over (as the CSV reader's
 * CsvCells does): each text cell lies in `source` as it is written, after `between[row]`
 * (what the shell has between cells: a delimiter, or nothing for cells written back to back,
 * or a digit); a quoted text, an empty text and every other cell have no span. A quoted
 * cell's `spanEnd` is where its field ends, as CsvCells gives it.
 */
export function inPlaceColumn(cells: readonly PlacedCell[], between: readonly string[] = []): TableCells {
  let source = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const values: Cell[] = [];
  cells.forEach((cell, row) => {
    source += between[row] ?? ',';
    const start = source.length;
    if (cell !== null && typeof cell === 'object' && 'quoted' in cell) {
      source += `"${cell.quoted}"`;
      starts.push(-1);
      ends.push(source.length);
      values.push(cell.quoted);
      return;
    }
    if (typeof cell === 'string') source += cell;
    starts.push(typeof cell === 'string' && cell !== '' ? start : -1);
    ends.push(typeof cell === 'string' ? source.length : -1);
    values.push(cell);
  });
  return {
    rowCount: cells.length,
    cell: (row, column) => (column === 0 ? (values[row] ?? null) : null),
    width: () => 1,
    source,
    spanStart: (row, column) => (column === 0 ? starts[row] : -1),
    spanEnd: (row, column) => (column === 0 ? ends[row] : -1),
  };
}
