import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberColumn } from '../../../src/core/parse/amount-column.js';
import { parseDateColumn, parseStageColumn } from '../../../src/core/parse/columns.js';
import { readCustomers } from '../../../src/core/parse/customers-tab.js';
import { type DealFacts, readDeals } from '../../../src/core/parse/deals-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2026, 11, 1);
const customersTab: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['C1'], ['C2'], ['C3']] };

function dealsTab(rows: Cell[][]): Table {
  return { tab: 'Deals', headerRow: 1, header: ['Customer ID', 'Amount', 'Date', 'Stage'], rows };
}

function facts(deals: Table): DealFacts {
  const customers = readCustomers(customersTab, defaultSettings);
  if (!customers.ok) throw new Error('customers');
  const read = readDeals(deals, customers.customers, defaultSettings, AS_OF);
  if (!read.ok) throw new Error('deals');
  return read.facts;
}

describe('readDeals', () => {
  it('keeps the deals in the currency most amounts are in, and names each deal left out', () => {
    const read = facts(
      dealsTab([
        ['C1', '¥100', '2026-01-05', 'won'],
        ['C2', '$30', '2026-02-01', 'won'],
        ['C1', '¥50', '2026-03-01', 'won'],
        ['C2', '¥20', '2026-03-02', 'lost'],
      ]),
    );
    expect(Array.from(read.frequency)).toEqual([2, NaN, NaN]);
    expect(Array.from(read.monetary)).toEqual([150, NaN, NaN]);
    expect(Array.from(read.all.customer)).toEqual([0, 0, 1]);
    expect(read.issues).toEqual([
      { tab: 'Deals', row: 1, column: 'Amount', value: 'CNY (¥), USD ($)', message: 'column mixes CNY (¥) and USD ($) amounts; kept the 3 in CNY, left the 1 in USD blank' },
      { tab: 'Deals', row: 3, column: 'Amount', value: '$30', message: 'amount in USD ($), but this column is in CNY (¥); left blank' },
    ]);
  });

  it('reports every bad amount, date and stage cell as the column readers do, row by row, and only files deals with all three', () => {
    const customerId = fc.constantFrom<Cell>('C1', 'C2', ' C3 ', 'C9', '', null);
    const amount = fc.constantFrom<Cell>('100', '12.5', '$5', '¥7', 'abc', '', null, 42, true, '#N/A');
    const date = fc.constantFrom<Cell>('2024-01-05', '2027-01-01', '3/5/2024', 'xx', null, 45000, '2024-02-30', '1/2/24');
    const stage = fc.constantFrom<Cell>('won', 'Won', 'lost', 'open', 'closed', '', null, 7);
    fc.assert(
      fc.property(fc.array(fc.tuple(customerId, amount, date, stage), { maxLength: 30 }), (rows) => {
        const deals = dealsTab(rows);
        const read = facts(deals);
        const columnIssues = [
          ...parseNumberColumn(deals, 1, defaultSettings.parse).issues,
          ...parseDateColumn(deals, 2, defaultSettings.parse).issues,
          ...parseStageColumn(deals, 3).issues,
        ];
        const byRow = (issues: typeof columnIssues) => [...issues].sort((a, b) => a.row - b.row);
        const cellIssues = read.issues.filter((issue) => issue.message.endsWith('left blank') || issue.row === deals.headerRow);
        expect(byRow(cellIssues)).toEqual(byRow(columnIssues));
        // A deal is filed only with a known customer, an amount in the column's currency, a date and a stage.
        const amounts = parseNumberColumn(deals, 1, defaultSettings.parse).values;
        const days = parseDateColumn(deals, 2, defaultSettings.parse).days;
        const stages = parseStageColumn(deals, 3).stages;
        const filed = rows.filter((row, i) => ['C1', 'C2', 'C3'].includes(String(row[0]).trim()) && !Number.isNaN(amounts[i]) && !Number.isNaN(days[i]) && stages[i] !== null);
        expect(read.all.customer.length).toBe(filed.length);
      }),
    );
  });
});
