import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CurrencySink, type DecimalSeparator, readAmount, readAmountAt } from '../../../src/core/parse/numbers.js';
import { type PlacedCell, inPlaceColumn } from './in-place-cells.js';

// A million-deal CSV reads its amounts where the file's text holds them (readAmountAt),
// without a string per cell. Whatever the cell, it must give what readAmount gives for it,
// and leave the column's currency sink as readAmount leaves it: the deals pass reads the
// sink to tell a ¥ column from a $ one.

const dot = { decimalSeparator: '.' } as const;

function readBoth(cells: ReturnType<typeof inPlaceColumn>, row: number, decimalSeparator: DecimalSeparator) {
  const options = { decimalSeparator };
  // Sinks that an earlier cell of the column left holding a currency.
  const inPlace: CurrencySink = { currency: 'USD', mark: '$' };
  const general: CurrencySink = { currency: 'USD', mark: '$' };
  return {
    inPlace: [readAmountAt(cells, row, 0, options, inPlace), inPlace],
    general: [readAmount(cells.cell(row, 0), options, general), general],
  };
}

describe('readAmountAt', () => {
  it('reads a plain number where the text holds it, and clears the currency a cell before left', () => {
    const plain: [string, number][] = [['1234.5', 1234.5], ['-12.50', -12.5], ['007', 7], ['.5', 0.5], ['12.', 12], ['999999999999999', 999999999999999], ['-0', 0]];
    const cells = inPlaceColumn(
      plain.map(([text]) => text),
      ['', '9', '', '.', '-', '1', ','],
    );
    plain.forEach(([text, value], row) => {
      const sink: CurrencySink = { currency: 'CNY', mark: '¥' };
      expect([text, readAmountAt(cells, row, 0, dot, sink), sink]).toEqual([text, value, { currency: null, mark: '' }]);
    });
  });

  it('reads every other cell as readAmount does: currencies, refusals, numbers too large or too long to read in place', () => {
    const others: PlacedCell[] = [
      '$5', '5 元', 'abc', '-', '1..5', '1.2.3', '1,234', '1e3', '9.999999999999999', '1000000000000001', '9999999999999999', '-0.0000000000000001',
      { quoted: '12' }, 12, null, '', true,
    ];
    const cells = inPlaceColumn(others, others.map(() => '7'));
    others.forEach((cell, row) => {
      const { inPlace, general } = readBoth(cells, row, '.');
      expect([cell, ...inPlace]).toEqual([cell, ...general]);
    });
  });

  it('gives what readAmount gives for any text near a plain number, wherever it lies (property)', () => {
    const nearPlain = fc
      .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom('.', ',', '-', ' ', 'e', '$') }), { maxLength: 19 })
      .map((chars) => chars.join(''));
    const filler = fc.constantFrom('', ',', '0', '9', '.', '-', ' ');
    fc.assert(
      fc.property(fc.array(fc.tuple(nearPlain, filler), { minLength: 1, maxLength: 6 }), fc.constantFrom<DecimalSeparator>('.', ','), (placed, separator) => {
        const cells = inPlaceColumn(
          placed.map(([text]) => text),
          placed.map(([, before]) => before),
        );
        placed.forEach(([text], row) => {
          const { inPlace, general } = readBoth(cells, row, separator);
          expect([text, ...inPlace]).toEqual([text, ...general]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
