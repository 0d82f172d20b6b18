import { describe, expect, it } from 'vitest';
import { readCustomers } from '../../../src/core/parse/customers-tab.js';
import { type DealFacts, readDeals } from '../../../src/core/parse/deals-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2026, 11, 1);

function facts(deals: Table, customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['C1'], ['C2'], ['C3']] }): DealFacts {
  const read = readCustomers(customers, defaultSettings);
  if (!read.ok) throw new Error('customers');
  const dealsRead = readDeals(deals, read.customers, defaultSettings, AS_OF);
  if (!dealsRead.ok) throw new Error(JSON.stringify(dealsRead.issues));
  return dealsRead.facts;
}

const tab = (header: Cell[], rows: Cell[][]): Table => ({ tab: 'Deals', headerRow: 1, header, rows });
const messages = (read: DealFacts) => read.issues.map((issue) => `${issue.row} ${issue.column}: ${issue.message}`);

describe('issues of a Deals tab come row by row', () => {
  it('whether or not the amounts carry a currency mark', () => {
    const read = facts(
      tab(['Customer ID', 'Amount', 'Date'], [
        ['C1', '$5', 'xx'],
        ['C1', 'abc', '2024-01-01'],
        ['C1', '$7', '2024-01-02'],
        ['C1', '8', '2024-01-03'],
      ]),
    );
    expect(read.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'Date'],
      [3, 'Amount'],
    ]);
    expect(Array.from(read.all.amount)).toEqual([7, 8]);
  });
});

describe('what a Deals row becomes', () => {
  it('a blank row in the middle of the tab is no deal and no issue', () => {
    const read = facts(tab(['Customer ID', 'Amount', 'Date'], [['C1', 5, '2024-01-01'], [null, null, ' '], ['C2', 6, '2024-01-02']]));
    expect(read.issues).toEqual([]);
    expect(read.counts.missingIds).toBe(0);
    expect(Array.from(read.all.customer)).toEqual([0, 1]);
  });

  it('a placeholder id written with spaces around it is the same placeholder, reported once with its row count', () => {
    const read = facts(tab(['Customer ID', 'Amount', 'Date'], [[' (blank) ', 5, '2024-01-01'], ['(blank)', 6, '2024-01-02']]));
    expect(messages(read)).toEqual(["2 Customer ID: '(blank)' is a placeholder, not a Customer ID (2 rows from here on); left out"]);
    expect(read.issues[0].value).toBe('(blank)');
    expect(read.counts.missingIds).toBe(2);
  });

  it('a deal with no id names the Customer ID field, whatever the column is headed', () => {
    const read = facts(tab(['customer_id', 'Amount', 'Date'], [[null, 5, '2024-01-01']]));
    expect(read.issues).toEqual([{ tab: 'Deals', row: 2, column: 'customer_id', value: '', message: 'deal has no Customer ID (this row); left out' }]);
  });

  it('a deal with no key names the one key column the tab has', () => {
    const read = facts(tab(['Email', 'Amount', 'Date'], [[null, 5, '2024-01-01']]));
    expect(messages(read)).toEqual(['2 Email: deal has no Email (this row); left out']);
  });

  it('a deal with no key names every key column it has none of', () => {
    const read = facts(tab(['Customer ID', 'Email', 'Phone', 'Amount', 'Date'], [[null, null, null, 5, '2024-01-01']]));
    expect(messages(read)).toEqual(['2 Customer ID: deal has no Customer ID, Email or Phone (this row); left out']);
  });

  it('an unknown id, phone or name is reported once, on its first row, saying which key it is', () => {
    const read = facts(
      tab(['Customer ID', 'Phone', 'Customer Name', 'Amount', 'Date'], [
        ['C9', null, null, 5, '2024-01-01'],
        ['C9', null, null, 6, '2024-01-02'],
        [null, '+1 555 010 9999', null, 7, '2024-01-03'],
        [null, null, 'Nobody Ltd', 8, '2024-01-04'],
      ]),
    );
    expect(messages(read).filter((m) => m.includes('no customer with'))).toEqual([
      '2 Customer ID: no customer with this ID on the Customers tab; its deals are left out',
      '4 Phone: no customer with this phone on the Customers tab; its deals are left out',
      '5 Customer Name: no customer with this name on the Customers tab; its deals are left out',
    ]);
  });

  it('a won or refunded deal, or one with no stage, without a date or an amount is reported; an open or lost one is not', () => {
    const read = facts(
      tab(['Customer ID', 'Amount', 'Date', 'Stage'], [
        ['C1', 5, null, 'won'],
        ['C1', null, '2024-01-01', 'won'],
        ['C1', 5, null, 'refunded'],
        ['C1', null, '2024-01-01', 'refunded'],
        ['C1', 5, null, null],
        ['C1', null, '2024-01-01', null],
        ['C1', null, null, 'open'],
        ['C1', null, null, 'lost'],
      ]),
    );
    expect(messages(read)).toEqual([
      '2 Date: deal has no date; left out',
      '3 Amount: deal has no amount; left out',
      '4 Date: deal has no date; left out',
      '5 Amount: deal has no amount; left out',
      '6 Date: deal has no date; left out',
      '7 Amount: deal has no amount; left out',
    ]);
    expect(read.all.customer.length).toBe(0);
  });
});

describe('refunds', () => {
  it('a free order (amount 0) is a purchase, not a refund', () => {
    const read = facts(tab(['Customer ID', 'Amount', 'Date'], [['C1', 0, '2024-01-01']]));
    expect(read.frequency[0]).toBe(1);
    expect(read.counts.refunds).toBe(0);
  });

  it('a negative amount on a lost deal is no refund and takes nothing off the spend', () => {
    const read = facts(tab(['Customer ID', 'Amount', 'Date', 'Stage'], [['C1', 100, '2024-01-01', 'won'], ['C1', -50, '2024-02-01', 'lost']]));
    expect(read.netSpend[0]).toBe(100);
    expect(read.counts.refunds).toBe(0);
  });

  it('a partly refunded order is a purchase of what was kept, whatever its status; a lost deal keeps its stage', () => {
    const read = facts(
      tab(['Customer ID', 'Amount', 'Amount Refunded', 'Date', 'Stage'], [
        ['C1', 100, 40, '2024-01-01', 'partially_refunded'],
        ['C2', 100, 40, '2024-01-01', 'lost'],
      ]),
    );
    expect(Array.from(read.frequency)).toEqual([1, NaN, NaN]);
    expect(read.netSpend[0]).toBe(60);
    expect(read.netSpend[1]).toBeNaN();
  });

  it('a refund larger than the order leaves nothing spent, not less than nothing', () => {
    const read = facts(tab(['Customer ID', 'Amount', 'Amount Refunded', 'Date'], [['C1', 50, 70, '2024-01-01']]));
    expect(read.netSpend[0]).toBe(0);
    expect(read.counts.refunds).toBe(1);
  });

  it('an unreadable refunded amount is reported and taken as no refund; on a deal with no amount it is not read', () => {
    const read = facts(
      tab(['Customer ID', 'Amount', 'Amount Refunded', 'Date'], [
        ['C1', 100, 'abc', '2024-01-01'],
        ['C2', 'n/a', 'xyz', '2024-01-01'],
      ]),
    );
    expect(read.netSpend[0]).toBe(100);
    expect(messages(read)).toEqual(["2 Amount Refunded: 'abc' is not a number; taken as no refund", "3 Amount: 'n/a' is not a number; left blank"]);
  });
});

describe('line items of one order', () => {
  it('a line of a known order with no money is part of it; a line with an unreadable amount is reported, not merged', () => {
    const read = facts(
      tab(['Deal ID', 'Customer ID', 'Amount', 'Date'], [
        ['#1', 'C1', 10, '2024-01-05'],
        ['#1', 'C1', null, '2024-01-05'],
        ['#1', 'C1', 'abc', '2024-01-05'],
      ]),
    );
    expect(read.counts).toMatchObject({ linesMerged: 1, ordersMerged: 1 });
    expect(messages(read)).toEqual(["4 Amount: 'abc' is not a number; left blank"]);
  });

  it('a purchase line and a refund line of one Deal ID stay a purchase and a refund', () => {
    const read = facts(tab(['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'], [['#1', 'C1', 100, '2024-01-05', 'won'], ['#1', 'C1', -30, '2024-01-09', 'won']]));
    expect(Array.from(read.all.amount)).toEqual([100, -30]);
    expect(read.counts).toMatchObject({ refunds: 1, linesMerged: 0 });
  });

  it('a row without a Deal ID between the lines of an order is a deal of its own, and the order keeps its lines', () => {
    const read = facts(
      tab(['Deal ID', 'Customer ID', 'Amount', 'Date'], [
        ['#1', 'C1', 10, '2024-01-05'],
        [null, 'C1', 20, '2024-02-01'],
        ['#1', 'C1', 5, '2024-01-06'],
      ]),
    );
    expect(Array.from(read.all.amount)).toEqual([15, 20]);
    expect(Array.from(read.all.day)).toEqual([dayNumber(2024, 1, 5), dayNumber(2024, 2, 1)]);
  });

  it('rows without a Deal ID are separate deals, before and after Deal IDs out of order', () => {
    const read = facts(
      tab(['Deal ID', 'Customer ID', 'Amount', 'Date'], [
        [null, 'C1', 1, '2024-01-01'],
        [null, 'C1', 2, '2024-01-01'],
        ['#5', 'C1', 3, '2024-01-01'],
        ['#3', 'C1', 4, '2024-01-01'],
        [null, 'C1', 5, '2024-01-01'],
        ['', 'C1', 6, '2024-01-01'],
      ]),
    );
    expect(Array.from(read.all.amount)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(read.counts.linesMerged).toBe(0);
  });

  it('an order left out (its only line has no amount) followed by a lower Deal ID still files the later lines', () => {
    const read = facts(
      tab(['Deal ID', 'Customer ID', 'Amount', 'Date'], [
        ['#5', 'C1', null, '2024-01-01'],
        ['#3', 'C1', 4, '2024-01-01'],
        ['#3', 'C1', 1, '2024-01-02'],
      ]),
    );
    expect(Array.from(read.all.amount)).toEqual([5]);
    expect(messages(read)).toEqual(['2 Amount: deal has no amount; left out']);
  });

  it('a line without a quantity or with an unreadable one is reported and left out', () => {
    const read = facts(
      tab(['Deal ID', 'Customer ID', 'Quantity', 'Unit Price', 'Date'], [
        ['#1', 'C1', null, 2.5, '2024-01-01'],
        ['#2', 'C1', 'two', 2.5, '2024-01-01'],
        ['#3', 'C1', 2, 2.5, '2024-01-01'],
      ]),
    );
    expect(messages(read)).toEqual(['2 Quantity: line has a price but no quantity; left out', "3 Quantity: 'two' is not a number; left blank"]);
    expect(Array.from(read.all.amount)).toEqual([5]);
  });
});

describe('how many of the tab’s customer ids are known, when most match no one', () => {
  const unmatched = (read: DealFacts) => read.issues.find((issue) => issue.message.includes('match no customer'))?.message.split(':')[0];

  it('counts each customer found by id once', () => {
    const read = facts(tab(['Customer ID', 'Amount', 'Date'], [['C1', 1, '2024-01-01'], ['C1', 2, '2024-01-02'], ['Z1', 3, '2024-01-03'], ['Z2', 4, '2024-01-04'], ['Z3', 5, '2024-01-05']]));
    expect(unmatched(read)).toBe('3 of the 4 customer ids in Deals match no customer');
  });

  it('counts a customer found by e-mail once, and an e-mail that is the id of a customer not found by id', () => {
    const customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID', 'Email'], rows: [['C1', 'a@x.com'], ['b@x.com', 'b@x.com']] };
    const read = facts(
      tab(['Customer ID', 'Email', 'Amount', 'Date'], [
        [null, 'a@x.com', 1, '2024-01-01'],
        [null, 'a@x.com', 1, '2024-01-02'],
        [null, 'b@x.com', 2, '2024-01-02'],
        ['Z1', null, 3, '2024-01-03'],
        ['Z2', null, 4, '2024-01-04'],
        ['Z3', null, 4, '2024-01-04'],
      ]),
      customers,
    );
    expect(unmatched(read)).toBe('3 of the 5 customer ids in Deals match no customer');
  });
});
