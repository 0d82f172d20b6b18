/**
 * Spreadsheet date serials: whole days since an epoch, the time of day in the fraction.
 * The 1900 system counts from 1899-12-30, which absorbs Lotus 1-2-3's fictitious
 * 1900-02-29 for every date from 1900-03-01 on; the 1904 system counts from 1904-01-01
 * (ECMA-376 Part 1 §18.17.4.1). The core wants the calendar day at UTC midnight, so the
 * time of day is dropped.
 */
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** The furthest a Date reaches from the epoch either way (ECMA-262 TimeClip). */
const MAX_TIME = 8.64e15;

/** The time of the day a serial names, as `new Date(…).getTime()` gives it: NaN past the range a Date can hold. */
export function serialTime(serial: number, date1904: boolean): number {
  const time = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS;
  return Math.abs(time) <= MAX_TIME ? time : NaN;
}

/** The serial of the calendar day a core Date stands for (its UTC day). */
export function dateToSerial(date: Date, date1904: boolean): number {
  return Math.floor((date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS);
}

/** `t="d"` cells hold ISO 8601 text (ECMA-376 §18.17.4.3); only the calendar day is kept. */
export function isoTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function dateToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
