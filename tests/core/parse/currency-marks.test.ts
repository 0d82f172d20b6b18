import { describe, expect, it } from 'vitest';
import { type Currency, parseMoney } from '../../../src/core/parse/numbers.js';

// Amounts in two currencies are never added up: a column's cells in a currency other than
// most of its cells' are left out with an issue (amount-column.ts). So a mark read as the
// wrong currency, or not read at all, drops or wrongly keeps a customer's spend.

const dot = { decimalSeparator: '.' } as const;

/** Each cell beside the amount and currency it reads as, so a failure names the cell. */
function expectMoney(cases: readonly (readonly [cell: string, value: number, currency: Currency, mark: string])[]): void {
  expect(cases.map(([cell]) => [cell, parseMoney(cell, dot)])).toEqual(cases.map(([cell, value, currency, mark]) => [cell, { value, currency, mark }]));
}

describe('currency marks', () => {
  it('reads each ISO code before or after the amount', () => {
    expectMoney([
      ['CNY 1,200', 1200, 'CNY', 'CNY'], ['1,200 CNY', 1200, 'CNY', 'CNY'],
      ['USD 1,200', 1200, 'USD', 'USD'], ['1,200 USD', 1200, 'USD', 'USD'],
      ['EUR 1,200', 1200, 'EUR', 'EUR'], ['1,200 EUR', 1200, 'EUR', 'EUR'],
      ['GBP 1,200', 1200, 'GBP', 'GBP'], ['1,200 GBP', 1200, 'GBP', 'GBP'],
      ['INR 1,200', 1200, 'INR', 'INR'], ['1,200 INR', 1200, 'INR', 'INR'],
      ['JPY 1,200', 1200, 'JPY', 'JPY'], ['1,200 JPY', 1200, 'JPY', 'JPY'],
      ['HKD 1,200', 1200, 'HKD', 'HKD'], ['1,200 HKD', 1200, 'HKD', 'HKD'],
    ]);
  });

  it('reads RMB, before or after, as yuan', () => {
    expectMoney([['RMB 88.80', 88.8, 'CNY', 'RMB'], ['88.80 RMB', 88.8, 'CNY', 'RMB'], ['rmb88.80', 88.8, 'CNY', 'rmb']]);
  });

  it('reads US$ as US dollars and HK$ as Hong Kong dollars, not as $ with letters in front', () => {
    expectMoney([['US$5', 5, 'USD', 'US$'], ['us$ 5', 5, 'USD', 'us$'], ['5 US$', 5, 'USD', 'US$'], ['HK$5', 5, 'HKD', 'HK$'], ['5 HK$', 5, 'HKD', 'HK$']]);
  });

  it('reads each currency sign before the amount', () => {
    expectMoney([
      ['¥1,234.50', 1234.5, 'CNY', '¥'], ['$1,234.50', 1234.5, 'USD', '$'], ['€1,234.50', 1234.5, 'EUR', '€'],
      ['£1,234.50', 1234.5, 'GBP', '£'], ['₹1,234.50', 1234.5, 'INR', '₹'],
    ]);
  });

  it('reads a sign written after the amount, as 元 and 円 are', () => {
    expectMoney([['1,234.50元', 1234.5, 'CNY', '元'], ['1,234 円', 1234, 'JPY', '円'], ['1,234.50 €', 1234.5, 'EUR', '€'], ['1,234.50 ¥', 1234.5, 'CNY', '¥']]);
  });

  it('reads the full-width ￥ and ＄ of a Chinese input method as ¥ and $', () => {
    expectMoney([['￥1,234.50', 1234.5, 'CNY', '¥'], ['＄1,234.50', 1234.5, 'USD', '$'], ['1,234.50￥', 1234.5, 'CNY', '¥']]);
  });
});

describe('scale suffixes with a currency', () => {
  it('scales an amount by 千, 万/萬 and 亿/億 and keeps its currency', () => {
    expectMoney([
      ['¥3千', 3000, 'CNY', '¥'], ['1.2万元', 12000, 'CNY', '元'], ['HK$5萬', 50000, 'HKD', 'HK$'],
      ['RMB 2亿', 200000000, 'CNY', 'RMB'], ['1.5億 HKD', 150000000, 'HKD', 'HKD'],
    ]);
  });

  it('reads a percentage as a fraction with no currency', () => {
    expect(parseMoney('12.5%', dot)).toEqual({ value: 0.125, currency: null, mark: '' });
  });
});
