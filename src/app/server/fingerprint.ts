import { Digest } from '../../core/digest.js';
import { type Cell, type Table, tableCells } from '../../core/table.js';

/**
 * A fingerprint of what a job's result depends on: the tabs as read (without the columns
 * the job itself writes) and the settings. A stopped job resumes only when it is
 * unchanged; otherwise rows may have moved under the cursor and the job starts over.
 *
 * Every cell goes into a 64-bit digest (src/core/digest.ts) as its kind and its value:
 * a number as its eight bytes and a date as its time, so no string is made per cell (the
 * 500,000 deals of a big book made the fingerprint cost a fifth of a rescore). The kind
 * keeps the number 1 and the text "1" apart, and each text ends with its length, so
 * ["ab", ""] and ["a", "b"] differ.
 */
export function fingerprint(tables: readonly Table[], skipHeaders: ReadonlySet<string>, extra: string): string {
  const digest = new Digest().text(extra);
  for (const table of tables) {
    digest.text(table.tab);
    const kept = table.header.map((h, c) => (typeof h === 'string' && skipHeaders.has(h.trim()) ? -1 : c)).filter((c) => c >= 0);
    for (const c of kept) addCell(digest, table.header[c]);
    digest.integer(table.headerRow);
    // By cell, so a tab held by column (the deals) is read where it is, with no rows made.
    const cells = tableCells(table);
    for (let row = 0; row < cells.rowCount; row++) {
      for (const c of kept) addCell(digest, cells.cell(row, c));
      digest.integer(ROW_END);
    }
  }
  return digest.hex();
}

const [BLANK, TEXT, NUMBER, BOOLEAN, DATE, ROW_END] = [0, 1, 2, 3, 4, 5];

function addCell(digest: Digest, cell: Cell): void {
  if (cell === null) digest.integer(BLANK);
  else if (typeof cell === 'string') digest.integer(TEXT).text(cell);
  else if (typeof cell === 'number') digest.integer(NUMBER).number(cell);
  else if (typeof cell === 'boolean') digest.integer(BOOLEAN).integer(cell ? 1 : 0);
  else digest.integer(DATE).number(cell.getTime());
}
