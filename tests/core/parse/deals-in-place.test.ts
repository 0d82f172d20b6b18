import { describe, expect, it } from 'vitest';
import { readCustomers } from '../../../src/core/parse/customers-tab.js';
import { type DealFacts, readDeals } from '../../../src/core/parse/deals-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';
import type { PlacedCell } from './in-place-cells.js';
import { byColumnTable, inPlaceTable, plainRows } from './in-place-table.js';

const AS_OF = dayNumber(2026, 11, 1);

function facts(deals: Table, customerRows: Cell[][] = [['C1'], ['C2'], ['C3']], customerHeader: Cell[] = ['Customer ID']): DealFacts {
  const read = readCustomers({ tab: 'Customers', headerRow: 1, header: customerHeader, rows: customerRows }, defaultSettings);
  if (!read.ok) throw new Error('customers');
  const dealsRead = readDeals(deals, read.customers, defaultSettings, AS_OF);
  if (!dealsRead.ok) throw new Error(JSON.stringify(dealsRead.issues));
  return dealsRead.facts;
}

/** What a user sees of a reading: the deals, the counts and the issues. */
function seen(read: DealFacts) {
  return { customer: Array.from(read.all.customer), day: Array.from(read.all.day), amount: Array.from(read.all.amount), stage: Array.from(read.all.stage), counts: read.counts, issues: read.issues };
}

function sameBothWays(header: Cell[], rows: PlacedCell[][]) {
  const inPlace = seen(facts(inPlaceTable('Deals', header, rows)));
  expect(inPlace).toEqual(seen(facts({ tab: 'Deals', headerRow: 1, header, rows: plainRows(rows) })));
  return inPlace;
}

describe('a Deals tab read from a CSV (cells kept in place) gives the same deals and issues as the same tab with plain cells', () => {
  it('customers named by id written as it is, quoted, blank, unknown or a placeholder', () => {
    const seenInPlace = sameBothWays(
      ['Customer ID', 'Amount', 'Date'],
      [
        ['C1', '10', '2024-01-05'],
        [{ quoted: 'C2' }, '20', '2024-01-06'],
        ['C3', '', '2024-01-07'],
        ['C9', '5', '2024-01-08'],
        ['', '6', '2024-01-09'],
        ['N/A', '7', '2024-01-10'],
        ['C2', 'abc', 'xx'],
        ['C1', '30', '2024-02-05'],
      ],
    );
    expect(seenInPlace.customer).toEqual([0, 1, 0]);
    expect(seenInPlace.counts.keyedBy).toEqual({ id: 5, email: 0, phone: 0, name: 0 });
  });

  it('Deal IDs written as they are, with zero decimals, padded or quoted name the same orders', () => {
    const seenInPlace = sameBothWays(
      ['Deal ID', 'Customer ID', 'Amount', 'Date'],
      [
        ['1001', 'C1', '10', '2024-01-05'],
        ['1001.00', 'C1', '5', '2024-01-05'],
        [' 1001', 'C1', '1', '2024-01-05'],
        ['1002', 'C2', '7', '2024-01-06'],
        [{ quoted: '1002' }, 'C2', '3', '2024-01-06'],
        ['', 'C3', '4', '2024-01-07'],
        ['', 'C3', '2', '2024-01-07'],
      ],
    );
    expect(seenInPlace.amount).toEqual([16, 10, 4, 2]);
  });

  it('a deal with a date left blank or an amount left blank in a CSV is reported as the same deal with plain cells', () => {
    sameBothWays(
      ['Customer ID', 'Amount', 'Date', 'Stage'],
      [
        ['C1', '', '2024-01-05', 'won'],
        ['C1', '5', '', 'won'],
        ['C1', '', '2024-01-05', 'open'],
      ],
    );
  });
});

describe('read in place, directly', () => {
  it('a quoted Customer ID finds its own customer', () => {
    const read = facts(inPlaceTable('Deals', ['Customer ID', 'Amount', 'Date'], [[{ quoted: 'C1' }, '10', '2024-01-05'], ['C2', '7', '2024-01-05']]));
    expect(Array.from(read.all.customer)).toEqual([0, 1]);
  });

  it('WooCommerce’s guest 0 goes to its Billing Email even when a customer has the id 0', () => {
    const header = ['Order Number', 'Order Date', 'Customer User', 'Billing Email', 'Order Total'];
    const read = facts(inPlaceTable('Deals', header, [['101', '2024-01-01', '0', 'guest@x.com', '20.00']]), [['0', 'zero@x.com'], ['guest@x.com', 'guest@x.com']], ['Customer ID', 'Email']);
    expect(Array.from(read.all.customer)).toEqual([1]);
    expect(read.counts.keyedBy).toMatchObject({ id: 0, email: 1 });
  });
});

describe('a Deals tab held by column (as the .xlsx reader gives it) reads as the same rows', () => {
  it('without a Customer ID, Deal ID or refund column', () => {
    const header = ['Email', 'Amount', 'Date'];
    const rows: Cell[][] = [
      ['a@x.com', 10, '2024-01-05'],
      [null, 5, '2024-01-06'],
    ];
    const customers = [['C1', 'a@x.com']];
    const byColumn = seen(facts(byColumnTable('Deals', header, rows), customers, ['Customer ID', 'Email']));
    expect(byColumn).toEqual(seen(facts({ tab: 'Deals', headerRow: 1, header, rows }, customers, ['Customer ID', 'Email'])));
    expect(byColumn.customer).toEqual([0]);
  });
});
