import { ownerKey } from '../core/assign/roster.js';
import { describeValue, type Issue } from '../core/issue.js';
import { type CustomerRows, readCustomers } from '../core/parse/customers-tab.js';
import type { Settings } from '../core/settings/schema.js';
import type { Cell } from '../core/table.js';
import { readCustomersTable, requireOwnerHeader } from './assign-input.js';
import { CannotRun } from './cannot-run.js';
import type { OwnerState } from './owner-state.js';
import type { Workbook } from './ports.js';
import type { BookFacts } from './summary.js';

/** The Owner column as apply and undo find it now: rows may have moved since the proposal. */
export interface OwnerColumn {
  readonly header: string;
  readonly customers: CustomerRows;
  readonly issues: Issue[];
  /** The data row and Owner cell of a customer (its first row), or null when it is no longer in the tab. */
  find(customerId: string): { readonly row: number; readonly cell: string | null } | null;
}

/** Reads the Customers tab without scoring it: apply and undo need ids and owners only. */
export function readOwnerColumn(workbook: Workbook, settings: Settings): OwnerColumn {
  const table = readCustomersTable(workbook, settings);
  const read = readCustomers(table, settings);
  if (!read.ok) throw new CannotRun(read.issues.map((i) => i.message).join('; '));
  const { customers } = read;
  const column = customers.columns.owner;
  const header = requireOwnerHeader(column === undefined ? null : describeValue(table.header[column]).trim(), settings);
  return {
    header,
    customers,
    issues: read.issues,
    find(customerId) {
      const k = customers.indexById.get(customerId);
      if (k === undefined) return null;
      const row = customers.rows[k];
      return { row, cell: ownerCellText(table.rows[row][column!] ?? null) };
    },
  };
}

/** An Owner cell as text, exactly as it is (null when empty), so undo can put back what was there. */
export function ownerCellText(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === 'string' ? cell : describeValue(cell);
}

/** Whether an Owner cell names the same owner as `text`: trimmed, in any case, as owner matching reads it. */
export function sameOwner(cell: string | null, text: string): boolean {
  return ownerKey(cell ?? '') === ownerKey(text);
}

/**
 * The summary's facts for a command that does not score (apply, undo): the customers as
 * read and the tiers of the last rescore.
 */
export function unscoredFacts(owners: OwnerColumn, state: OwnerState): BookFacts {
  const tiers = { A: 0, B: 0, C: 0 };
  const last = state.lastRescore;
  if (last) for (const id of owners.customers.ids) if (last.tiers[id]) tiers[last.tiers[id]]++;
  return {
    customers: owners.customers.ids.length,
    tiers,
    segments: {},
    issues: owners.issues,
    notes: [last ? `Tiers are those of the last rescore (as of ${last.asOf}).` : 'The book has not been scored yet: no tiers.'],
  };
}
