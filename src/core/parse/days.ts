import { type Parsed, invalid, quoted } from './failure.js';

/**
 * A calendar date is an integer day number: days since 1970-01-01 in the proleptic
 * Gregorian calendar, with no time of day and no time zone. Differences of day numbers
 * are differences in days, which is all recency and tenure need.
 *
 * The conversions are Howard Hinnant's `days_from_civil` and `civil_from_days`
 * ("chrono-Compatible Low-Level Date Algorithms", 2013), which count in 400-year eras
 * starting on 1 March so that the leap day falls at the end of each era year.
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilDate(dayNum: number): CivilDate {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD`, the form dates travel in between the sidebar, settings and the core. */
export function formatDay(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1];
}

/**
 * The day number of a year, month and day that were read from `text`, or why they are
 * not a real date ("February 2024 has 29 days"). `text` is only for the message.
 */
export function checkedDay(text: string, year: number, month: number, day: number): Parsed<number> {
  if (month < 1 || month > 12) return invalid(`${quoted(text)} is not a real date (there is no month ${month})`);
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) return invalid(`${quoted(text)} is not a real date (${MONTH_NAMES[month - 1]} ${year} has ${length} days)`);
  return dayNumber(year, month, day);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strictly `YYYY-MM-DD`, for dates given by a program or a person on purpose (`--as-of`, settings, state). */
export function parseDay(text: string): Parsed<number> {
  const match = ISO_DAY.exec(text);
  if (!match) return invalid(`${quoted(text)} is not a date in the form YYYY-MM-DD`);
  return checkedDay(text, Number(match[1]), Number(match[2]), Number(match[3]));
}
