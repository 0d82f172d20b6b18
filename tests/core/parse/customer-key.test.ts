import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerKey, isOwnKey } from '../../../src/core/parse/customer-key.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2011, 12, 10);

function run(customerIds: Cell[], deals: Cell[][]) {
  const customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: customerIds.map((id) => [id]) };
  const result = scoreBook({ customers, deals: { tab: 'Deals', headerRow: 1, header: ['Customer ID', 'Amount', 'Date'], rows: deals }, settings: defaultSettings, asOfDay: AS_OF });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.result;
}

describe('customer ids match as people mean them', () => {
  it.each([['12923.0'], ['12923'], [' 12923 '], ['１２９２３'], [12923], ['12923.00']])('%j is the id 12923', (written) => {
    expect(customerKey(written)).toBe('12923');
  });

  it('keeps ids that only look alike apart: decimals that are not zero, leading zeros, letters', () => {
    expect(new Set(['12923.5', '012923', 'C12923', '12923.0.0'].map(customerKey)).size).toBe(4);
  });

  it.each([['(blank)'], ['N/A'], ['n/a'], ['-'], ['null'], ['none'], ['#N/A'], ['未知'], [''], ['  '], [null]])('%j is a missing id', (written) => {
    expect(customerKey(written)).toBe('');
  });

  it('an integer written with .0 is the same id as the integer, for any integer', () => {
    fc.assert(fc.property(fc.nat(), (n) => customerKey(`${n}.0`) === customerKey(String(n)) && customerKey(` ${n} `) === String(n)));
  });

  it('gives a key back as it is, so a deal id written as a customer\'s key names that customer (property)', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme-composite', maxLength: 4 }), fc.constantFrom(' ', '\u3000', '\u00a0', '.', '.0', '0', '１', '¨', '\u0308', '(blank)', 'N/A', 'ｎ/ａ', '12923', 'ﬁ'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const key = customerKey(pieces.join(''));
        expect(customerKey(key)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('an id read where it is written (isOwnKey) is only ever one customerKey leaves as it is (property)', () => {
    // Ids and the texts around them that customerKey changes: spaces, dots, placeholders, case, full-width and accented forms.
    const piece = fc.constantFrom('C', 'c', '0', '7', '12923', '.', '.0', '12923.0', '1.00', ' ', '\t', '\u3000', '\u00a0', '-', 'N/A', 'n/a', '(blank)', 'null', 'none', '未知', '１', 'Ｃ', 'é', 'e\u0301', 'ﬁ', 'ORDER', '#');
    const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, text, text, (before, id, after) => {
        const written = before + id + after;
        if (isOwnKey(written, before.length, before.length + id.length)) expect(customerKey(id)).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([['C000192'], ['D0000001'], ['12923'], ['ORDER-2024-117']])('%j is read where it is written', (id) => {
    expect(isOwnKey(`,${id},`, 1, id.length + 1)).toBe(true);
  });

  it('deals whose ids a spreadsheet turned into 12923.0 find the customer 12923, who keeps the id as written', () => {
    const book = run(['12923', '12924'], [['12923.0', 100, '2011-01-04'], [12924, 50, '2011-02-01'], ['１２９２３', 10, '2011-03-01']]);
    expect(Array.from(book.deals!.frequency)).toEqual([2, 1]);
    expect(book.customers.ids).toEqual(['12923', '12924']);
    expect(book.issues.filter((issue) => issue.tab === 'Deals')).toEqual([]);
  });

  it('a (blank) customer id is reported once with its row count and never scored', () => {
    const book = run(['(blank)', '1'], [['(blank)', 1_700_000, '2011-01-04'], ['(blank)', 5, '2011-01-05'], ['1', 10, '2011-01-05'], ['N/A', 3, '2011-01-06']]);
    expect(book.customers.ids).toEqual(['1']);
    expect(book.issues).toEqual(
      expect.arrayContaining([
        { tab: 'Customers', row: 2, column: 'Customer ID', value: '(blank)', message: "'(blank)' is a placeholder, not a Customer ID; not scored" },
        { tab: 'Deals', row: 2, column: 'Customer ID', value: '(blank)', message: "'(blank)' is a placeholder, not a Customer ID (2 rows from here on); left out" },
        { tab: 'Deals', row: 5, column: 'Customer ID', value: 'N/A', message: "'N/A' is a placeholder, not a Customer ID (this row); left out" },
      ]),
    );
    expect(book.deals!.counts.missingIds).toBe(3);
  });

  it('when most deal ids match no customer, says what the two columns look like', () => {
    const book = run(['C-0001', 'C-0002'], [['1', 10, '2011-01-04'], ['2', 10, '2011-01-04'], ['3', 10, '2011-01-04']]);
    expect(book.issues).toContainEqual({
      tab: 'Deals',
      row: 0,
      column: 'Customer ID',
      value: '1',
      message: '3 of the 3 customer ids in Deals match no customer: Deals ids look like `1`, `2`, Customers ids like `C-0001`, `C-0002`',
    });
  });
});
