import { describe, expect, it } from 'vitest';
import { readCustomers } from '../../../src/core/parse/customers-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { readDeals } from '../../../src/core/parse/deals-tab.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';

const AS_OF = dayNumber(2024, 6, 30);

function deals(customerIds: string[], header: Cell[], rows: Cell[][]) {
  const customers = readCustomers({ tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: customerIds.map((id) => [id]) }, defaultSettings);
  if (!customers.ok) throw new Error(JSON.stringify(customers.issues));
  const read = readDeals({ tab: 'Deals', headerRow: 1, header, rows }, customers.customers, defaultSettings, AS_OF);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.facts;
}

const unmatched = (facts: ReturnType<typeof deals>) => facts.issues.filter((issue) => issue.row === 0 && /match no customer/.test(issue.message));

describe('deal ids that match no customer', () => {
  it('names the id column when the deals also carry e-mail, phone and name', () => {
    const facts = deals(['C-0001'], ['Order', 'Client ID', 'Email', 'Phone', 'Customer Name', 'Amount', 'Date'], [
      ['O1', '1', 'a@x.com', '5550100200', 'Ann', 10, '2024-01-04'],
      ['O2', '2', 'b@x.com', '5550100201', 'Bo', 10, '2024-01-05'],
    ]);
    expect(unmatched(facts)).toEqual([
      { tab: 'Deals', row: 0, column: 'Client ID', value: '1', message: '2 of the 2 customer ids in Deals match no customer: Deals ids look like `1`, `2`, Customers ids like `C-0001`' },
    ]);
  });

  it('says when the Customers tab has no ids at all', () => {
    const facts = deals([], ['Customer ID', 'Amount', 'Date'], [['C1', 10, '2024-01-04']]);
    expect(unmatched(facts).map((issue) => issue.message)).toEqual(['1 of the 1 customer ids in Deals match no customer: Deals ids look like `C1`, the Customers tab has no ids']);
  });

  it('says nothing about the tab as a whole when no more ids miss than match', () => {
    const facts = deals(['C1'], ['Customer ID', 'Amount', 'Date'], [
      ['C1', 10, '2024-01-04'],
      ['C9', 10, '2024-01-05'],
    ]);
    expect(unmatched(facts)).toEqual([]);
  });
});

describe('refunds, said once for the tab', () => {
  it('counts one refund and one customer left with nothing spent, in the singular', () => {
    const facts = deals(['C1', 'C2'], ['Customer ID', 'Amount', 'Date'], [
      ['C1', 10, '2024-01-04'],
      ['C2', -5, '2024-01-05'],
    ]);
    expect(facts.issues).toEqual([
      { tab: 'Deals', row: 0, column: '', value: '1', message: "1 row is a refund (negative amount or a refunded / returned / voided status): not purchases; negative amounts reduce the customer's spend" },
      { tab: 'Deals', row: 0, column: '', value: '1', message: '1 customer has net spend of 0 or less after refunds: scored as spending 0, the net shown in TW Monetary' },
    ]);
  });
});

describe('purchases up to the as-of date', () => {
  it('counts a won deal dated on the as-of date, and leaves out only won deals after it', () => {
    const facts = deals(['C1'], ['Customer ID', 'Amount', 'Date', 'Stage'], [
      ['C1', 30, '2024-06-01', 'Lost'],
      ['C1', 20, '2024-07-01', 'Won'],
      ['C1', -5, '2024-07-02', 'Refunded'],
      ['C1', 10, '2024-06-30', 'Won'],
    ]);
    expect(facts.frequency[0]).toBe(1);
    expect(facts.afterAsOf).toBe(1);
    expect([Array.from(facts.won.day), Array.from(facts.won.amount)]).toEqual([[AS_OF], [10]]);
  });

  it('finds the first and last purchase whatever order the rows are in', () => {
    const facts = deals(['C1'], ['Customer ID', 'Amount', 'Date'], [
      ['C1', 10, '2024-03-01'],
      ['C1', 10, '2024-01-01'],
      ['C1', 10, '2024-05-01'],
      ['C1', 10, '2024-02-01'],
    ]);
    expect([facts.firstWonDay[0], facts.lastWonDay[0]]).toEqual([dayNumber(2024, 1, 1), dayNumber(2024, 5, 1)]);
  });

  it('gives a customer listed twice the deals of its id on both rows', () => {
    const facts = deals(['C1', 'C2', 'C1'], ['Customer ID', 'Amount', 'Date'], [
      ['C1', 10, '2024-01-01'],
      ['C1', 15, '2024-02-01'],
    ]);
    expect(Array.from(facts.frequency)).toEqual([2, NaN, 2]);
    expect(Array.from(facts.netSpend)).toEqual([25, NaN, 25]);
    expect(facts.firstWonDay[2]).toBe(dayNumber(2024, 1, 1));
  });

  it('takes the Amount column over Quantity × Unit Price when a tab has all three', () => {
    const facts = deals(['C1'], ['Customer ID', 'Amount', 'Quantity', 'Unit Price', 'Date'], [['C1', 100, 2, 30, '2024-01-01']]);
    expect(facts.netSpend[0]).toBe(100);
  });

  it('names the key columns by their headers as written, without surrounding spaces', () => {
    const facts = deals(['C1'], [' Customer ID ', ' Email ', 'Amount', 'Date'], [['C1', 'a@x.com', 10, '2024-01-01']]);
    expect(facts.keyHeaders).toEqual({ id: 'Customer ID', email: 'Email' });
  });

  it.each([
    [['Customer ID', 'Price', 'Date'], 'Amount'],
    [['Customer ID', 'Quantity', 'Date'], 'Amount'],
  ])('needs an Amount, or both Quantity and Unit Price: %j is refused', (header, missing) => {
    const customers = readCustomers({ tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['C1']] }, defaultSettings);
    if (!customers.ok) throw new Error('no customers');
    const read = readDeals({ tab: 'Deals', headerRow: 1, header, rows: [['C1', 2, '2024-01-01']] }, customers.customers, defaultSettings, AS_OF);
    expect(read.ok).toBe(false);
    expect(read.ok || read.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(new RegExp(`^Deals has no column for ${missing} `))]);
  });
});
