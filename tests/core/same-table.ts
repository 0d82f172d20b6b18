import { expect } from 'vitest';
import { readCustomers } from '../../src/core/parse/customers-tab.js';
import { readDeals } from '../../src/core/parse/deals-tab.js';
import { dayNumber } from '../../src/core/parse/days.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import { type Table, tableCells } from '../../src/core/table.js';

const listed = readCustomers({ tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['C1'], ['C2'], ['C3']] }, defaultSettings);
if (!listed.ok) throw new Error('the customers do not read');
const customers = listed.customers;
const AS_OF = dayNumber(2026, 11, 1);

/**
 * A tab a shell holds by column reads as the same tab held as rows (through the rows
 * adapter): header and its row, every cell and width, the rows made from it, and readDeals
 * over it finds the same deals with the same bad-cell reports.
 */
export function expectSameTable(byColumn: Table, byRow: Table): void {
  expect(byColumn.header).toEqual(byRow.header);
  expect(byColumn.headerRow).toBe(byRow.headerRow);
  const direct = tableCells(byColumn);
  const adapted = tableCells(byRow);
  expect(direct.rowCount).toBe(adapted.rowCount);
  for (let row = 0; row < adapted.rowCount; row++) {
    expect(direct.width(row)).toBe(adapted.width(row));
    for (let c = 0; c <= adapted.width(row); c++) expect(direct.cell(row, c)).toEqual(adapted.cell(row, c));
  }
  expect(byColumn.rows).toEqual(byRow.rows);
  expect(readDeals(byColumn, customers, defaultSettings, AS_OF)).toEqual(readDeals(byRow, customers, defaultSettings, AS_OF));
}
