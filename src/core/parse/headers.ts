import type { Issue } from '../issue.js';
import { describeValue } from '../issue.js';
import type { Table } from '../table.js';

/** What finding columns reads of a tab: its name, header and header row, never its cells. */
type TableHead = Pick<Table, 'tab' | 'header' | 'headerRow'>;
import { foldText } from './fold.js';

export { foldText as normalizeHeader };

/** The header texts a tab's fields are recognised by, canonical name first (see fields.ts). */
export type Catalog<F extends string> = Readonly<Record<F, readonly string[]>>;

export interface LocatedColumns<F extends string> {
  /** 0-based column index of each field found. */
  readonly index: Partial<Record<F, number>>;
  readonly issues: Issue[];
}

/**
 * Finds each field's column by its header text, on every run, wherever the user moved it.
 *
 * - A mapping in settings (`overrides`, field id → header text) wins over the catalog and
 *   is matched by the same rule. When its header is not in the tab, the field stays
 *   unfound and an issue says so: we do not guess past what the user told us.
 * - Otherwise the field takes the column of its earliest alias that is present, so a tab
 *   holding both `Customer ID` and `ID` uses `Customer ID`.
 * - A column serves one field only; mapped columns are taken first.
 * - A header that appears twice (after folding) is an issue on the header row, and the
 *   FIRST (leftmost) of them is used: it is the one a person reads first.
 */
export function locateColumns<F extends string>(table: TableHead, catalog: Catalog<F>, overrides: Readonly<Record<string, string>>): LocatedColumns<F> {
  const issues: Issue[] = [];
  const columnsByHeader = new Map<string, number[]>();
  table.header.forEach((cell, column) => {
    const key = foldText(describeValue(cell));
    if (key === '') return;
    const columns = columnsByHeader.get(key);
    if (columns) columns.push(column);
    else columnsByHeader.set(key, [column]);
  });

  const index: Partial<Record<F, number>> = {};
  const taken = new Set<number>();
  const take = (field: F, columns: number[]): void => {
    index[field] = columns[0];
    taken.add(columns[0]);
    if (columns.length > 1) issues.push(duplicateHeaderIssue(table, columns));
  };

  const fields = Object.keys(catalog) as F[];
  for (const [field, header] of Object.entries(overrides)) {
    if (!fields.includes(field as F)) {
      issues.push(headerIssue(table, header, `settings map '${field}' to this header, but ${table.tab} has no field '${field}' (fields: ${fields.join(', ')})`));
      continue;
    }
    const columns = columnsByHeader.get(foldText(header));
    if (columns) take(field as F, columns);
    else issues.push(headerIssue(table, header, `settings map ${displayName(catalog, field as F)} to the header '${header}', but ${table.tab} has no such column`));
  }

  for (const field of fields) {
    if (Object.hasOwn(overrides, field)) continue;
    for (const alias of catalog[field]) {
      const columns = columnsByHeader.get(foldText(alias))?.filter((column) => !taken.has(column));
      if (columns && columns.length > 0) {
        take(field, columns);
        break;
      }
    }
  }
  return { index, issues };
}

export type RequiredColumns<F extends string, R extends F> =
  | { readonly ok: true; readonly index: Partial<Record<F, number>> & Record<R, number>; readonly issues: Issue[] }
  | { readonly ok: false; readonly issues: Issue[] };

/**
 * Locates the columns and checks that the `required` fields are all there. When one is
 * missing the tab cannot be used, and the issue says what we looked for, e.g.
 * "Customers has no column for Customer ID (looked for: Customer ID, ID, 客户编号, …)".
 */
export function requireColumns<F extends string, R extends F>(
  table: TableHead,
  catalog: Catalog<F>,
  overrides: Readonly<Record<string, string>>,
  required: readonly R[],
): RequiredColumns<F, R> {
  const located = locateColumns(table, catalog, overrides);
  const missing = required.filter((field) => located.index[field] === undefined);
  if (missing.length === 0) return { ok: true, index: located.index as Partial<Record<F, number>> & Record<R, number>, issues: located.issues };
  const absent = missing.map((field) => {
    const name = displayName(catalog, field);
    const lookedFor = Object.hasOwn(overrides, field) ? [overrides[field]] : catalog[field];
    return headerIssue(table, name, `${table.tab} has no column for ${name} (looked for: ${listForMessage(lookedFor)})`);
  });
  return { ok: false, issues: [...located.issues, ...absent] };
}

/** The field's canonical header, the first in its catalog entry. */
export function displayName<F extends string>(catalog: Catalog<F>, field: F): string {
  return catalog[field][0];
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// Enough aliases to recognise the field by, without burying the sentence.
const ALIASES_IN_MESSAGE = 6;

function listForMessage(aliases: readonly string[]): string {
  const shown = aliases.slice(0, ALIASES_IN_MESSAGE).join(', ');
  return aliases.length > ALIASES_IN_MESSAGE ? `${shown}, …` : shown;
}

function duplicateHeaderIssue(table: TableHead, columns: number[]): Issue {
  const header = describeValue(table.header[columns[0]]);
  const others = columns.slice(1).map(columnLetter).join(', ');
  return headerIssue(table, header, `the header '${header}' appears more than once (columns ${columnLetter(columns[0])} and ${others}); using column ${columnLetter(columns[0])}, the first`);
}

function headerIssue(table: TableHead, column: string, message: string): Issue {
  return { tab: table.tab, row: table.headerRow, column, value: column, message };
}
