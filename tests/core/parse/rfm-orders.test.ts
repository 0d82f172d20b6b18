import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNumberColumn } from '../../../src/core/parse/amount-column.js';
import { parseDateColumn } from '../../../src/core/parse/columns.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { dealFields } from '../../../src/core/parse/fields.js';
import { requireColumns } from '../../../src/core/parse/headers.js';
import type { Table } from '../../../src/core/table.js';

// The orders of the R package `rfm`'s example data: plain comma-separated text without quoting.
const lines = readFileSync(new URL('../../../../shared/datasets/rfm-orders/orders.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
const table: Table = { tab: 'Deals', header: lines[0].split(','), rows: lines.slice(1).map((line) => line.split(',')), headerRow: 1 };

describe('the rfm-orders dataset', () => {
  it('has its customer, date and amount columns found by their snake_case headers', () => {
    const located = requireColumns(table, dealFields, {}, ['customerId', 'date', 'amount']);
    expect(located.ok && located.index).toMatchObject({ customerId: 0, date: 1, amount: 2 });
  });

  it('parses every order date and amount without an issue', () => {
    const dates = parseDateColumn(table, 1, { dateOrder: 'mdy' });
    const amounts = parseNumberColumn(table, 2, { decimalSeparator: '.' });
    expect([...dates.issues, ...amounts.issues]).toEqual([]);
    expect(dates.days.every((day) => day >= dayNumber(2000, 1, 1) && day <= dayNumber(2010, 12, 31))).toBe(true);
    expect(amounts.values.every((amount) => amount > 0)).toBe(true);
  });
});
