import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/parse/dates.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import type { Parsed } from '../../../src/core/parse/failure.js';

// The written shapes of a date beyond those of dates.test.ts: every month and weekday word,
// each separator, and the near-dates that must be refused rather than read as some other day.

const mdy = { dateOrder: 'mdy' } as const;

/** Each text beside the day it reads as, so a failure names the text. */
function expectDays(cases: readonly (readonly [text: string, year: number, month: number, day: number])[]): void {
  expect(cases.map(([text]) => [text, parseDate(text, mdy)])).toEqual(cases.map(([text, year, month, day]) => [text, dayNumber(year, month, day)]));
}

/** Each text beside the refusal it gets. */
function expectRefused(texts: readonly string[], reason = 'is not a date'): void {
  expect(texts.map((text) => [text, parseDate(text, mdy)])).toEqual(texts.map((text): [string, Parsed<number>] => [text, { kind: 'invalid', message: `'${text}' ${reason}` }]));
}

describe('English month and weekday words', () => {
  it('reads every month abbreviation', () => {
    expectDays([
      ['5 Jan 2024', 2024, 1, 5], ['5 Feb 2024', 2024, 2, 5], ['5 Mar 2024', 2024, 3, 5], ['5 Apr 2024', 2024, 4, 5],
      ['5 May 2024', 2024, 5, 5], ['5 Jun 2024', 2024, 6, 5], ['5 Jul 2024', 2024, 7, 5], ['5 Aug 2024', 2024, 8, 5],
      ['5 Sep 2024', 2024, 9, 5], ['5 Sept 2024', 2024, 9, 5], ['5 Oct 2024', 2024, 10, 5], ['5 Nov 2024', 2024, 11, 5], ['5 Dec 2024', 2024, 12, 5],
    ]);
  });

  it('reads every full month name, in any case', () => {
    expectDays([
      ['January 5, 2024', 2024, 1, 5], ['February 5, 2024', 2024, 2, 5], ['MARCH 5, 2024', 2024, 3, 5], ['April 5, 2024', 2024, 4, 5],
      ['May 5, 2024', 2024, 5, 5], ['June 5, 2024', 2024, 6, 5], ['July 5, 2024', 2024, 7, 5], ['August 5, 2024', 2024, 8, 5],
      ['september 5, 2024', 2024, 9, 5], ['October 5, 2024', 2024, 10, 5], ['November 5, 2024', 2024, 11, 5], ['December 5, 2024', 2024, 12, 5],
    ]);
  });

  it('reads a date with its weekday in front, abbreviated or in full', () => {
    expectDays([
      ['Mon, 4 Mar 2024', 2024, 3, 4], ['Tue, 5 Mar 2024', 2024, 3, 5], ['Tues, 5 Mar 2024', 2024, 3, 5], ['Wed, 6 Mar 2024', 2024, 3, 6],
      ['Thu, 7 Mar 2024', 2024, 3, 7], ['Thur, 7 Mar 2024', 2024, 3, 7], ['Thurs, 7 Mar 2024', 2024, 3, 7], ['Fri, 8 Mar 2024', 2024, 3, 8],
      ['Sat, 9 Mar 2024', 2024, 3, 9], ['Sun, 10 Mar 2024', 2024, 3, 10],
      ['Monday, March 4, 2024', 2024, 3, 4], ['Tuesday, March 5, 2024', 2024, 3, 5], ['Wednesday, March 6, 2024', 2024, 3, 6],
      ['Thursday, March 7, 2024', 2024, 3, 7], ['Friday, March 8, 2024', 2024, 3, 8], ['Saturday, March 9, 2024', 2024, 3, 9],
      ['Sunday, March 10, 2024', 2024, 3, 10],
    ]);
  });

  it('reads a day written as an ordinal', () => {
    expectDays([
      ['March 1st, 2024', 2024, 3, 1], ['March 2nd, 2024', 2024, 3, 2], ['March 3rd, 2024', 2024, 3, 3], ['March 4th, 2024', 2024, 3, 4],
      ['22nd March 2024', 2024, 3, 22], ['31st March 2024', 2024, 3, 31],
    ]);
  });

  it('reads a named month between spaces, commas, dots, hyphens or slashes', () => {
    expectDays([['5.Mar.2024', 2024, 3, 5], ['5/Mar/2024', 2024, 3, 5], ['Mar. 5, 2024', 2024, 3, 5], ['2024-Mar-05', 2024, 3, 5], ['5 - Mar - 2024', 2024, 3, 5]]);
  });

  it('refuses an approximate day rather than reading it as exact', () => {
    expectRefused(['March ~5, 2024', 'March 5ish, 2024']);
  });
});

describe('Chinese dates', () => {
  it('reads the day with 日, 号, 號 or no mark at all', () => {
    expectDays([['2024年3月5日', 2024, 3, 5], ['2024年3月5号', 2024, 3, 5], ['2024年3月5號', 2024, 3, 5], ['2024年3月5', 2024, 3, 5], ['2024 年 03 月 05', 2024, 3, 5]]);
  });

  it('refuses an approximate date or a range rather than reading one day of it', () => {
    expectRefused(['约2024年3月5日', '2024年3月5日左右', '2024年3月5日至7日', '2024年3月5日-2024年3月7日']);
  });
});

describe('numeric dates', () => {
  it('refuses a number one digit short of or past yyyymmdd', () => {
    expectRefused(['2024035', '202403051']);
  });

  it('refuses parts joined by two different separators', () => {
    expectRefused(['2024-03/05', '3/5-2024', '3.5/2024']);
  });

  it('refuses an approximate date or a range rather than reading one day of it', () => {
    expectRefused(['~3/5/2024', '3/5/2024?', '3/5/2024 - 3/7/2024']);
  });

  it('drops a time written after T or a space', () => {
    expectDays([
      ['2024/3/5T10:00', 2024, 3, 5], ['2024.3.5T09:30:00', 2024, 3, 5], ['3/5/2024T10:00', 2024, 3, 5],
      ['3/5/2024 10:30', 2024, 3, 5], ['3.5.2024 9:05:59', 2024, 3, 5], ['March 5, 2024 23:59', 2024, 3, 5],
    ]);
  });
});
