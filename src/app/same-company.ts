import { describeGroups, groupCompanies, type Duplicates } from '../core/assign/duplicates.js';
import { duplicatesKey, type KeyedCompanyGroups } from '../core/assign/duplicates-key.js';
import type { Settings } from '../core/settings/schema.js';
import { sheetRow } from '../core/table.js';
import type { AssignBook } from './assign-input.js';
import type { StateStore } from './ports.js';
import { reusableCompanyGroups } from './saved-computations.js';

/** Who is the same company in a book: the groups with their key, for the state, and as proposals and flags name them. */
export interface SameCompany extends KeyedCompanyGroups {
  readonly duplicates: Duplicates;
}

/**
 * The book's same-company groups (issue 4 item 7), found once per rescore (issue 13 item 2):
 * the ones the state holds are taken when the customers' ids, names, e-mails and phones
 * and the key limit are those they were found among, and found afresh otherwise. Only the
 * commands that propose, claim or write `TW Flags` ask for them; the sidebar's reads never do.
 */
export function sameCompanyIn(book: AssignBook, settings: Settings, state: StateStore): SameCompany {
  const limit = settings.assign.duplicateKeyLimit;
  const key = duplicatesKey(book.customers, limit);
  const groups = reusableCompanyGroups(state, key, book.customers.length) ?? groupCompanies(book.customers, limit);
  const table = book.scores.customers.table;
  return { key, groups, duplicates: describeGroups(book.customers, groups, (row) => sheetRow(table, row)) };
}
