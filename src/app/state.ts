import { z } from 'zod';
import { TierName } from '../core/score/tier-name.js';
import type { Tier } from '../core/score/tiers.js';

/**
 * A map with one entry per customer id, read on every run: zod's record passes each of a
 * big book's 50,000 entries through its full machinery (about 30 ms a map, on every load
 * of the state); this checks the same thing, a plain object whose values pass `isValue`,
 * in one loop.
 */
function byCustomerId<T>(isValue: (value: unknown) => value is T, what: string) {
  return z.custom<Record<string, T>>(
    (input) =>
      typeof input === 'object' &&
      input !== null &&
      [Object.prototype, null].includes(Object.getPrototypeOf(input)) &&
      Object.values(input).every(isValue),
    { message: `expected ${what} by customer id` },
  );
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
