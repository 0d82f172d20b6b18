import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/parse/dates.js';
import { dayNumber, formatDay, parseDay } from '../../../src/core/parse/days.js';

// Where a date cell stops being a date: the 8-digit numbers read as year-month-day, the last
// spreadsheet serial, impossible days and months named in the message, and the strict form
// a program passes (--as-of, settings).

const mdy = { dateOrder: 'mdy' } as const;

const notADate = (text: string) => ({ kind: 'invalid', message: `'${text}' is not a date` });

describe('a number cell as a date', () => {
  it('reads 8 digits as year-month-day from 1900 to 2999, and no further', () => {
    expect(parseDate(19000101, mdy)).toBe(dayNumber(1900, 1, 1));
    expect(parseDate(29991231, mdy)).toBe(dayNumber(2999, 12, 31));
    // Still year-month-day, so refused for its month rather than taken as a serial.
    expect(parseDate(19000000, mdy)).toEqual({ kind: 'invalid', message: "'19000000' is not a real date (there is no month 0)" });
    // Past the range, an 8-digit number is more likely an amount: far beyond the last serial.
    for (const value of [18991231, 30000000, 30000101]) expect(parseDate(value, mdy)).toEqual(notADate(String(value)));
  });

  it('reads serials up to 9999-12-31 and refuses the next day', () => {
    expect(parseDate(2958465.9, mdy)).toBe(dayNumber(9999, 12, 31));
    expect(parseDate(2958466, mdy)).toEqual(notADate('2958466'));
  });

  it('refuses an unticked checkbox as a date', () => {
    expect(parseDate(false, mdy)).toEqual({ kind: 'invalid', message: 'FALSE is a yes/no value, not a date' });
  });
});

describe('an impossible date', () => {
  it('names the month and its length when the day is past its end', () => {
    const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const texts = lengths.map((length, i) => `2024-${String(i + 1).padStart(2, '0')}-${length + 1}`);
    expect(texts.map((text) => parseDate(text, mdy))).toEqual(
      texts.map((text, i) => ({ kind: 'invalid', message: `'${text}' is not a real date (${names[i]} 2024 has ${lengths[i]} days)` })),
    );
  });

  it('refuses day 0 and month 0 rather than rolling back to the day or month before', () => {
    expect(parseDate('2024-03-00', mdy)).toEqual({ kind: 'invalid', message: "'2024-03-00' is not a real date (March 2024 has 31 days)" });
    expect(parseDate('2024-00-05', mdy)).toEqual({ kind: 'invalid', message: "'2024-00-05' is not a real date (there is no month 0)" });
  });
});

describe('parseDay', () => {
  it('takes nothing before or after YYYY-MM-DD', () => {
    for (const text of ['x2024-03-05', '2024-03-05x', '12024-03-05', '2024-03-05 ']) {
      expect(parseDay(text)).toEqual({ kind: 'invalid', message: `'${text}' is not a date in the form YYYY-MM-DD` });
    }
  });
});

describe('formatDay', () => {
  it('writes the leap day that ends a 400-year era', () => {
    for (const year of [1600, 2000, 2400]) expect(formatDay(dayNumber(year, 2, 29))).toBe(`${year}-02-29`);
    expect(formatDay(dayNumber(2000, 3, 1))).toBe('2000-03-01');
  });
});
