import { formatDay } from '../core/parse/days.js';
import type { Cell } from '../core/table.js';
import { startsFormula } from '../core/text.js';
import type { WallTime } from './zone-time.js';

const MS_PER_DAY = 86_400_000;

/**
 * A cell as getValues gives it → the core's Cell: '' is blank, and a date becomes UTC
 * midnight of the calendar day the sheet shows (src/core/table.ts), found in the
 * spreadsheet's time zone.
 */
export function coreCell(value: unknown, dayOf: (date: Date) => Date): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dayOf(value);
  return String(value);
}

/**
 * The core's date for a date cell, one shared Date per calendar day: a Deals tab holds
 * hundreds of thousands of dates on a few thousand days, and the core only reads them.
 */
export function sheetDays(wallTime: (ms: number) => WallTime): (date: Date) => Date {
  const days = new Map<number, Date>();
  return (date) => {
    const day = wallTime(date.getTime()).day;
    let shared = days.get(day);
    if (!shared) days.set(day, (shared = new Date(day * MS_PER_DAY)));
    return shared;
  };
}

/**
 * A value to write into a column we own. Sheets reads a written string as if typed, so
 * text that would start a formula, or that starts with the apostrophe Sheets would take
 * off, goes in behind one `'`, which Sheets does not store (the guard of this medium;
 * src/core/text.ts); a core date travels as `YYYY-MM-DD`, which Sheets reads as that day
 * in the spreadsheet's time zone.
 */
export function ownedValue(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (cell instanceof Date) return formatDay(Math.floor(cell.getTime() / MS_PER_DAY));
  if (typeof cell === 'string') return sheetsText(cell);
  return cell;
}

function sheetsText(text: string): string {
  return startsFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

/**
 * A value for a user's text column (Owner). A name must arrive exactly as written: not
 * as a formula, and not turned into a number, a boolean or a date by Sheets' typing
 * rules, so any text Sheets would read as something else goes in behind an apostrophe,
 * which Sheets does not store.
 */
export function literalText(cell: Cell): string | number | boolean {
  if (typeof cell !== 'string') return ownedValue(cell);
  return SHEETS_WOULD_CONVERT.test(cell.trim()) ? `'${cell}` : sheetsText(cell);
}

/** Numbers (plain, grouped, exponent), TRUE/FALSE and ISO dates: what Sheets converts when typed. */
const SHEETS_WOULD_CONVERT = /^([+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?|[+-]?\d{1,3}(,\d{3})+(\.\d+)?|true|false|\d{4}-\d{1,2}-\d{1,2}([ T].*)?|[\d.,]+%)$/i;
