import { type FallbackKind, fallbackKey } from './customer-key.js';

/** Customer index of an id as idOf gives it, -1 when no customer has that id. */
export type CustomerLookup = (id: string) => number;

/**
 * A CustomerLookup that also finds the id written in `text` from `start` to `end`:
 * `at(text, start, end)` is the lookup of `text.slice(start, end)`, without the slice
 * where the ids are numbered, so a deal's id can be read where the shell keeps it (issue 13).
 */
export interface IdLookup extends CustomerLookup {
  at(text: string, start: number, end: number): number;
}

const DIGIT_0 = 48;
/** Nine digits always fit an int32. */
const MAX_DIGITS = 9;
/** How sparse the numbers may be before a table indexed by them costs more memory than it saves time. */
const MAX_SLOTS_PER_CUSTOMER = 4;
const MIN_SLOTS = 1024;

/**
 * Finding the customer of each deal is a string-keyed Map lookup per deal, and for 1M
 * deals that lookup was most of the deals pass (cache misses on the Map and on the key
 * strings). CRMs mostly number their customers: `C000192`, `10023`. When every id is one
 * prefix followed by digits, all of the same length, the digits alone name the customer
 * (equal length makes them a one-to-one code), so a deal's id is read as a number and
 * looked up in a table. An id of any other shape cannot equal a customer's and is unknown.
 * Books with other ids use the Map.
 */
export function customerLookup(ids: readonly string[], indexById: ReadonlyMap<string, number>): IdLookup {
  const numbered = numberedIds(ids);
  if (numbered === null) {
    const lookup = (id: string) => indexById.get(id) ?? -1;
    return Object.assign(lookup, { at: (text: string, start: number, end: number) => lookup(text.slice(start, end)) });
  }
  const { prefix, length, numbers } = numbered;
  const slots = new Int32Array(numbers.reduce((max, x) => Math.max(max, x), 0) + 1).fill(-1);
  // Backwards, so an id listed twice ends on its first row, as in indexById.
  for (let k = numbers.length - 1; k >= 0; k--) slots[numbers[k]] = k;
  const at = (text: string, start: number, end: number) => {
    if (end - start !== length || !text.startsWith(prefix, start)) return -1;
    const number = digitsFrom(text, start + prefix.length, end);
    return number >= 0 && number < slots.length ? slots[number] : -1;
  };
  return Object.assign((id: string) => at(id, 0, id.length), { at });
}

function numberedIds(ids: readonly string[]): { prefix: string; length: number; numbers: Int32Array } | null {
  if (ids.length === 0) return null;
  const first = ids[0];
  let start = 0;
  while (start < first.length && !isDigit(first.charCodeAt(start))) start++;
  const prefix = first.slice(0, start);
  const length = first.length;
  if (length === start || length - start > MAX_DIGITS) return null;
  const numbers = new Int32Array(ids.length);
  const limit = Math.max(MIN_SLOTS, MAX_SLOTS_PER_CUSTOMER * ids.length);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id.length !== length || !id.startsWith(prefix)) return null;
    const number = digitsFrom(id, start, length);
    if (number < 0 || number >= limit) return null;
    numbers[k] = number;
  }
  return { prefix, length, numbers };
}

/** The number the characters from `start` to `end` spell, or -1 when one is not an ASCII digit. */
function digitsFrom(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_0 + 9;
}

/**
 * The customer a deal without an id names by e-mail, phone or name: the first customer
 * whose key of that kind (fallbackKey) is the same, -1 when none. `columns` are texts per
 * customer in the order they are tried: the Customer ID first, so that a Customers tab made
 * from the deals, whose ids are the e-mails, phones or names its customers were told by,
 * gives each deal the customer it was made for; then the Email, Phone or Name column.
 */
export function fallbackLookup(kind: FallbackKind, columns: readonly (readonly (string | null)[])[]): CustomerLookup {
  const indexByKey = new Map<string, number>();
  for (const text of columns) {
    text.forEach((value, k) => {
      const key = value === null ? '' : fallbackKey(kind, value);
      if (key !== '' && !indexByKey.has(key)) indexByKey.set(key, k);
    });
  }
  return (key) => indexByKey.get(key) ?? -1;
}
