import { type DerivedCustomersFacts, deriveCustomers } from '../core/parse/derive-customers.js';
import type { Settings } from '../core/settings/schema.js';
import type { Table } from '../core/table.js';
import { CannotRun } from './cannot-run.js';
import type { Workbook } from './ports.js';

export interface CustomersTab {
  readonly table: Table;
  /** Set when this call made the tab from the deals. */
  readonly derived: DerivedCustomersFacts | null;
}

/**
 * The Customers tab as it is now. An orders-only book — a Deals tab and no Customers tab
 * (issue 10 item 1) — is given one, made from the deals' distinct customers and written
 * into the book (a new tab in Sheets and in an .xlsx, customers.csv in a CSV book), which
 * the user owns from then on: the next run reads it like any Customers tab. A book with
 * neither tab cannot run.
 */
export function customersTab(workbook: Workbook, settings: Settings): CustomersTab {
  const { customers: tab, deals: dealsTab } = settings.tabs;
  const table = workbook.readTable(tab);
  if (table) return { table, derived: null };
  const deals = workbook.readTable(dealsTab);
  if (!deals) {
    throw new CannotRun(
      `The book has neither a ${tab} nor a ${dealsTab} tab: it needs ${dealsTab} (one row per deal or order, with its customer) and, optionally, ${tab} (one row per customer); tab names are in the settings: tabs.customers, tabs.deals.`,
    );
  }
  const derived = deriveCustomers(deals, settings);
  if (!derived.ok) throw new CannotRun(`The book has no ${tab} tab, and it could not be made from ${dealsTab}: ${derived.issues.map((i) => i.message).join('; ')}`);
  workbook.createTab(tab, derived.customers.rows);
  return { table: workbook.readTable(tab) as Table, derived: derived.customers.facts };
}
