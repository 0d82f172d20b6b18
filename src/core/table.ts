/**
 * A tab as the shells hand it to the core: the header row and the data rows below it,
 * blank rows included so that every row keeps its sheet row number.
 *
 * Cells are what a spreadsheet can hold. Date cells must represent the sheet's calendar
 * date at UTC midnight: each shell converts with its own time zone before the core sees
 * them (Apps Script returns dates in the script's zone, see DESIGN §6).
 */
export type Cell = string | number | boolean | Date | null;

export interface Table {
  /** The tab name as the user sees it, used in every issue. */
  readonly tab: string;
  readonly header: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
  /** 1-based sheet row of the header; data row i sits at headerRow + 1 + i. */
  readonly headerRow: number;
  /**
   * The same data cells held by column, when the shell read them so (the CSV reader's
   * deals tab, issue 13): the core reads through `tableCells`, and `rows` is then made
   * only for a caller that asks for it.
   */
  readonly cells?: TableCells;
}

/**
 * Read access to a tab's data cells by row and column, so that a million deals need not
 * be a million row arrays. A shell that keeps the text cells were cut from (`source`)
 * says where a cell's text lies in it, so a reader can parse numbers and dates there
 * without making a string per cell; it must give exactly what parsing `cell()` gives.
 */
export interface TableCells {
  readonly rowCount: number;
  /** The cell at a data row and column; null past the end of the row. */
  cell(row: number, column: number): Cell;
  /** How many cells the row holds (its cells past that are null). */
  width(row: number): number;
  /** The text the cells are cut from, or null when they are not. */
  readonly source: string | null;
  /**
   * Where the cell's text starts in `source` when it is written there as it is (a text
   * cell, neither empty nor quoted), else -1. `spanEnd` is where that text ends.
   */
  spanStart(row: number, column: number): number;
  spanEnd(row: number, column: number): number;
}

/** The cells of a table, by column when the shell read them so, else over its rows. */
export function tableCells(table: Table): TableCells {
  return table.cells ?? rowCells(table.rows);
}

function rowCells(rows: readonly (readonly Cell[])[]): TableCells {
  return {
    rowCount: rows.length,
    cell: (row, column) => rows[row][column] ?? null,
    width: (row) => rows[row].length,
    source: null,
    spanStart: () => -1,
    spanEnd: () => -1,
  };
}

/**
 * How the text of `a` from aStart to aEnd sorts against that of `b` from bStart to bEnd, as
 * the two strings would compare (by UTF-16 code unit): below 0, 0 or above 0. For readers
 * that compare a cell's span in TableCells.source without making its string.
 */
export function compareSpans(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < length; k++) {
    const difference = a.charCodeAt(aStart + k) - b.charCodeAt(bStart + k);
    if (difference !== 0) return difference;
  }
  return aEnd - aStart - (bEnd - bStart);
}

export function sheetRow(table: Table, dataIndex: number): number {
  return table.headerRow + 1 + dataIndex;
}

export function isBlankCell(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: readonly Cell[]): boolean {
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

export function isBlankRowAt(cells: TableCells, row: number): boolean {
  const width = cells.width(row);
  for (let column = 0; column < width; column++) if (!isBlankCell(cells.cell(row, column))) return false;
  return true;
}

/**
 * The 0-based column whose header is exactly `text` once surrounding spaces are trimmed,
 * or -1. Owned `TW …` columns are found this way, never by the folded alias matching of
 * user columns, so a user's `tw score` is never taken for ours.
 */
export function headerIndex(header: readonly Cell[], text: string): number {
  const wanted = text.trim();
  return header.findIndex((h) => typeof h === 'string' && h.trim() === wanted);
}
