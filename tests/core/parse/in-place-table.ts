import { ColumnCells, columnTable } from '../../../src/core/column-cells.js';
import type { Cell, Table, TableCells } from '../../../src/core/table.js';
import { type PlacedCell, placeCell } from './in-place-cells.js';

/**
 * A Deals tab as the CSV reader hands it over (CsvCells): every data cell cut from one
 * `source` text, a text cell written as it is there with its span, a quoted or empty text
 * and any other cell without one (a quoted cell's `spanEnd` is where its field ends).
 */
export function inPlaceTable(tab: string, header: Cell[], rows: readonly (readonly PlacedCell[])[]): Table {
  let source = header.map(String).join(',');
  const placed = rows.map((row) =>
    row.map((cell, column) => {
      const at = placeCell(source + (column === 0 ? '\n' : ','), cell);
      source = at.source;
      return at;
    }),
  );
  const at = (row: number, column: number) => placed[row][column];
  const cells: TableCells = {
    rowCount: rows.length,
    cell: (row, column) => at(row, column)?.value ?? null,
    width: (row) => placed[row].length,
    source,
    spanStart: (row, column) => at(row, column)?.start ?? -1,
    spanEnd: (row, column) => at(row, column)?.end ?? -1,
  };
  return { tab, header, headerRow: 1, rows: plainRows(rows), cells };
}

/** The same rows with plain cells: a quoted text is the text. */
export function plainRows(rows: readonly (readonly PlacedCell[])[]): Cell[][] {
  return rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' && 'quoted' in cell ? cell.quoted : cell)));
}

/** A tab held by column, as the .xlsx and CSV readers build it (ColumnCells). */
export function byColumnTable(tab: string, header: Cell[], rows: readonly (readonly Cell[])[]): Table {
  const cells = new ColumnCells(header.length, [], 2);
  rows.forEach((row, r) => row.forEach((cell, c) => cells.put(r, c, cell)));
  cells.end(rows.length);
  return columnTable(tab, header, 1, cells);
}
