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
  const placed = cells.map((cell, row) => {
    const at = placeCell(source + (between[row] ?? ','), cell);
    source = at.source;
    return at;
  });
  return {
    rowCount: cells.length,
    cell: (row, column) => (column === 0 ? (placed[row]?.value ?? null) : null),
    width: () => 1,
    source,
    spanStart: (row, column) => (column === 0 ? placed[row].start : -1),
    spanEnd: (row, column) => (column === 0 ? placed[row].end : -1),
  };
}

/**
 * `cell` written after `before` as the CSV reader keeps it: the text grown by the cell, the
 * cell's value, and its span (start -1 for a quoted, empty or non-text cell; a quoted cell's
 * end is where its field ends).
 */
export function placeCell(before: string, cell: PlacedCell): { source: string; value: Cell; start: number; end: number } {
  const start = before.length;
  if (cell !== null && typeof cell === 'object' && 'quoted' in cell) {
    const source = `${before}"${cell.quoted}"`;
    return { source, value: cell.quoted, start: -1, end: source.length };
  }
  const source = typeof cell === 'string' ? before + cell : before;
  return { source, value: cell, start: typeof cell === 'string' && cell !== '' ? start : -1, end: typeof cell === 'string' ? source.length : -1 };
}
