import { dayNumber } from '../core/parse/days.js';

export interface WallTime {
  /** Day number of the calendar day (src/core/parse/days.ts). */
  readonly day: number;
  readonly hour: number;
}

/**
 * Wall time in a time zone, with V8's Intl (Apps Script runs V8), so no service call is
 * spent per date. Sheets hands out date cells as instants; the day the sheet shows is the
 * instant's calendar day in the spreadsheet's time zone (DESIGN §6). Results are kept per
 * instant: a sheet's dates are mostly midnights of a few thousand distinct days, so a
 * 500,000-row Deals tab costs a few thousand conversions.
 */
export function wallClockIn(timeZone: string): (ms: number) => WallTime {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', hourCycle: 'h23' });
  const seen = new Map<number, WallTime>();
  return (ms) => {
    let wall = seen.get(ms);
    if (!wall) {
      const part: Record<string, number> = {};
      for (const p of format.formatToParts(ms)) if (p.type !== 'literal') part[p.type] = Number(p.value);
      wall = { day: dayNumber(part.year, part.month, part.day), hour: part.hour };
      seen.set(ms, wall);
    }
    return wall;
  };
}
