/** A1 notation: 'B3', 'A1:C10', whole columns 'B:D' and whole rows '2:5'. */
export interface A1Range {
  readonly row: number | null; // null: from the first row (whole columns)
  readonly column: number | null; // null: from the first column (whole rows)
  readonly lastRow: number | null; // null: to the last row of the sheet
  readonly lastColumn: number | null;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Parses a range on one sheet; null when the text is not A1 notation. */
export function parseA1(text: string): A1Range | null {
  const [from, to = from, extra] = text.trim().split(':');
  if (extra !== undefined || !from) return null;
  const cells = [CELL.exec(from), CELL.exec(to)];
  if (cells[0] && cells[1]) {
    const [r1, r2] = [Number(cells[0][2]), Number(cells[1][2])];
    const [c1, c2] = [columnNumber(cells[0][1]!), columnNumber(cells[1][1]!)];
    if (r1 < 1 || r2 < 1) return null;
    return { row: Math.min(r1, r2), column: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastColumn: Math.max(c1, c2) };
  }
  const columns = [COLUMN.exec(from), COLUMN.exec(to)];
  if (columns[0] && columns[1] && text.includes(':')) {
    const [c1, c2] = [columnNumber(columns[0][1]!), columnNumber(columns[1][1]!)];
    return { row: null, column: Math.min(c1, c2), lastRow: null, lastColumn: Math.max(c1, c2) };
  }
  const rows = [ROW.exec(from), ROW.exec(to)];
  if (rows[0] && rows[1] && text.includes(':')) {
    const [r1, r2] = [Number(rows[0][1]), Number(rows[1][1])];
    if (r1 < 1 || r2 < 1) return null;
    return { row: Math.min(r1, r2), column: null, lastRow: Math.max(r1, r2), lastColumn: null };
  }
  return null;
}

export function formatA1(row: number, column: number, numRows: number, numColumns: number): string {
  const first = `${columnLetters(column)}${row}`;
  return numRows === 1 && numColumns === 1 ? first : `${first}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
