import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2011, 12, 10);

function run(customerIds: Cell[], deals: Cell[][], header: Cell[] = ['Customer ID', 'Amount', 'Date', 'Status']) {
  const customers: Table = { tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: customerIds.map((id) => [id]) };
  const result = scoreBook({ customers, deals: { tab: 'Deals', headerRow: 1, header, rows: deals }, settings: defaultSettings, asOfDay: AS_OF });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.result;
}

/** Enough repeat buyers around the refunded customer for the BG/NBD fit to run. */
function buyers(count: number): { ids: string[]; deals: Cell[][] } {
  const ids: string[] = [];
  const deals: Cell[][] = [];
  for (let c = 0; c < count; c++) {
    ids.push(`B${c}`);
    for (let p = 0; p <= c % 4; p++) deals.push([`B${c}`, 100 + c, `2011-0${1 + ((c + p * 3) % 9)}-1${p}`, 'paid']);
  }
  return { ids, deals };
}

describe('refunds and cancellations are not purchases', () => {
  it('a customer whose only row is a −4,287.63 refund is not a buyer: no frequency, no P(alive), no CLV, its net shown', () => {
    const { ids, deals } = buyers(40);
    const book = run(['R1', ...ids], [['R1', -4287.63, '2011-06-01'], ...deals.map((d) => d.slice(0, 3))], ['Customer ID', 'Amount', 'Date']);
    const deal = book.deals!;
    expect(deal.frequency[0]).toBeNaN();
    expect(deal.recencyDays[0]).toBeNaN();
    expect(deal.netSpend[0]).toBeCloseTo(-4287.63, 2);
    expect(book.rfm!.segments[0]).toBe('No purchases');
    expect(book.clv!.pAlive[0]).toBeNaN();
    expect(book.clv!.clv[0]).toBeNaN();
    expect(deal.counts).toMatchObject({ refunds: 1, netSpendAtOrBelowZero: 1 });
  });

  it('a refund lowers spend but not frequency or recency; net spend scores floored at 0 and shows as it is', () => {
    const book = run(
      ['C1', 'C2'],
      [
        ['C1', 500, '2011-03-01', 'paid'],
        ['C1', -200, '2011-11-01', 'paid'],
        ['C2', 100, '2011-02-01', 'paid'],
        ['C2', -300, '2011-04-01', 'paid'],
      ],
      ['Customer ID', 'Amount', 'Date', 'Status'],
    );
    const deal = book.deals!;
    expect(Array.from(deal.frequency)).toEqual([1, 1]);
    expect(deal.lastWonDay[0]).toBe(dayNumber(2011, 3, 1));
    expect(Array.from(deal.netSpend)).toEqual([300, -200]);
    expect(Array.from(deal.monetary)).toEqual([300, 0]);
    expect(deal.won.customer.length).toBe(2);
  });

  it.each([
    ['refunded'], ['partially_refunded'], ['voided'], ['Returned'], ['cancelled'], ['Closed Lost'], ['closedlost'], ['failed'],
    ['退款'], ['已退款'], ['退货'], ['交易关闭'], ['已取消'], ['付款失败'],
  ])('a row with the status %s is not a purchase', (status) => {
    const book = run(['C1'], [['C1', 120, '2011-05-01', 'paid'], ['C1', 80, '2011-09-01', status]]);
    expect(book.deals!.frequency[0]).toBe(1);
    expect(book.deals!.lastWonDay[0]).toBe(dayNumber(2011, 5, 1));
    expect(book.deals!.netSpend[0]).toBe(120);
  });

  it('counts the refunds and the customers left at or below 0 in the issues list', () => {
    const book = run(['C1', 'C2'], [['C1', 50, '2011-01-05', 'paid'], ['C1', -50, '2011-01-09', 'paid'], ['C2', 70, '2011-02-01', 'refunded']]);
    const messages = book.issues.map((issue) => issue.message);
    expect(messages).toContain("2 rows are refunds (negative amount or a refunded / returned / voided status): not purchases; negative amounts reduce the customer's spend");
    expect(messages).toContain('2 customers have net spend of 0 or less after refunds: scored as spending 0, the net shown in TW Monetary');
  });
});
