import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2011, 12, 10);

function run(header: Cell[], deals: Cell[][]) {
  const customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: [['17850'], ['13047']] };
  const result = scoreBook({ customers, deals: { tab: 'Deals', headerRow: 1, header, rows: deals }, settings: defaultSettings, asOfDay: AS_OF });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.result;
}

describe('line items become orders', () => {
  it('lines sharing an invoice number are one order: amounts add up, it counts once, on its earliest line date, and the run says so', () => {
    const book = run(
      ['InvoiceNo', 'Customer ID', 'Amount', 'Date'],
      [
        ['536365', '17850', 15.3, '2010-12-01'],
        ['536365', '17850', 20.34, '2010-11-30'],
        ['536366', '17850', 11.1, '2010-12-05'],
        ['536367', '13047', 54.08, '2010-12-01'],
        ['536365', '17850', 22, '2010-12-01'],
      ],
    );
    expect(Array.from(book.deals!.frequency)).toEqual([2, 1]);
    expect(book.deals!.monetary[0]).toBeCloseTo(68.74, 6);
    expect(Array.from(book.deals!.won.day.subarray(0, 1))).toEqual([dayNumber(2010, 11, 30)]);
    expect(book.deals!.won.amount[0]).toBeCloseTo(57.64, 6);
    expect(book.deals!.counts).toMatchObject({ linesMerged: 2, ordersMerged: 1 });
    expect(book.notes).toContain("3 lines sharing a Deal ID were merged into 1 orders: each order counts once, on its earliest line's date.");
  });

  it('newest-first invoice numbers with an order’s lines apart are merged the same way', () => {
    const book = run(
      ['InvoiceNo', 'Customer ID', 'Amount', 'Date'],
      [
        ['536367', '13047', 54.08, '2010-12-01'],
        ['536366', '17850', 11.1, '2010-12-05'],
        ['536367', '13047', 6, '2010-12-02'],
        ['536365', '17850', 15.3, '2010-12-01'],
        ['536366', '17850', 1, '2010-12-04'],
        ['536368', '13047', 7, '2010-12-06'],
        ['536365', '17850', 20.34, '2010-11-30'],
      ],
    );
    expect(Array.from(book.deals!.frequency)).toEqual([2, 2]);
    expect(book.deals!.monetary[0]).toBeCloseTo(11.1 + 1 + 15.3 + 20.34, 6);
    expect(book.deals!.monetary[1]).toBeCloseTo(54.08 + 6 + 7, 6);
    expect(book.deals!.counts).toMatchObject({ linesMerged: 3, ordersMerged: 3 });
  });

  it('an order whose first line was left out is an order of its own, not a line of the order before it', () => {
    const book = run(
      ['InvoiceNo', 'Customer ID', 'Amount', 'Date'],
      [
        ['536365', '17850', 15.3, '2010-12-01'],
        ['536366', '17850', null, '2010-12-02'],
        ['536366', '17850', 20, '2010-12-02'],
      ],
    );
    expect(Array.from(book.deals!.frequency)).toEqual([2, NaN]);
    expect(book.deals!.counts).toMatchObject({ linesMerged: 0, ordersMerged: 0 });
  });

  it('with no amount column, a line is worth quantity × unit price', () => {
    const book = run(
      ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'],
      [
        ['536365', '85123A', 6, '12/1/2010 8:26', 2.55, 17850],
        ['536365', '71053', 6, '12/1/2010 8:26', 3.39, 17850],
        ['C536379', 'D', -1, '12/1/2010 9:41', 27.5, 13047],
        ['536380', '22961', 24, '12/1/2010 9:41', 1.45, 13047],
      ],
    );
    expect(book.deals!.netSpend[0]).toBeCloseTo(35.64, 6);
    expect(book.deals!.netSpend[1]).toBeCloseTo(34.8 - 27.5, 6);
    expect(Array.from(book.deals!.frequency)).toEqual([1, 1]);
    expect(book.deals!.counts.refunds).toBe(1);
  });
});
