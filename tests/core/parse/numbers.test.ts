import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING } from '../../../src/core/parse/failure.js';
import { parseMoney, parseNumber } from '../../../src/core/parse/numbers.js';

const dot = { decimalSeparator: '.' } as const;
const comma = { decimalSeparator: ',' } as const;

describe('parseNumber', () => {
  it.each([
    ['1234.56', 1234.56],
    ['-1234.56', -1234.56],
    ['0', 0],
    ['.5', 0.5],
    ['007', 7],
    [' 42 ', 42],
    ['+42', 42],
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['$1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['€ 99', 99],
    ['£5', 5],
    ['₹1,23,456', 123456],
    ['RMB 1,000', 1000],
    ['1000 CNY', 1000],
    ['usd 12.5', 12.5],
    ['1234元', 1234],
    ['(1,234)', -1234],
    ['($1,234.50)', -1234.5],
    ['-$1,234', -1234],
    ['$-1,234', -1234],
    ['−7', -7],
    ['12%', 0.12],
    ['12.5%', 0.125],
    ['-3%', -0.03],
    ['1.2万', 12000],
    ['1.1万', 11000],
    ['3亿', 300000000],
    ['2千', 2000],
    ['1.5萬', 15000],
    ['2億', 200000000],
    ['1.2万元', 12000],
    ['¥3.5万', 35000],
    ['１２３４．５', 1234.5],
    ['1 234.5', 1234.5],
    ["1'234.50", 1234.5],
    ['1.5E+06', 1500000],
    ['2e-3', 0.002],
  ])('reads %s as %s', (text, value) => {
    expect(parseNumber(text, dot)).toBe(value);
  });

  it.each([
    ['1 234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    ['1.234.567,89', 1234567.89],
    ['€1.234,50', 1234.5],
    ['1234,56', 1234.56],
    ['-0,5', -0.5],
  ])('reads %s as %s when the decimal separator is a comma', (text, value) => {
    expect(parseNumber(text, comma)).toBe(value);
  });

  it('reads number cells as they are', () => {
    expect(parseNumber(1234.5, dot)).toBe(1234.5);
    expect(parseNumber(-0.25, comma)).toBe(-0.25);
  });

  it('treats blank cells as missing, not as zero', () => {
    for (const cell of [null, '', '   ', '\u3000']) expect(parseNumber(cell, dot)).toBe(MISSING);
  });

  it.each([
    ['abc', "'abc' is not a number"],
    ['1,5', "'1,5' is not a number"],
    ['12,34.5', "'12,34.5' is not a number"],
    ['1.2.3', "'1.2.3' is not a number"],
    ['-', "'-' is not a number"],
    ['--5', "'--5' is not a number"],
    ['-(5)', "'-(5)' is not a number"],
    ['1e999', "'1e999' is not a number"],
    ['0x10', "'0x10' is not a number"],
    ['Infinity', "'Infinity' is not a number"],
    ['$5 EUR', "'$5 EUR' names two currencies, $ and EUR"],
    ['#N/A', 'error value #N/A'],
    ['#REF!', 'error value #REF!'],
    ['#DIV/0!', 'error value #DIV/0!'],
    ['#value!', 'error value #VALUE!'],
  ])('refuses %s: %s', (text, message) => {
    expect(parseNumber(text, dot)).toEqual({ kind: 'invalid', message });
  });

  it('refuses 1234.56 when the decimal separator is a comma rather than misreading it', () => {
    expect(parseNumber('1234.56', comma)).toEqual({ kind: 'invalid', message: "'1234.56' is not a number" });
  });

  it('does not take yes/no or date cells for numbers', () => {
    expect(parseNumber(true, dot)).toEqual({ kind: 'invalid', message: 'TRUE is a yes/no value, not a number' });
    expect(parseNumber(new Date(Date.UTC(2024, 2, 5)), dot)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('is a date, not a number') });
    expect(parseNumber(Number.NaN, dot)).toMatchObject({ kind: 'invalid' });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(dot, comma), (text, options) => {
        const result = parseNumber(text, options);
        return typeof result === 'number' ? Number.isFinite(result) : result.kind === 'missing' || result.message.length > 0;
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Number() on every plain decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        expect(parseNumber(text, dot)).toBe(Number(text));
      }),
    );
  });
});

/** Writes an amount the way a person might: currency before or after, grouped thousands, accounting negatives. */
function written(cents: number, decimal: '.' | ',', group: string, mark: string, markAfter: boolean, accounting: boolean): string {
  const negative = cents < 0;
  const [whole, fraction] = (Math.abs(cents) / 100).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = `${grouped}${decimal}${fraction}`;
  const withMark = markAfter ? `${body} ${mark}` : `${mark}${body}`;
  if (!negative) return withMark;
  return accounting ? `(${withMark})` : `-${withMark}`;
}

describe('parseMoney', () => {
  it('says which currency a cell was written in', () => {
    expect(parseMoney('¥1,234.50', dot)).toEqual({ value: 1234.5, currency: 'CNY', mark: '¥' });
    expect(parseMoney('RMB 5', dot)).toEqual({ value: 5, currency: 'CNY', mark: 'RMB' });
    expect(parseMoney('$5', dot)).toEqual({ value: 5, currency: 'USD', mark: '$' });
    expect(parseMoney('5 eur', dot)).toEqual({ value: 5, currency: 'EUR', mark: 'eur' });
    expect(parseMoney('5', dot)).toEqual({ value: 5, currency: null, mark: '' });
    expect(parseMoney('', dot)).toBe(MISSING);
  });

  it('reads back any amount written with a currency, grouping and sign', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom(
          { decimal: '.' as const, group: ',' },
          { decimal: '.' as const, group: ' ' },
          { decimal: '.' as const, group: '' },
          { decimal: ',' as const, group: '.' },
          { decimal: ',' as const, group: ' ' },
        ),
        fc.constantFrom(['¥', 'CNY'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['RMB', 'CNY'], ['USD', 'USD'], ['￥', 'CNY']),
        fc.boolean(),
        fc.boolean(),
        (cents, style, [mark, currency], markAfter, accounting) => {
          const text = written(cents, style.decimal, style.group, mark, markAfter, accounting);
          const money = parseMoney(text, { decimalSeparator: style.decimal });
          expect(money).toEqual({ value: cents / 100, currency, mark: expect.any(String) });
        },
      ),
    );
  });
});
