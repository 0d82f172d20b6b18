import type { AssignCustomer } from '../core/assign/customer.js';
import type { Rep } from '../core/assign/rep.js';
import { parseReps } from '../core/assign/reps.js';
import type { Issue } from '../core/issue.js';
import { describeValue } from '../core/issue.js';
import { scoreBook, type BookScores } from '../core/score/score-book.js';
import type { Settings } from '../core/settings/schema.js';
import type { Table } from '../core/table.js';
import type { StateStore, Workbook } from './ports.js';
import { reusableClvFit } from './saved-computations.js';
import { CannotRun } from './cannot-run.js';
import { customersTab } from './customers-tab.js';

/** The Customers tab scored and seen as assignment and the pool see it. */
export interface AssignBook {
  readonly scores: BookScores;
  /** One per scored customer, aligned with `scores.customers` (customer k is customers[k]). */
  readonly customers: readonly AssignCustomer[];
  /** The Owner column's header as the sheet spells it; null when the tab has none. */
  readonly ownerHeader: string | null;
  readonly issues: Issue[];
}

/**
 * The book scored afresh rather than trusting `TW Tier`/`TW Score` as found: those may be
 * stale or edited by hand, and scoring is fast, so proposals and previews always rest on
 * the data. What the last rescore saved for the same data (the CLV fit) is reused, never
 * trusted otherwise (saved-computations.ts).
 */
export function scoreCurrentBook(workbook: Workbook, settings: Settings, asOfDay: number, state: StateStore): BookScores {
  const { table, derived } = customersTab(workbook, settings);
  const savedClvFit = reusableClvFit(state);
  const run = scoreBook({ customers: table, deals: workbook.readTable(settings.tabs.deals), settings, asOfDay, customersDerived: derived ?? undefined, savedClvFit });
  if (!run.ok) throw new CannotRun(run.issues.map((i) => i.message).join('; '));
  return run.result;
}

export function readAssignBook(workbook: Workbook, settings: Settings, asOfDay: number, state: StateStore): AssignBook {
  return assignBookOf(scoreCurrentBook(workbook, settings, asOfDay, state));
}

/** The Customers tab as it is now, made from the deals in an orders-only book (customersTab). */
export function readCustomersTable(workbook: Workbook, settings: Settings): Table {
  return customersTab(workbook, settings).table;
}

/** The customers of a scored book with their tiers, scores, owners and dates (who is the same company: same-company.ts). */
export function assignBookOf(scores: BookScores): AssignBook {
  const rows = scores.customers;
  const { columns, table } = rows;
  const text = (column: number | undefined) => rows.text(column).map((t) => t ?? '');
  const [names, emails, phones, regions, industries, owners] = [columns.name, columns.email, columns.phone, columns.region, columns.industry, columns.owner].map(text);
  const lastActivity = columns.lastActivity === undefined ? null : rows.days(columns.lastActivity);
  const lastWon = scores.deals?.lastWonDay ?? null;
  const dayOrNull = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : value);
  const customers = rows.ids.map(
    (id, k): AssignCustomer => ({
      id,
      row: rows.rows[k],
      name: names[k],
      email: emails[k],
      phone: phones[k],
      region: regions[k],
      industry: industries[k],
      owner: owners[k],
      tier: scores.tiers[k],
      score: scores.scores[k],
      lastActivityDay: dayOrNull(lastActivity?.[k]),
      lastWonDealDay: dayOrNull(lastWon?.[k]),
    }),
  );
  return {
    scores,
    customers,
    ownerHeader: columns.owner === undefined ? null : describeValue(table.header[columns.owner]).trim(),
    issues: scores.issues,
  };
}

/** The Owner column, which apply, undo, recycle and claim write: refused plainly when missing. */
export function requireOwnerHeader(ownerHeader: string | null, settings: Settings): string {
  if (ownerHeader !== null) return ownerHeader;
  throw new CannotRun(
    `The ${settings.tabs.customers} tab has no Owner column (looked for Owner, Rep, Sales Rep, 负责人, …; map yours in settings: columns.customers.owner).`,
  );
}

/** The Reps tab, parsed; its bad rows become issues. */
export function readReps(workbook: Workbook, settings: Settings): { reps: Rep[]; issues: Issue[] } {
  const tab = settings.tabs.reps;
  const table = workbook.readTable(tab);
  if (!table) throw new CannotRun(`The book has no ${tab} tab: owners are proposed among the reps listed there (tab names are in the settings: tabs.reps).`);
  const read = parseReps(table, settings);
  if (!read.ok) throw new CannotRun(read.issues.map((i) => i.message).join('; '));
  return { reps: read.reps, issues: read.issues };
}
