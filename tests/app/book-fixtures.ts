import type { Cell, Table } from '../../src/core/table.js';
import { MemoryWorkbook } from '../../src/node/book/memory-workbook.js';
import { OWN_TABS } from '../../src/app/owned-columns.js';

export function table(tab: string, rows: Cell[][]): Table {
  const [header, ...body] = rows;
  return { tab, header, rows: body, headerRow: 1 };
}

export function memoryBook(tabs: Record<string, Cell[][]>): MemoryWorkbook {
  return new MemoryWorkbook(
    Object.entries(tabs).map(([name, rows]) => table(name, rows.map((r) => [...r]))),
    new Set(Object.values(OWN_TABS)),
  );
}

export function memoryState(initial: unknown = null) {
  let value = initial;
  return { load: () => value, save: (next: unknown) => void (value = next) };
}

export const fixedClock = { now: () => new Date('2026-11-23T09:00:00Z') };

export const smallCustomers: Cell[][] = [
  ['Customer ID', 'Name', 'Region', 'Historical Revenue', 'Potential', 'Owner', 'My Notes'],
  ['C1', 'Acme Ltd', 'East', '¥120,000', 8, 'Alice', 'call back'],
  ['C2', 'Beta Inc', 'West', '30000', 5, '', null],
  ['C3', 'Gamma LLC', 'East', 'abc', 3, 'Bob', '=SUM(1,2)'],
  [null, null, null, null, null, null, null],
  ['C4', '=HYPERLINK("http://x.test","x")', 'North', '5000', 9, 'Alice', null],
  ['C5', 'Delta GmbH', 'South', '1.2万', 1, null, null],
];

export const smallDeals: Cell[][] = [
  ['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'],
  ['D1', 'C1', 1000, '2026-10-01', 'won'],
  ['D2', 'C1', 2000, '2026/9/5', 'Closed Won'],
  ['D3', 'C2', 500, '2026年3月5日', '成交'],
  ['D4', 'C3', 800, '20260101', 'lost'],
  ['D5', 'C4', 'oops', '2026-01-01', 'won'],
  ['D6', 'C9', 100, '2026-01-01', 'won'],
  ['D7', 'C5', 300, '2027-01-01', 'won'],
  ['D8', 'C3', 250, 'soon', 'won'],
];
