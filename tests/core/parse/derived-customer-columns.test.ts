import { describe, expect, it } from 'vitest';
import { deriveCustomers } from '../../../src/core/parse/derive-customers.js';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';

function derive(header: Cell[], rows: Cell[][], settings: Settings = defaultSettings) {
  const made = deriveCustomers({ tab: 'Deals', headerRow: 1, header, rows }, settings);
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  return made.customers;
}

describe('the columns of a Customers tab made from the deals', () => {
  it('writes Phone and Owner where the deals carry them, without the spaces around a value', () => {
    const made = derive(['Customer ID', 'Phone', 'Owner', 'Amount', 'Date'], [['C1', ' +1 555 0100 ', ' Ann Lee ', 10, '2024-01-01']]);
    expect(made.rows).toEqual([['Customer ID', 'Phone', 'Owner'], ['C1', '+1 555 0100', 'Ann Lee']]);
    expect(made.facts.from).toEqual({ id: 'Customer ID', phone: 'Phone', owner: 'Owner' });
  });

  it('writes a column one customer has filled, and leaves out a column no deal fills', () => {
    const made = derive(['Customer ID', 'Phone', 'Email', 'Amount', 'Date'], [
      ['C1', '5550100200', null, 10, '2024-01-01'],
      ['C2', null, '  ', 10, '2024-01-01'],
    ]);
    expect(made.rows).toEqual([['Customer ID', 'Phone'], ['C1', '5550100200'], ['C2', null]]);
  });

  it('heads an owner column Owner even when the settings map it to a header that says country', () => {
    const settings = { ...defaultSettings, columns: { ...defaultSettings.columns, deals: { owner: 'Country Manager' } } };
    const made = derive(['Customer ID', 'Country Manager', 'Amount', 'Date'], [['C1', 'Ann', 10, '2024-01-01']], settings);
    expect(made.rows[0]).toEqual(['Customer ID', 'Owner']);
  });
});

describe('which value a derived customer keeps', () => {
  it('keeps a dated deal\'s value over an undated one', () => {
    const made = derive(['Customer ID', 'Customer Name', 'Amount', 'Date'], [
      ['C1', 'Dated name', 10, '2024-05-01'],
      ['C1', 'Undated name', 10, 'someday'],
    ]);
    expect(made.rows[1]).toEqual(['C1', 'Dated name']);
  });

  it('reads the deals\' dates in the order the settings give', () => {
    const settings = { ...defaultSettings, parse: { ...defaultSettings.parse, dateOrder: 'dmy' as const } };
    const made = derive(['Customer ID', 'Customer Name', 'Amount', 'Date'], [
      ['C1', 'April name', 10, '01/04/2024'],
      ['C1', 'February name', 10, '03/02/2024'],
    ], settings);
    expect(made.rows[1]).toEqual(['C1', 'April name']);
  });

  it('keeps an id as its key (12923.0 is 12923), and an e-mail as the latest deal wrote it, a later row winning a tie', () => {
    const made = derive(['Customer ID', 'Email', 'Amount', 'Date'], [
      ['12923.0', null, 10, '2024-01-01'],
      [null, ' Ann@X.com ', 10, '2024-05-01'],
      [null, 'ann@x.com', 10, '2024-01-01'],
      [null, 'bo@y.org', 10, '2024-02-01'],
      [null, 'BO@Y.ORG', 10, '2024-02-01'],
    ]);
    expect(made.rows.map((row) => row[0])).toEqual(['Customer ID', '12923', 'Ann@X.com', 'BO@Y.ORG']);
    expect(made.facts.keyedBy).toEqual({ id: 1, email: 2, phone: 0, name: 0 });
  });

  it('says the ids came from the e-mails when the id column is there but blank', () => {
    const made = derive(['Customer ID', ' Email ', 'Amount', 'Date'], [[null, 'ann@x.com', 10, '2024-01-01']]);
    expect(made.facts.from).toEqual({ id: 'Email', email: 'Email' });
  });

  it('names no id source when no deal names a customer', () => {
    const made = derive(['Customer ID', 'Amount', 'Date'], [['N/A', 10, '2024-01-01']]);
    expect(made.facts).toEqual({ customers: 0, from: {}, keyedBy: { id: 0, email: 0, phone: 0, name: 0 } });
  });

  it('takes WooCommerce\'s Customer User 0 for a guest, told by Billing Email, not for a customer called 0', () => {
    const made = derive(['Order Number', 'Order Date', 'Order Status', 'Customer User', 'Billing Email', 'Order Total'], [
      ['101', '2024-01-01 10:00:00', 'Completed', '12', 'reg@x.com', '10.00'],
      ['102', '2024-01-02 10:00:00', 'Completed', '0', 'guest@x.com', '20.00'],
    ]);
    expect(made.rows.map((row) => row[0])).toEqual(['Customer ID', '12', 'guest@x.com']);
  });
});
