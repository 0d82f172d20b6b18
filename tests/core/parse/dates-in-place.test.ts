import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDayAt, parseDate, parseDateAt } from '../../../src/core/parse/dates.js';
import { dayNumber, daysInMonth } from '../../../src/core/parse/days.js';
import { type PlacedCell, inPlaceColumn } from './in-place-cells.js';

// A million-deal CSV reads its dates where the file's text holds them (isoDayAt), without a
// string per cell. That reader must give the day the general parser gives for an ISO day,
// and give up (NaN) on any other cell so the general parser reads it: a wrong day there
// would move a customer's recency with no message.

const mdy = { dateOrder: 'mdy' } as const;

/** The shape read in place: YYYY-MM-DD with `-`, `/` or `.`, then nothing or T or a space and a digit (the time). */
const IN_PLACE = /^(\d{4})([-/.])(\d{2})\2(\d{2})(?:[T ]\d.*)?$/s;

function readInPlace(text: string): number {
  const match = IN_PLACE.exec(text);
  if (!match) return NaN;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? dayNumber(year, month, day) : NaN;
}

describe('isoDayAt', () => {
  it('reads an ISO day in place, with -, / or ., with or without a time after T or a space, wherever the cell starts', () => {
    const days: [string, number][] = [
      ['2024-03-05', dayNumber(2024, 3, 5)],
      ['2024/03/05 10:00', dayNumber(2024, 3, 5)],
      ['2024.12.31T23:59:59', dayNumber(2024, 12, 31)],
      ['2019-09-29T09:15', dayNumber(2019, 9, 29)],
      ['2024-01-01 0', dayNumber(2024, 1, 1)],
      ['2024-02-29', dayNumber(2024, 2, 29)],
      ['1987-11-30', dayNumber(1987, 11, 30)],
      ['0000-01-01', dayNumber(0, 1, 1)],
    ];
    // The first cell at the very start of the text, the others after a delimiter, a digit or nothing.
    const cells = inPlaceColumn(
      days.map(([text]) => text),
      ['', ',', '7', '', ';', '0', '\n', 'T'],
    );
    expect(days.map(([text], row) => [text, isoDayAt(cells, row, 0)])).toEqual(days);
    expect(days.map(([text], row) => [text, parseDateAt(cells, row, 0, mdy)])).toEqual(days);
    expect(days.map(([text]) => [text, parseDate(text, mdy)])).toEqual(days);
  });

  it('gives up on every other cell, which the general parser then reads', () => {
    const others: PlacedCell[] = [
      '2024-3-5', '2024/3/5', '20240305', '3/5/2024', '5 Mar 2024', '2024-03-0', '2024-03-05 ', '2024-03-05T',
      '2024-03-05X', '2024-03-05Tx', '2024-03-05X1', '2024x03x05', '2024-03/05', '2024_03_05',
      '2024-13-01', '2024-00-05', '2024-02-30', '2023-02-29', '2024-03-00', '2024-03-32',
      'x024-03-05', '2024-0x-05', '2024-03-0x', '2O24-03-05',
      { quoted: '2024-03-05' }, 45356, 20240305, new Date(Date.UTC(2024, 2, 5)), true, null, '',
    ];
    // Back to back, each after a digit: a reader that strays past its cell reads a digit.
    const cells = inPlaceColumn(others, others.map(() => '1'));
    others.forEach((cell, row) => {
      expect([cell, isoDayAt(cells, row, 0)]).toEqual([cell, NaN]);
      expect([cell, parseDateAt(cells, row, 0, mdy)]).toEqual([cell, parseDate(cells.cell(row, 0), mdy)]);
    });
  });

  it('refuses a date with a time that is not one, rather than dropping what follows the day', () => {
    for (const text of ['2024-03-05Tx', '2024-03-05X1', '2024-03-05T']) {
      expect(parseDate(text, mdy)).toEqual({ kind: 'invalid', message: `'${text}' is not a date` });
    }
  });

  it('gives what parseDate gives for any text near an ISO day, wherever it lies (property)', () => {
    const digitOr = (other: string) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constant(other) });
    const digits = (count: number, other: string) => fc.array(digitOr(other), { minLength: count, maxLength: count }).map((d) => d.join(''));
    const nearIso = fc
      .record({
        year: fc.oneof(fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')), digits(4, 'x')),
        month: fc.oneof(fc.integer({ min: 0, max: 13 }).map((m) => String(m).padStart(2, '0')), digits(2, 'o')),
        day: fc.oneof(fc.integer({ min: 0, max: 32 }).map((d) => String(d).padStart(2, '0')), digits(2, 'l')),
        separators: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('--', '//', '..') }, { weight: 1, arbitrary: fc.constantFrom('-/', '__', 'xx', '  ', '-.') }),
        time: fc.constantFrom('', 'T', ' ', 'T1', ' 1', 'T0', 'Tx', 'X1', 'T10:00', ' 09:30:00', ' 9', 'T9', ' x', '1'),
        cut: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ year, month, day, separators, time, cut }) => {
        const text = `${year}${separators[0]}${month}${separators[1]}${day}${time}`;
        // Now and then one to three characters short, so 7- to 12-character texts come up.
        return cut > 0 && time === '' ? text.slice(0, -cut) : text;
      });
    const filler = fc.constantFrom('', ',', '0', '5', '-', 'T', ' ', ':1');
    fc.assert(
      fc.property(fc.array(fc.tuple(nearIso, filler), { minLength: 1, maxLength: 6 }), (placed) => {
        const cells = inPlaceColumn(
          placed.map(([text]) => text),
          placed.map(([, before]) => before),
        );
        placed.forEach(([text], row) => {
          expect([text, isoDayAt(cells, row, 0)]).toEqual([text, readInPlace(text)]);
          expect([text, parseDateAt(cells, row, 0, mdy)]).toEqual([text, parseDate(text, mdy)]);
          if (!Number.isNaN(readInPlace(text))) expect([text, parseDate(text, mdy)]).toEqual([text, readInPlace(text)]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
