import { type TableCells, compareSpans } from '../table.js';
import { customerKey, isOwnKey } from './customer-key.js';

/** What `find` says of a row whose Deal ID has not been filed yet. */
export const NEW_ORDER = -1;
/** What `find` says of a row without a Deal ID (blank or a placeholder): it is an order of its own. */
export const NO_ORDER = -2;

/** Where each order (a Deal ID, read as customerKey reads ids) was filed in the list of deals. */
export interface OrderIndex {
  /** Where the order of `row` was filed, NEW_ORDER or NO_ORDER. */
  find(row: number): number;
  /** Files the order of `row` at `at`; called right after find(row) gave NEW_ORDER. */
  file(row: number, at: number): void;
}

/**
 * Deal ID → where its first filed deal is. A Map over a million distinct Deal IDs was a
 * third of the deals pass (BENCHMARKS.md, CSV 100k/1M). Exports mostly number their orders
 * upwards with an order's lines together, and while every Deal ID asked about is at least
 * the greatest one before it, an ID is that one or new: no Map is needed. The first ID that
 * comes out of order puts the ones filed so far into the Map, which answers from then on;
 * until then only the row each deal was filed from is kept, and its ID read again for the Map.
 *
 * Until then, too, an ID that is its own key (isOwnKey) where the shell keeps the text is
 * compared there, character by character as strings compare, so no string is made for it:
 * a fresh string per deal is what the column view is there to save (issue 13).
 */
export function orderIndex(cells: TableCells, column: number | undefined): OrderIndex {
  if (column === undefined) return { find: () => NO_ORDER, file: () => {} };
  const source = cells.source ?? '';
  const keyOfRow = (row: number) => customerKey(cells.cell(row, column));
  // The greatest Deal ID so far, as the span of a text that spells it: `source` when the ID is
  // its own key there, else its key. greatestEnd < 0 before the first.
  let greatestText = '';
  let greatestStart = 0;
  let greatestEnd = -1;
  let greatestAt = NEW_ORDER;
  // Row + 1 of each filed deal, 0 for none: 4 bytes a deal where arrays of IDs and places took 30 MB.
  let filedRow: Int32Array | null = null;
  let byId: Map<string, number> | null = null;
  // The key of the row find was last asked about in the Map's time: the row file is called with.
  let rowKey = '';

  const findByMap = (map: Map<string, number>, row: number) => {
    rowKey = keyOfRow(row);
    return rowKey === '' ? NO_ORDER : (map.get(rowKey) ?? NEW_ORDER);
  };

  return {
    find(row) {
      if (byId !== null) return findByMap(byId, row);
      let text = source;
      let start = cells.spanStart(row, column);
      let end = start < 0 ? -1 : cells.spanEnd(row, column);
      if (start < 0 || !isOwnKey(source, start, end)) {
        text = keyOfRow(row);
        if (text === '') return NO_ORDER;
        start = 0;
        end = text.length;
      }
      const order = greatestEnd < 0 ? 1 : compareSpans(text, start, end, greatestText, greatestStart, greatestEnd);
      if (order === 0) return greatestAt;
      if (order > 0) {
        greatestText = text;
        greatestStart = start;
        greatestEnd = end;
        greatestAt = NEW_ORDER;
        return NEW_ORDER;
      }
      const map = new Map<string, number>();
      if (filedRow !== null) for (let at = 0; at < filedRow.length; at++) if (filedRow[at] > 0) map.set(keyOfRow(filedRow[at] - 1), at);
      filedRow = null;
      byId = map;
      return findByMap(map, row);
    },
    file(row, at) {
      if (byId !== null) {
        byId.set(rowKey, at);
        return;
      }
      greatestAt = at;
      filedRow ??= new Int32Array(cells.rowCount);
      filedRow[at] = row + 1;
    },
  };
}
