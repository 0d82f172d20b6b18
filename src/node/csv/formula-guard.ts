import { OWNED_HEADERS } from '../../app/owned-columns.js';
import { customerFields } from '../../core/parse/fields.js';
import { locateColumns } from '../../core/parse/headers.js';
import type { Cell, Table } from '../../core/table.js';
import { startsFormula } from '../../core/text.js';

/**
 * The formula guard of a CSV file that Excel will open (OWASP "CSV Injection"): text that
 * would start a formula is written behind a `'`, and Tierwise takes it off again when it
 * reads its own columns back, so `-Ann Lee` is `-Ann Lee` after any round trip.
 *
 * To be undone exactly, the guard also covers text that already has apostrophes before a
 * formula character (`'=x` is written `''=x`), and removing it takes off exactly one `'`
 * from text that has one or more before a formula character. So readGuarded(writeGuarded(t))
 * is t for every t.
 */
const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;

export function writeGuarded(text: string): string {
  return startsFormula(text) || QUOTED_FORMULA.test(text) ? `'${text}` : text;
}

export function readGuarded(text: string): string {
  return QUOTED_FORMULA.test(text) ? text.slice(1) : text;
}

/**
 * Takes the guard off the text Tierwise wrote into a CSV tab it reads back: every cell of
 * its own tabs (TW Log, TW Dashboard), and in the Customers tab its owned columns and the
 * Owner column (which apply, undo, recycle and claim write). Other columns are the user's
 * and read exactly as written.
 */
export function unguardOwnText(table: Table, own: 'every column' | { readonly ownerMapping: Readonly<Record<string, string>> }): void {
  const columns = own === 'every column' ? table.header.map((_, c) => c) : ownTextColumns(table, own.ownerMapping);
  // The rows are the fresh arrays the CSV reader just made, changed in place rather than
  // copied (a million-row copy costs a full collection; see csvRecordsTable).
  for (const row of table.rows as Cell[][]) {
    for (const c of columns) {
      const cell = row[c];
      if (typeof cell === 'string') row[c] = readGuarded(cell);
    }
  }
}

function ownTextColumns(table: Table, mapping: Readonly<Record<string, string>>): number[] {
  const owned = new Set(OWNED_HEADERS);
  const columns = table.header.flatMap((cell, c) => (typeof cell === 'string' && owned.has(cell.trim()) ? [c] : []));
  const owner = locateColumns(table, customerFields, mapping).index.owner;
  if (owner !== undefined && !columns.includes(owner)) columns.push(owner);
  return columns;
}
