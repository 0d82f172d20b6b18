import type { Cell } from '../../src/core/table.js';
import { dayNumber } from '../../src/core/parse/days.js';
import { defaultSettings, type Settings } from '../../src/core/settings/schema.js';
import { fixedClock, memoryBook, memoryState } from './book-fixtures.js';

export const asOfDay = dayNumber(2026, 11, 23);

/** Rows 2..9 of the sheet. C6 and C7 share a company domain; Dora is not a rep. */
export const ownerCustomers: Cell[][] = [
  ['Customer ID', 'Name', 'Email', 'Region', 'Industry', 'Owner', 'Last Activity', 'Historical Revenue', 'Potential', 'Notes'],
  ['C1', 'Acme Ltd', 'buy@acme.test', 'East', 'Retail', 'Alice', '2026-11-20', 120000, 9, 'vip'],
  ['C2', 'Beta Inc', 'ops@beta.test', 'West', 'Finance', '', '2026-11-01', 30000, 5, null],
  ['C3', 'Gamma LLC', 'hi@gamma.test', 'East', 'Retail', 'Bob', '2026-06-01', 8000, 3, null],
  ['C4', 'Delta GmbH', 'x@delta.test', 'East', 'Finance', 'Dora', '2026-11-10', 50000, 7, null],
  ['C5', 'Epsilon', 'e@gmail.com', 'West', 'Retail', null, '2026-11-15', 2000, 2, null],
  ['C6', 'Zeta Foods', 'a@zeta.test', 'East', 'Retail', null, '2026-11-18', 60000, 8, null],
  ['C7', 'Zeta Trading', 'b@zeta.test', 'East', 'Retail', null, '2026-11-18', 4000, 4, null],
  ['C8', 'Eta Corp', 'eta@eta.test', 'East', 'Retail', 'bob', '2026-11-22', 9000, 5, null],
];

export const ownerReps: Cell[][] = [
  ['Name', 'Email', 'Level', 'Regions', 'Industries', 'Capacity', 'A Cap', 'Active'],
  ['Alice', 'alice@corp.test', 'senior', 'East', 'Retail', 10, 3, 'yes'],
  ['Bob', 'bob@corp.test', 'mid', 'East', 'Finance', 10, 3, 'yes'],
  ['Cy', 'cy@corp.test', 'junior', 'West', 'Retail', 10, 3, 'yes'],
];

export const ownerDeals: Cell[][] = [
  ['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'],
  ['D1', 'C1', 5000, '2026-10-01', 'won'],
  ['D2', 'C2', 700, '2026-09-01', 'won'],
  ['D3', 'C3', 300, '2025-01-05', 'won'],
  ['D4', 'C4', 900, '2026-11-01', 'won'],
];

export function ownerBook(customers: Cell[][] = ownerCustomers, reps: Cell[][] | null = ownerReps) {
  return memoryBook(reps ? { Customers: customers, Deals: ownerDeals, Reps: reps } : { Customers: customers, Deals: ownerDeals });
}

export function withSettings(patch: (s: Settings) => Settings = (s) => s): Settings {
  return patch(structuredClone(defaultSettings));
}

export function context(workbook = ownerBook(), state = memoryState(), settings = defaultSettings) {
  return { workbook, state, clock: fixedClock, settings, asOfDay, actor: 'cli', madeBy: { actor: 'cli', role: 'command' as const } };
}

/** The Customers tab as it is now, with cells by customer id and header. */
export function customersOf(workbook: ReturnType<typeof memoryBook>) {
  const tab = workbook.readTable('Customers')!;
  const col = (header: string) => tab.header.indexOf(header);
  const row = (id: string) => tab.rows.find((r) => r[0] === id)!;
  return { tab, col, cell: (id: string, header: string) => row(id)[col(header)] ?? null };
}
