import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveCustomers } from '../../../src/core/parse/derive-customers.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const header: Cell[] = ['Order ID', 'Customer ID', 'Email', 'Phone', 'Customer Name', 'Amount', 'Date'];
const id = fc.constantFrom<Cell>(null, '', 'C1', 'C2', ' C1 ', 'C1.0', '12923', 12923, '12923.0', '(blank)', 'N/A', '0');
const email = fc.constantFrom<Cell>(null, 'ann@x.com', 'ANN@x.com ', 'bo@y.org', 'n/a');
const phone = fc.constantFrom<Cell>(null, '+86 138-0013-8000', '8613800138000', '555 0100 200', '-');
const name = fc.constantFrom<Cell>(null, 'Acme Ltd', 'acme-ltd', 'ＡＣＭＥ Ltd', 'Beta', '未知');
const row = fc.tuple(fc.nat(5), id, email, phone, name, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 28 }));

function deals(rows: [number, Cell, Cell, Cell, Cell, number, number][]): Table {
  return { tab: 'Deals', headerRow: 1, header, rows: rows.map(([order, ...rest]) => [`O${order}`, ...rest.slice(0, 4), rest[4], `2024-03-${String(rest[5]).padStart(2, '0')}`]) };
}

describe('a Customers tab made from the deals', () => {
  it('finds every deal that names a customer its customer again, and makes one customer per key (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const table = deals(rows);
        const made = deriveCustomers(table, defaultSettings);
        if (!made.ok) throw new Error(JSON.stringify(made.issues));
        const [customerHeader, ...customerRows] = made.customers.rows;
        const run = scoreBook({ customers: { tab: 'Customers', headerRow: 1, header: customerHeader, rows: customerRows }, deals: table, settings: defaultSettings, asOfDay: dayNumber(2024, 12, 31) });
        if (!run.ok) throw new Error(JSON.stringify(run.issues));
        const result = run.result;
        expect(result.issues.filter((issue) => /no customer with this/.test(issue.message))).toEqual([]);
        expect(result.customers.ids.length).toBe(made.customers.facts.customers);
        // Every customer made has a deal: none is scored without one.
        const keyed = result.deals!.counts.keyedBy;
        expect(keyed.id + keyed.email + keyed.phone + keyed.name + result.deals!.counts.missingIds).toBe(rows.length);
        expect(Array.from(result.deals!.frequency).every((f) => f >= 1)).toBe(true);
      }),
    );
  });

  it('keeps the latest value of each column, and a later row when two deals share a day', () => {
    const table: Table = {
      tab: 'Deals',
      headerRow: 1,
      header: ['Customer ID', 'Customer Name', 'Region', 'Amount', 'Date'],
      rows: [
        ['C1', 'New name', null, 1, '2024-05-01'],
        ['C1', 'Old name', 'North', 1, '2024-01-01'],
        ['C1', 'Same-day later row', null, 1, '2024-05-01'],
      ],
    };
    const made = deriveCustomers(table, defaultSettings);
    expect(made.ok && made.customers.rows).toEqual([['Customer ID', 'Name', 'Region'], ['C1', 'Same-day later row', 'North']]);
  });
});
