import { type Cell, type TableCells, compareSpans } from '../table.js';

/** Texts a column may repeat before it is not one of a few words; others are parsed from their cell. */
const REMEMBERED_TEXTS = 16;

/**
 * `parse` of each cell of a column that repeats a few texts (a deal's Stage: won, lost,
 * open). A text written as it is where the shell keeps it (TableCells.spanStart) is matched
 * there, character by character, against the texts parsed before, and their result reused,
 * so no string is made for it (issue 13). `parse` must depend on the cell's text alone.
 */
export function repeatedTextReader<T>(cells: TableCells, column: number, parse: (cell: Cell) => T): (row: number) => T {
  const texts: string[] = [];
  const results: T[] = [];
  return (row) => {
    const start = cells.spanStart(row, column);
    if (start < 0) return parse(cells.cell(row, column));
    const source = cells.source as string;
    const end = cells.spanEnd(row, column);
    for (let k = 0; k < texts.length; k++) if (compareSpans(texts[k], 0, texts[k].length, source, start, end) === 0) return results[k];
    // The span is the cell as it is written (TableCells.spanStart), so this is the cell.
    const text = source.slice(start, end);
    const result = parse(text);
    if (texts.length < REMEMBERED_TEXTS) {
      texts.push(text);
      results.push(result);
    }
    return result;
  };
}
