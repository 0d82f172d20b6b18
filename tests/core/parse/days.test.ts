import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, daysInMonth, formatDay, parseDay } from '../../../src/core/parse/days.js';

describe('day numbers', () => {
  it('count days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2000, 3, 1)).toBe(11017);
    expect(dayNumber(2024, 3, 5)).toBe(19787);
    expect(dayNumber(1899, 12, 30)).toBe(-25569);
  });

  it('agree with the JavaScript UTC calendar across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, rawDay) => {
        const day = Math.min(rawDay, daysInMonth(year, month));
        expect(dayNumber(year, month, day)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
      }),
    );
  });

  it('round-trip through formatDay and parseDay over ±10,000 years of days', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1, 1, 1), max: dayNumber(9999, 12, 31) }), (day) => {
        const { year, month, day: dayOfMonth } = civilDate(day);
        expect(dayNumber(year, month, dayOfMonth)).toBe(day);
        expect(parseDay(formatDay(day))).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('know the leap years', () => {
    expect([1900, 2000, 2023, 2024].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29]);
  });
});

describe('formatDay', () => {
  it('writes YYYY-MM-DD with zero padding', () => {
    expect(formatDay(dayNumber(2024, 3, 5))).toBe('2024-03-05');
    expect(formatDay(dayNumber(987, 11, 20))).toBe('0987-11-20');
  });
});

describe('parseDay', () => {
  it('accepts only YYYY-MM-DD of a real date', () => {
    expect(parseDay('2024-02-29')).toBe(dayNumber(2024, 2, 29));
    expect(parseDay('2023-02-29')).toEqual({ kind: 'invalid', message: "'2023-02-29' is not a real date (February 2023 has 28 days)" });
    expect(parseDay('2024-13-01')).toEqual({ kind: 'invalid', message: "'2024-13-01' is not a real date (there is no month 13)" });
    expect(parseDay('2024-3-5')).toEqual({ kind: 'invalid', message: "'2024-3-5' is not a date in the form YYYY-MM-DD" });
  });
});
