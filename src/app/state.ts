import { z } from 'zod';
import { TierName } from '../core/score/tier-name.js';
import type { Tier } from '../core/score/tiers.js';

/**
 * A map with one entry per customer id, read on every run: zod's record passes each of a
 * big book's 50,000 entries through its full machinery (about 30 ms a map, on every load
 * of the state); this checks the same thing, a plain object whose values pass `isValue`,
 * in one loop. The loop walks the keys with for…in rather than Object.values(…).every:
 * a map parsed from JSON is a dictionary-mode object, and copying its 50,000 values into
 * an array first took twice the time of the check itself.
 */
function byCustomerId<T>(isValue: (value: unknown) => value is T, what: string) {
  return z.custom<Record<string, T>>((input) => isPlainMapOf(input, isValue), { message: `expected ${what} by customer id` });
}

function isPlainMapOf<T>(input: unknown, isValue: (value: unknown) => value is T): input is Record<string, T> {
  if (typeof input !== 'object' || input === null) return false;
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const map = input as Record<string, unknown>;
  // A plain object inherits no enumerable keys, so for…in sees exactly its own.
  for (const id in map) if (!isValue(map[id])) return false;
  return true;
}

const TIERS = new Set<unknown>(TierName.options);
const isTier = (value: unknown): value is Tier => TIERS.has(value);
const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * What Tierwise remembers between runs, in the book itself. Each use case owns one
 * section and leaves the others as they were (unknown sections are kept, so an older
 * version never drops what a newer one wrote).
 */
export const AppState = z.looseObject({
  version: z.literal(1).default(1),
  lastRescore: z
    .object({
      asOf: z.string(),
      runAt: z.string(),
      tiers: byCustomerId(isTier, 'a tier (A, B or C)'),
      /** Owner cells as they were, so the next dashboard counts the customers moved since (by apply, claim, recycle or by hand). */
      owners: byCustomerId(isText, 'an Owner cell').default({}),
    })
    .nullable()
    .default(null),
});
export type AppState = z.infer<typeof AppState>;
