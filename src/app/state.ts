import { z } from 'zod';
import { TierName } from '../core/score/tier-name.js';

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
      tiers: z.record(z.string(), TierName),
      /** Owner cells as they were, so the next dashboard counts the customers moved since (by apply, claim, recycle or by hand). */
      owners: z.record(z.string(), z.string()).default({}),
    })
    .nullable()
    .default(null),
});
export type AppState = z.infer<typeof AppState>;
