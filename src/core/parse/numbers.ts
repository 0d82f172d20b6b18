import { describeValue } from '../issue.js';
import type { Cell, TableCells } from '../table.js';
import { errorValue } from './error-values.js';
import { type Failure, type Parsed, MISSING, invalid, quoted } from './failure.js';

export type DecimalSeparator = '.' | ',';

export interface NumberOptions {
  /** `,` reads `1 234,5` and `1.234,5` as 1234.5; `.` reads `1,234.5` and `1 234.5`. */
  readonly decimalSeparator: DecimalSeparator;
}

export type Currency = 'CNY' | 'USD' | 'EUR' | 'GBP' | 'INR' | 'JPY' | 'HKD';

/** Where a parser leaves the currency a cell carried, so a column can tell `¥` from `$`. */
export interface CurrencySink {
  currency: Currency | null;
  /** The sign or code as written, for messages: `¥`, `RMB`, `$`. */
  mark: string;
}

export interface Money {
  readonly value: number;
  readonly currency: Currency | null;
  readonly mark: string;
}

/**
 * Currency marks after NFKC (which already turns `￥` into `¥` and `＄` into `$`), longest
 * first so that `US$` is not read as `US` + `$`. `¥` and `元` are taken as yuan: the
 * Chinese-speaking books this serves write yen as `JPY` or `円`.
 */
const CURRENCY_MARKS: readonly (readonly [string, Currency])[] = [
  ['US$', 'USD'], ['HK$', 'HKD'],
  ['RMB', 'CNY'], ['CNY', 'CNY'], ['USD', 'USD'], ['EUR', 'EUR'], ['GBP', 'GBP'], ['INR', 'INR'], ['JPY', 'JPY'], ['HKD', 'HKD'],
  ['¥', 'CNY'], ['元', 'CNY'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['円', 'JPY'],
];

/** Suffixes that scale a number, as powers of ten: `12%`, `1.2万` (1e4), `3亿` (1e8). */
const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['%', -2], ['千', 3], ['万', 4], ['萬', 4], ['亿', 8], ['億', 8],
]);

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
// 15 decimal digits always fit a double's 53-bit integer range exactly.
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, k) => 10 ** k);

const discardedCurrency: CurrencySink = { currency: null, mark: '' };

/** A number from a cell: number cells as they are, text in the shapes listed in `readNumberText`. */
export function parseNumber(cell: Cell, options: NumberOptions): Parsed<number> {
  return readAmount(cell, options, discardedCurrency);
}

/** Like parseNumber, and says which currency the cell was written in, if any. */
export function parseMoney(cell: Cell, options: NumberOptions): Parsed<Money> {
  const sink: CurrencySink = { currency: null, mark: '' };
  const value = readAmount(cell, options, sink);
  return typeof value === 'number' ? { value, currency: sink.currency, mark: sink.mark } : value;
}

/**
 * The number in a cell, leaving its currency in `sink` (null when it had none). Used by
 * the column parser with one sink for the whole column, so reading allocates nothing.
 */
export function readAmount(cell: Cell, options: NumberOptions, sink: CurrencySink): Parsed<number> {
  sink.currency = null;
  sink.mark = '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? withinLimit(cell, cell) : invalid(`${quoted(String(cell))} is not a number`);
  if (typeof cell === 'string') {
    const plain = readPlainNumber(cell, 0, cell.length, options.decimalSeparator);
    const value = Number.isNaN(plain) ? readNumberText(cell, options, sink) : plain;
    return typeof value === 'number' ? withinLimit(value, cell) : value;
  }
  if (cell === null) return MISSING;
  if (typeof cell === 'boolean') return invalid(`${cell ? 'TRUE' : 'FALSE'} is a yes/no value, not a number`);
  return invalid(`${quoted(describeValue(cell))} is a date, not a number`);
}

/**
 * readAmount of one cell of `cells`. A plain number is read where the shell keeps its
 * text, without a string for the cell: the same digits through the same readPlainNumber
 * give the same double, and 15 digits stay under MAX_CELL_NUMBER. Anything else is read
 * from the cell.
 */
export function readAmountAt(cells: TableCells, row: number, column: number, options: NumberOptions, sink: CurrencySink): Parsed<number> {
  const start = cells.spanStart(row, column);
  if (start >= 0) {
    const plain = readPlainNumber(cells.source as string, start, cells.spanEnd(row, column), options.decimalSeparator);
    if (!Number.isNaN(plain)) {
      sink.currency = null;
      sink.mark = '';
      return plain;
    }
  }
  return readAmount(cells.cell(row, column), options, sink);
}

/**
 * The largest magnitude a cell may hold: 10^15. Up to it a double still holds every
 * integer exactly (2^53 ≈ 9.007 × 10^15), and a million such values sum to 10^21, far
 * from overflowing; a bigger amount is a typo or an attack (1e308 wrote Infinity into a
 * CSV and crashed the xlsx writer, issue 12), never a customer's revenue.
 */
export const MAX_CELL_NUMBER = 1e15;

function withinLimit(value: number, cell: Cell): Parsed<number> {
  if (Number.isFinite(value) && Math.abs(value) <= MAX_CELL_NUMBER) return value;
  return invalid(`${quoted(String(cell))} is too large: numbers here are at most 10^15 (1,000,000,000,000,000) either way`);
}

/**
 * The fast path for the shape nearly every amount has: an optional `-`, digits and at
 * most one decimal separator, at most 15 digits, in `text` from `start` to `end`. Returns NaN for anything else.
 * An integer over a power of ten is exact in both and IEEE division rounds correctly,
 * so this gives the same double as Number() would.
 */
function readPlainNumber(text: string, start: number, end: number, decimalSeparator: DecimalSeparator): number {
  const length = end - start;
  if (length === 0 || length > EXACT_DIGITS + 2) return NaN;
  const separator = decimalSeparator.charCodeAt(0);
  let i = text.charCodeAt(start) === MINUS ? start + 1 : start;
  const negative = i > start;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      mantissa = mantissa * 10 + (code - DIGIT_0);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (code === separator && fractionDigits < 0) {
      fractionDigits = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > EXACT_DIGITS) return NaN;
  const value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
  return negative ? (value === 0 ? 0 : -value) : value;
}

/**
 * Everything else a person writes for a number, after NFKC (full-width digits and signs):
 * - a currency sign or code before or after (`¥1,234.50`, `$1,234`, `1234 元`, `USD 5`);
 * - thousands separators: `,`, space or `'` when the decimal separator is `.`; `.` or
 *   space when it is `,`. Groups after the first have three digits (or two then three,
 *   the Indian `1,23,456`), so `1,5` is not read as 15 when `.` is the separator;
 * - a leading `-`/`+`/`−`, or accounting parentheses `(1,234)` for a negative;
 * - `%` (`12%` is 0.12) or a Chinese unit `千`, `万`/`萬`, `亿`/`億` (`1.2万` is 12000);
 * - an exponent (`1.5E+06`), as CSV exports write large numbers;
 * - spreadsheet error values (`#N/A`) are reported as such (error-values.ts).
 */
function readNumberText(cell: string, options: NumberOptions, sink: CurrencySink): Parsed<number> {
  let text = cell.normalize('NFKC').trim();
  if (text === '') return MISSING;
  const error = errorValue(text);
  if (error) return error;
  const notANumber = (): Failure => invalid(`${quoted(cell.trim())} is not a number`);

  let negative = false;
  let signed = false;
  let scale = 0;
  let scaled = false;
  for (let changed = true; changed && text !== ''; ) {
    changed = false;
    const first = text[0];
    if (!signed && first === '(' && text.endsWith(')')) {
      text = text.slice(1, -1).trim();
      negative = signed = changed = true;
      continue;
    }
    if (!signed && (first === '-' || first === '+' || first === '\u2212')) {
      text = text.slice(1).trim();
      negative = first !== '+';
      signed = changed = true;
      continue;
    }
    const last = text[text.length - 1];
    const suffixScale = SCALE_SUFFIXES.get(last);
    if (!scaled && suffixScale !== undefined) {
      text = text.slice(0, -1).trim();
      scale = suffixScale;
      scaled = changed = true;
      continue;
    }
    const mark = currencyAt(text);
    if (mark) {
      const [written, currency, atStart] = mark;
      if (sink.currency !== null && sink.currency !== currency) return invalid(`${quoted(cell.trim())} names two currencies, ${sink.mark} and ${written}`);
      sink.currency = currency;
      sink.mark ||= written;
      text = (atStart ? text.slice(written.length) : text.slice(0, -written.length)).trim();
      changed = true;
    }
  }

  const digits = readDigits(text, options.decimalSeparator);
  if (digits === null) return notANumber();
  const value = Number(`${digits.digits}e${digits.exponent + scale}`);
  if (!Number.isFinite(value)) return notANumber();
  return negative && value !== 0 ? -value : value;
}

function currencyAt(text: string): readonly [string, Currency, boolean] | null {
  const upper = text.toUpperCase();
  for (const [written, currency] of CURRENCY_MARKS) if (upper.startsWith(written)) return [text.slice(0, written.length), currency, true];
  for (const [written, currency] of CURRENCY_MARKS) if (upper.endsWith(written)) return [text.slice(-written.length), currency, false];
  return null;
}

interface DecimalDigits {
  /** All the significant digits, integer part then fraction. */
  readonly digits: string;
  /** The power of ten to scale them by. */
  readonly exponent: number;
}

/** Digits with optional thousands grouping, a decimal part and an exponent, or null. */
function readDigits(text: string, decimalSeparator: DecimalSeparator): DecimalDigits | null {
  const groupSeparators = decimalSeparator === '.' ? ",' \u2019" : '. ';
  let i = 0;
  const groups: number[] = [];
  let integer = '';
  let groupSeparator = '';
  for (;;) {
    const start = i;
    while (i < text.length && isDigit(text, i)) i++;
    groups.push(i - start);
    integer += text.slice(start, i);
    const next = text[i];
    if (i + 1 < text.length && groupSeparators.includes(next) && isDigit(text, i + 1) && (groupSeparator === '' || groupSeparator === next)) {
      groupSeparator = next;
      i++;
      continue;
    }
    break;
  }
  if (!groupingIsRegular(groups)) return null;
  let fraction = '';
  if (text[i] === decimalSeparator) {
    const start = ++i;
    while (i < text.length && isDigit(text, i)) i++;
    fraction = text.slice(start, i);
  }
  if (integer === '' && fraction === '') return null;
  let exponent = 0;
  if ((text[i] === 'e' || text[i] === 'E') && i + 1 < text.length) {
    let j = i + 1;
    const sign = text[j] === '-' ? -1 : 1;
    if (text[j] === '-' || text[j] === '+') j++;
    const start = j;
    while (j < text.length && isDigit(text, j)) j++;
    if (j === start) return null;
    exponent = sign * Number(text.slice(start, j));
    i = j;
  }
  if (i !== text.length) return null;
  return { digits: integer + fraction || '0', exponent: exponent - fraction.length };
}

/** Western grouping 1,234,567 or Indian 12,34,567: a short first group, then equal middles, then three. */
function groupingIsRegular(groups: readonly number[]): boolean {
  if (groups.length === 1) return true;
  if (groups[0] < 1 || groups[0] > 3 || groups[groups.length - 1] !== 3) return false;
  const middle = groups.slice(1, -1);
  return middle.every((size) => size === 3) || middle.every((size) => size === 2);
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= DIGIT_0 && code <= DIGIT_9;
}
