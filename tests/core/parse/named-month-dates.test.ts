import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/parse/dates.js';
import { dayNumber } from '../../../src/core/parse/days.js';

// A date written with a month name holds one month, one day and one four-digit year. A text
// with more than that, or less, is refused with a message that says which: a guessed part
// would put the deal on some other day.

const mdy = { dateOrder: 'mdy' } as const;

/** Each text beside the message it gets, so a failure names the text. */
function expectMessages(cases: readonly (readonly [text: string, reason: string])[]): void {
  expect(cases.map(([text]) => [text, parseDate(text, mdy)])).toEqual(cases.map(([text, reason]) => [text, { kind: 'invalid', message: `'${text}' ${reason}` }]));
}

const TWO_DIGIT_YEAR = 'has a two-digit year; write the year with four digits';

describe('a date with a month name', () => {
  it('reads a date that ends with a full stop', () => {
    expect(parseDate('March 5, 2024.', mdy)).toBe(dayNumber(2024, 3, 5));
  });

  it('asks for four digits when the year has two, or when a month and day have no year', () => {
    expectMessages([
      ['March 5, 24', TWO_DIGIT_YEAR],
      ['5 March 24', TWO_DIGIT_YEAR],
      ['March 24', TWO_DIGIT_YEAR],
    ]);
  });

  it('refuses a second month, day or year rather than picking one', () => {
    expectMessages([
      ['5 March May 2024', 'is not a date'],
      ['March 5 6 2024', 'is not a date'],
      ['March 5 2024 2025', 'is not a date'],
    ]);
  });

  it('refuses a year of three or five digits, and a word it does not know', () => {
    expectMessages([
      ['March 5, 124', 'is not a date'],
      ['March 5, 12024', 'is not a date'],
      ['5 March 2024 noon', 'is not a date'],
      ['March 5 x24', 'is not a date'],
    ]);
  });

  it('refuses a day and year without a month, and a month alone, as no date at all', () => {
    expectMessages([
      ['5 2024', 'is not a date'],
      ['12 24', 'is not a date'],
      ['5', 'is not a date'],
      ['March', 'is not a date'],
    ]);
  });
});
