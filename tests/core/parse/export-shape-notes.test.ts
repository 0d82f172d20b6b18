import { describe, expect, it } from 'vitest';
import { parseNumberColumn } from '../../../src/core/parse/amount-column.js';
import { locateDealColumns } from '../../../src/core/parse/deals-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { detectShape } from '../../../src/core/parse/export-shapes.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

function notes(customers: Table, header: Cell[], rows: Cell[][]): string[] {
  const result = scoreBook({ customers, deals: { tab: 'Deals', headerRow: 1, header, rows }, settings: defaultSettings, asOfDay: dayNumber(2024, 12, 31) });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.result.notes;
}

describe('exports told by their headers, as the run’s notes say', () => {
  it('a Stripe payments export: its id is the payment (the Deal ID), the customer its Customer ID', () => {
    const header = ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Customer ID', 'Customer Email'];
    expect(detectShape(header)?.name).toBe('Stripe payments');
    const located = locateDealColumns({ tab: 'Deals', headerRow: 1, header, rows: [] }, defaultSettings);
    expect(located.ok && located.columns).toMatchObject({ dealId: 0, customerId: 4, refunded: 3 });
    const customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['cus_A']] };
    expect(notes(customers, header, [['ch_1', '2024-01-07 19:22', '100.00', '0.00', 'cus_A', 'a@x.com']])).toContain(
      'Read Deals as a Stripe payments export: id is the payment, the customer is Customer ID, else Customer Email.',
    );
  });

  it('a WooCommerce orders export: Customer User 0 is a guest', () => {
    const header = ['Order Number', 'Order Date', 'Customer User', 'Billing Email', 'Order Total'];
    const customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['12']] };
    expect(notes(customers, header, [['101', '2024-01-01 10:00:00', '12', 'reg@x.com', '10.00']])).toContain(
      'Read Deals as a WooCommerce orders export: Customer User 0 is a guest checkout, told by Billing Email.',
    );
  });

  it('a tab with only some of an export’s headers is no export', () => {
    expect(detectShape(['Name', 'Amount', 'Date'])).toBeNull();
    expect(detectShape(['id', 'Amount', 'Date'])).toBeNull();
    expect(detectShape(['Order Number', 'Amount', 'Date'])).toBeNull();
  });
});

describe('an amount column in three currencies', () => {
  it('keeps the one most cells are in and lists the other two, comma-separated', () => {
    const table: Table = { tab: 'Deals', headerRow: 1, header: ['Amount'], rows: [['¥1'], ['¥2'], ['¥3'], ['$4'], ['€5']] };
    const read = parseNumberColumn(table, 0, defaultSettings.parse);
    expect(read.issues[0].message).toBe('column mixes CNY (¥) and EUR (€), USD ($) amounts; kept the 3 in CNY, left the 2 in EUR, USD blank');
  });
});
