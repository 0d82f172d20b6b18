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

/**
 * The 0-based column whose header is exactly `text` once surrounding spaces are trimmed,
 * or -1. Owned `TW …` columns are found this way, never by the folded alias matching of
 * user columns, so a user's `tw score` is never taken for ours.
 */
export function headerIndex(header: readonly Cell[], text: string): number {
  const wanted = text.trim();
  return header.findIndex((h) => typeof h === 'string' && h.trim() === wanted);
}
