import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2026, 6, 30);
const table = (tab: string, [header, ...rows]: Cell[][]): Table => ({ tab, header, rows, headerRow: 1 });

function score(customers: Cell[][], deals: Cell[][] | null) {
  const run = scoreBook({ customers: table('Customers', customers), deals: deals && table('Deals', deals), settings: defaultSettings, asOfDay: AS_OF });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

const customers: Cell[][] = [['Customer ID', 'Historical Revenue'], ['C1', 100], ['C2', 300]];
// Two of the default dimensions, so the Customers tab (not the deals) carries the score.
const customersScoredOnTheirOwn: Cell[][] = [['Customer ID', 'Historical Revenue', 'Strategic Value'], ['C1', 100, 3], ['C2', 300, 5]];

describe('what a rescore says about the book it read', () => {
  it('says when there is no Deals tab, and scores anyway', () => {
    const book = score(customers, null);
    expect(book.notes).toContain('No Deals tab: RFM and CLV were not computed.');
    expect(Array.from(book.scores)).toEqual([0, 100]);
  });

  it('says that every deal counts as won when Deals has no Stage column, and not when it has one', () => {
    const deals = [['Customer ID', 'Amount', 'Date'], ['C1', 10, '2026-01-05']];
    expect(score(customers, deals).notes).toContain('Deals has no Stage column: every deal counts as won.');
    const staged = [['Customer ID', 'Amount', 'Date', 'Stage'], ['C1', 10, '2026-01-05', 'Won']];
    expect(score(customers, staged).notes.join(' ')).not.toMatch(/Stage/);
  });

  it('counts the won deals dated after the as-of date it left out, and says nothing when there are none', () => {
    const deals = [['Customer ID', 'Amount', 'Date'], ['C1', 10, '2026-01-05'], ['C2', 20, '2026-07-01']];
    expect(score(customers, deals).notes).toContain('1 won deals dated after the as-of date were left out.');
    expect(score(customers, deals.slice(0, 2)).notes.join(' ')).not.toMatch(/after the as-of date/);
  });

  it('names no key column and no merged lines when every deal has its own Customer ID and no Deal ID repeats', () => {
    const deals = [['Deal ID', 'Customer ID', 'Amount', 'Date'], ['D1', 'C1', 10, '2026-01-05'], ['D2', 'C2', 20, '2026-02-05']];
    expect(score(customersScoredOnTheirOwn, deals).notes).toEqual(['Deals has no Stage column: every deal counts as won.', expect.stringMatching(/^CLV: /), expect.stringMatching(/^Not scored on \(no column\)/)]);
  });

  it('says Deals could not be read, and scores on the Customers tab alone', () => {
    const book = score(customers, [['Foo', 'Bar'], [1, 2]]);
    expect(book.notes).toContain('Deals could not be read (see issues): RFM and CLV were not computed.');
    expect(book.issues.map((i) => `${i.tab}!${i.column}`)).toEqual(['Deals!Customer ID', 'Deals!Amount', 'Deals!Date']);
    expect([book.rfm, book.clv]).toEqual([null, null]);
  });

  it('gives the reason the CLV model fell back, and lists the dimensions without a column', () => {
    const book = score(customersScoredOnTheirOwn, [['Customer ID', 'Amount', 'Date'], ['C1', 10, '2026-01-05']]);
    expect(book.notes).toContain('CLV: Only 1 customers have a won deal on or before the as-of date; fitting the model needs at least 30.');
    expect(book.notes).toContain('Not scored on (no column): growth potential, years as customer, renewal rate, payment days, overdue amount, service cost.');
    expect(book.dimensionsUsed.map((d) => d.key)).toEqual(['revenue', 'strategic']);
  });

  it('lists issues tab by tab, Customers first, top to bottom, including a bad Last Activity date', () => {
    const book = score(
      [['Customer ID', 'Historical Revenue', 'Last Activity'], ['C1', 100, '2026-01-01'], ['C2', 'lots', 'yesterday'], ['C3', 50, '2026-02-30']],
      [['Customer ID', 'Amount', 'Date'], ['C1', 10, '2026-01-01'], ['C2', 20, 'soon']],
    );
    expect(book.issues.map((i) => `${i.tab} ${i.row} ${i.column}`).sort()).toEqual(['Customers 3 Historical Revenue', 'Customers 3 Last Activity', 'Customers 4 Last Activity', 'Deals 3 Date']);
    expect(book.issues.map((i) => `${i.tab} ${i.row}`)).toEqual(['Customers 3', 'Customers 3', 'Customers 4', 'Deals 3']);
    expect(book.issues[2].message).toBe("'2026-02-30' is not a real date (February 2026 has 28 days); left blank");
  });
});
