import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/parse/dates.js';
import { dayNumber, formatDay } from '../../../src/core/parse/days.js';
import { MISSING } from '../../../src/core/parse/failure.js';

const mdy = { dateOrder: 'mdy' } as const;
const dmy = { dateOrder: 'dmy' } as const;
const march5 = dayNumber(2024, 3, 5);

describe('parseDate', () => {
  it.each([
    '2024-03-05',
    '2024-03-05T10:00',
    '2024-03-05T10:00:00.000Z',
    '2024-03-05 10:00:00',
    ' 2024-03-05 ',
    '2024/3/5',
    '2024/03/05',
    '2024.3.5',
    '2024-3-5',
    '2024/3/5 10:00',
    '2024年3月5日',
    '2024年03月05日',
    '2024 年 3 月 5 日',
    '2024年3月5号',
    '2024年3月5日 14:30',
    '２０２４－０３－０５',
    '20240305',
    '3/5/2024',
    '3-5-2024',
    '03/05/2024 9:15 AM',
    '5 Mar 2024',
    '5-Mar-2024',
    'March 5, 2024',
    'Mar 5 2024',
    'Tuesday, March 5th, 2024',
    'Tue Mar 05 2024 00:00:00 GMT+0800 (China Standard Time)',
  ])('reads %s as 5 March 2024 (month-first book)', (text) => {
    expect(parseDate(text, mdy)).toBe(march5);
  });

  it('reads day-first books by the setting', () => {
    expect(parseDate('5/3/2024', dmy)).toBe(march5);
    expect(parseDate('05.03.2024', dmy)).toBe(march5);
    expect(parseDate('5/3/2024', mdy)).toBe(dayNumber(2024, 5, 3));
  });

  it('takes the only possible reading when a part is over 12, whatever the setting', () => {
    expect(parseDate('13/5/2024', mdy)).toBe(dayNumber(2024, 5, 13));
    expect(parseDate('5/13/2024', dmy)).toBe(dayNumber(2024, 5, 13));
  });

  it('reads Date cells by their UTC calendar day, ignoring the time', () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 5)), mdy)).toBe(march5);
    expect(parseDate(new Date(Date.UTC(2024, 2, 5, 23, 59)), mdy)).toBe(march5);
    expect(parseDate(new Date(Date.UTC(1950, 0, 1)), mdy)).toBe(dayNumber(1950, 1, 1));
    expect(parseDate(new Date(Number.NaN), mdy)).toEqual({ kind: 'invalid', message: 'the cell holds an invalid date' });
  });

  it('reads spreadsheet serial numbers from the 1899-12-30 epoch', () => {
    expect(parseDate(45356, mdy)).toBe(march5);
    expect(parseDate(45356.75, mdy)).toBe(march5);
    expect(parseDate(1, mdy)).toBe(dayNumber(1899, 12, 31));
    expect(parseDate(61, mdy)).toBe(dayNumber(1900, 3, 1));
    expect(parseDate(2958465, mdy)).toBe(dayNumber(9999, 12, 31));
  });

  it('reads an 8-digit number cell as year, month and day', () => {
    expect(parseDate(20240305, mdy)).toBe(march5);
    expect(parseDate(20240230, mdy)).toEqual({ kind: 'invalid', message: "'20240230' is not a real date (February 2024 has 29 days)" });
  });

  it.each([
    ['2024-02-30', "'2024-02-30' is not a real date (February 2024 has 29 days)"],
    ['2023-02-29', "'2023-02-29' is not a real date (February 2023 has 28 days)"],
    ['2024-13-01', "'2024-13-01' is not a real date (there is no month 13)"],
    ['2024年2月30日', "'2024年2月30日' is not a real date (February 2024 has 29 days)"],
    ['31/4/2024', "'31/4/2024' is not a real date (April 2024 has 30 days)"],
    ['13/13/2024', "'13/13/2024' is not a real date (there is no month 13)"],
    ['3/5/24', "'3/5/24' has a two-digit year; write the year with four digits"],
    ['5-Mar-24', "'5-Mar-24' has a two-digit year; write the year with four digits"],
    ['next tuesday', "'next tuesday' is not a date"],
    ['Mar 2024', "'Mar 2024' is not a date"],
    ['2024', "'2024' is not a date"],
    ['#N/A', 'error value #N/A'],
  ])('refuses %s: %s', (text, message) => {
    expect(parseDate(text, mdy)).toEqual({ kind: 'invalid', message });
  });

  it('refuses numbers outside the serial range and yes/no cells', () => {
    expect(parseDate(0, mdy)).toEqual({ kind: 'invalid', message: "'0' is not a date" });
    expect(parseDate(-5, mdy)).toEqual({ kind: 'invalid', message: "'-5' is not a date" });
    expect(parseDate(true, mdy)).toEqual({ kind: 'invalid', message: 'TRUE is a yes/no value, not a date' });
  });

  it('treats blank cells as missing', () => {
    for (const cell of [null, '', '  ']) expect(parseDate(cell, mdy)).toBe(MISSING);
  });

  it('reads back every date it formats, in every written shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 3, 1), max: dayNumber(2999, 12, 31) }), fc.constantFrom(mdy, dmy), (day, options) => {
        const iso = formatDay(day);
        const [y, m, d] = iso.split('-');
        const slashed = options.dateOrder === 'mdy' ? `${Number(m)}/${Number(d)}/${y}` : `${Number(d)}/${Number(m)}/${y}`;
        for (const text of [iso, `${y}/${Number(m)}/${Number(d)}`, `${y}年${Number(m)}月${Number(d)}日`, `${y}${m}${d}`, slashed]) {
          expect(parseDate(text, options)).toBe(day);
        }
        expect(parseDate(day + 25569, options)).toBe(day);
        expect(parseDate(new Date(day * 86_400_000), options)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(mdy, dmy), (text, options) => {
        const result = parseDate(text, options);
        return typeof result === 'number' ? Number.isInteger(result) : result.kind === 'missing' || result.message.length > 0;
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on text shaped like a date', () => {
    const part = fc.stringMatching(/^\d{1,5}$/);
    fc.assert(
      fc.property(part, fc.constantFrom('-', '/', '.', ' '), part, part, (a, separator, b, c) => {
        const result = parseDate(`${a}${separator}${b}${separator}${c}`, mdy);
        return typeof result === 'number' || result.kind === 'invalid';
      }),
    );
  });
});
