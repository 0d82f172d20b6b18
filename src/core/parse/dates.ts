import type { Cell, TableCells } from '../table.js';
import { errorValue } from './error-values.js';
import { checkedDay, dayNumber, daysInMonth } from './days.js';
import { type Parsed, MISSING, invalid, quoted } from './failure.js';

export type DateOrder = 'mdy' | 'dmy';

export interface DateOptions {
  /** How `3/5/2024` reads when neither part is over 12: month first or day first. */
  readonly dateOrder: DateOrder;
}

const MS_PER_DAY = 86_400_000;
/** Spreadsheet serial 0 is 1899-12-30 in Sheets and in Excel after 1900-03-01; Excel's fictional 1900-02-29 only shifts serials below 61. */
const SERIAL_EPOCH = dayNumber(1899, 12, 30);
/** 9999-12-31, the last date either spreadsheet can hold. */
const LAST_SERIAL = 2_958_465;
/** The years an 8-digit number like 20240305 may name; outside them it is more likely an amount. */
const FIRST_COMPACT_YEAR = 1900;
const LAST_COMPACT_YEAR = 2999;

const DIGIT_0 = 48;

/**
 * A cell as a day number (see days.ts). What is accepted, and the decisions behind it:
 * - Date cells: their UTC year, month and day. The shells hand dates over at UTC midnight
 *   of the sheet's calendar day (src/core/table.ts), so there is no zone to apply here.
 * - Number cells: `20240305` (8 digits, years 1900–2999) as year-month-day; otherwise a
 *   spreadsheet serial from 1 to 2958465 (1899-12-30 epoch, the time of day dropped).
 * - ISO `2024-03-05`, also `2024/3/5` and `2024.3.5`, with any time part after `T` or a
 *   space ignored; `2024年3月5日`; `20240305`.
 * - `3/5/2024`, `3-5-2024`, `3.5.2024`: month first or day first by `dateOrder`, except that
 *   when one of the first two parts is over 12 only one reading is a date and that one is
 *   taken (`13/5/2024` is 13 May even in a month-first book).
 * - English month names: `5 Mar 2024`, `March 5, 2024`, `5-Mar-2024`, `Tue Mar 05 2024`.
 * - Two-digit years (`3/5/24`) are refused with a message rather than guessed: a pivot
 *   year silently puts 1924 or 2068 into a recency calculation.
 * - Impossible dates (`2024-02-30`) are refused, never rolled over.
 */
export function parseDate(cell: Cell, options: DateOptions): Parsed<number> {
  if (typeof cell === 'string') {
    const iso = readIsoDay(cell, 0, cell.length);
    return Number.isNaN(iso) ? readDateText(cell, options) : iso;
  }
  if (cell === null) return MISSING;
  if (typeof cell === 'number') return readDateNumber(cell);
  if (typeof cell === 'boolean') return invalid(`${cell ? 'TRUE' : 'FALSE'} is a yes/no value, not a date`);
  const time = cell.getTime();
  return Number.isNaN(time) ? invalid('the cell holds an invalid date') : Math.floor(time / MS_PER_DAY);
}

/** parseDate of one cell of `cells`, read in place when it is an ISO day (isoDayAt). */
export function parseDateAt(cells: TableCells, row: number, column: number, options: DateOptions): Parsed<number> {
  const iso = isoDayAt(cells, row, column);
  return Number.isNaN(iso) ? parseDate(cells.cell(row, column), options) : iso;
}

/**
 * The day of a cell whose text the shell keeps (TableCells.source) and that is an ISO day,
 * read there without a string for the cell by the readIsoDay parseDate uses, so it is the
 * day parseDate gives; NaN for any other cell, which the caller reads with parseDate.
 */
export function isoDayAt(cells: TableCells, row: number, column: number): number {
  const start = cells.spanStart(row, column);
  return start < 0 ? NaN : readIsoDay(cells.source as string, start, cells.spanEnd(row, column));
}

const T = 84;
const SPACE = 32;

/**
 * The fast path: `YYYY-MM-DD` (or with `/` or `.`), optionally followed by `T` or a space
 * and a time, in `text` from `start` to `end`. NaN otherwise.
 */
function readIsoDay(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 10) return NaN;
  const separator = text.charCodeAt(start + 4);
  if ((separator !== 45 && separator !== 47 && separator !== 46) || text.charCodeAt(start + 7) !== separator) return NaN;
  if (length > 10) {
    const after = text.charCodeAt(start + 10);
    if ((after !== T && after !== SPACE) || length < 12 || digitsAt(text, start + 11, 1) < 0) return NaN;
  }
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayNumber(year, month, day);
}

/** The value of `count` ASCII digits at `start`, or -1. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function readDateNumber(value: number): Parsed<number> {
  if (Number.isInteger(value) && value >= FIRST_COMPACT_YEAR * 10_000 && value < (LAST_COMPACT_YEAR + 1) * 10_000) {
    return checkedDay(String(value), Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
  }
  if (value >= 1 && value < LAST_SERIAL + 1) return SERIAL_EPOCH + Math.floor(value);
  return invalid(`${quoted(String(value))} is not a date`);
}

const TIME_START = /[T\s]\d{1,2}:\d{2}/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/;
const NUMERIC = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/;
const COMPACT = /^\d{8}$/;
const WORD_SEPARATORS = /[\s,.\-/]+/;

function readDateText(cell: string, options: DateOptions): Parsed<number> {
  const written = cell.trim();
  if (written === '') return MISSING;
  const error = errorValue(written);
  if (error) return error;
  const time = TIME_START.exec(written);
  const text = (time ? written.slice(0, time.index) : written).normalize('NFKC').trim();

  const chinese = CHINESE.exec(text);
  if (chinese) return checkedDay(written, Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  if (COMPACT.test(text)) return checkedDay(written, Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
  const numeric = NUMERIC.exec(text);
  if (numeric) return readNumericDate(written, numeric[1], numeric[3], numeric[4], options.dateOrder);
  return readNamedMonthDate(written, text);
}

function readNumericDate(written: string, first: string, second: string, third: string, order: DateOrder): Parsed<number> {
  if (first.length === 4) return third.length <= 2 ? checkedDay(written, Number(first), Number(second), Number(third)) : notADate(written);
  if (first.length > 2) return notADate(written);
  if (third.length === 2) return twoDigitYear(written);
  if (third.length !== 4) return notADate(written);
  const a = Number(first);
  const b = Number(second);
  const dayFirst = a > 12 && b <= 12 ? true : b > 12 && a <= 12 ? false : order === 'dmy';
  return dayFirst ? checkedDay(written, Number(third), b, a) : checkedDay(written, Number(third), a, b);
}

const MONTHS = new Map<string, number>();
['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((short, i) => MONTHS.set(short, i + 1));
[['january', 1], ['february', 2], ['march', 3], ['april', 4], ['june', 6], ['july', 7], ['august', 8], ['sept', 9], ['september', 9], ['october', 10], ['november', 11], ['december', 12]].forEach(([name, month]) =>
  MONTHS.set(name as string, month as number),
);
const WEEKDAYS = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const DAY_OF_MONTH = /^(\d{1,2})(st|nd|rd|th)?$/;

/** One month name, one day of the month and a four-digit year in any order, an optional weekday. */
function readNamedMonthDate(written: string, text: string): Parsed<number> {
  let month = 0;
  let day = 0;
  let year = 0;
  for (const word of text.toLowerCase().split(WORD_SEPARATORS)) {
    if (word === '' || WEEKDAYS.has(word)) continue;
    const monthOfName = MONTHS.get(word);
    const dayMatch = DAY_OF_MONTH.exec(word);
    if (monthOfName !== undefined && month === 0) month = monthOfName;
    else if (/^\d{4}$/.test(word) && year === 0) year = Number(word);
    else if (dayMatch && day === 0) day = Number(dayMatch[1]);
    else if (/^\d{2}$/.test(word) && month !== 0 && day !== 0) return twoDigitYear(written);
    else return notADate(written);
  }
  if (month === 0 || year === 0) return day !== 0 && month !== 0 ? twoDigitYear(written) : notADate(written);
  if (day === 0) return notADate(written);
  return checkedDay(written, year, month, day);
}

function twoDigitYear(written: string): Parsed<number> {
  return invalid(`${quoted(written)} has a two-digit year; write the year with four digits`);
}

function notADate(written: string): Parsed<number> {
  return invalid(`${quoted(written)} is not a date`);
}

