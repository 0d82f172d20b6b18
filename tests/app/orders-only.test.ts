import { describe, expect, it } from 'vitest';
import { CannotRun } from '../../src/app/cannot-run.js';
import { rescore } from '../../src/app/rescore.js';
import { summarizeRescore } from '../../src/app/summary.js';
import { dayNumber } from '../../src/core/parse/days.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { fixedClock, memoryBook, memoryState } from './book-fixtures.js';

const AS_OF = dayNumber(2024, 12, 31);
const run = (tabs: Record<string, Cell[][]>) => {
  const workbook = memoryBook(tabs);
  const outcome = rescore({ workbook, state: memoryState(), clock: fixedClock, settings: defaultSettings, asOfDay: AS_OF });
  return { workbook, outcome, summary: summarizeRescore('score', AS_OF, null, outcome) };
};

describe('an orders-only book (a Deals tab and no Customers tab)', () => {
  const deals: Cell[][] = [
    ['Order ID', 'Customer ID', 'Customer Name', 'Email', 'Country', 'Amount', 'Order Date', 'Status'],
    ['O1', 'C1', 'Acme Ltd', 'old@acme.com', 'France', 100, '2024-01-05', 'paid'],
    ['O2', 'C2', 'Beta Inc', 'bo@beta.com', 'Spain', 50, '2024-02-05', 'paid'],
    ['O3', 'C1', 'ACME Ltd.', 'new@acme.com', null, 70, '2024-06-05', 'paid'],
    ['O0', 'C1', 'Acme (old)', 'oldest@acme.com', 'Italy', 10, '2023-01-05', 'refunded'],
    ['O4', '(blank)', null, null, null, 5, '2024-03-05', 'paid'],
    ['O5', null, 'Gamma GmbH', 'g@gamma.de', 'Germany', 30, '2024-04-05', 'paid'],
  ];

  it('is scored on a Customers tab made from the distinct customers of the deals, latest name, e-mail and country each', () => {
    const { workbook, summary } = run({ Deals: deals });
    const customers = workbook.readTable('Customers')!;
    expect(customers.header.slice(0, 4)).toEqual(['Customer ID', 'Name', 'Email', 'Country']);
    expect(customers.rows.map((r) => r.slice(0, 4))).toEqual([
      ['C1', 'ACME Ltd.', 'new@acme.com', 'France'],
      ['C2', 'Beta Inc', 'bo@beta.com', 'Spain'],
      ['g@gamma.de', 'Gamma GmbH', 'g@gamma.de', 'Germany'],
    ]);
    expect(summary.customers).toBe(3);
    expect(summary.customersDerived).toEqual({
      customers: 3,
      from: { id: 'Customer ID', name: 'Customer Name', email: 'Email', region: 'Country' },
      keyedBy: { id: 2, email: 1, phone: 0, name: 0 },
    });
    expect(summary.notes[0]).toBe(
      'No Customers tab: made it from the 3 distinct customers of Deals (Customer ID from Customer ID, Name from Customer Name, Email from Email, Region from Country).',
    );
    // The (blank) row is reported, never a customer.
    expect(summary.issues).toContainEqual(expect.objectContaining({ row: 6, value: '(blank)' }));
    expect(customers.header).toContain('TW Score');
  });

  it('gives each customer the deals it was made from: frequency and spend match the deals', () => {
    const { outcome } = run({ Deals: deals });
    expect(Array.from(outcome.scores.deals!.frequency)).toEqual([2, 1, 1]);
    expect(Array.from(outcome.scores.deals!.monetary)).toEqual([170, 50, 30]);
  });

  it('is left alone once it has a Customers tab: a second run reads the tab the first one made', () => {
    const first = run({ Deals: deals });
    const again = memoryBook({ Deals: deals, Customers: [first.workbook.readTable('Customers')!.header as Cell[], ...(first.workbook.readTable('Customers')!.rows as Cell[][])] });
    const outcome = rescore({ workbook: again, state: memoryState(), clock: fixedClock, settings: defaultSettings, asOfDay: AS_OF });
    expect(outcome.scores.customersDerived).toBeNull();
    expect(Array.from(outcome.scores.deals!.frequency)).toEqual([2, 1, 1]);
    expect(outcome.issues.filter((i) => /no customer with this/.test(i.message))).toEqual([]);
  });

  it('refuses a book with neither tab, naming the tabs a book needs', () => {
    expect(() => run({ Reps: [['Name'], ['Ann']] })).toThrow(CannotRun);
    expect(() => run({ Reps: [['Name'], ['Ann']] })).toThrow(/neither a Customers nor a Deals tab: it needs Deals \(one row per deal or order, with its customer\)/);
  });

  it('refuses a Deals tab that names no customer in any way, saying what it looked for', () => {
    expect(() => run({ Deals: [['Amount', 'Date'], [1, '2024-01-01']] })).toThrow(/no Customers tab, and it could not be made from Deals: Deals has no column for Customer ID/);
  });
});
