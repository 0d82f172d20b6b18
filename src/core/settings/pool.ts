import { z } from 'zod';

export const PoolSettings = z.object({
  enabled: z.boolean().default(true),
  /** Days without activity (Last Activity) after which a customer of each tier is stale. */
  inactivityDays: z
    .object({ A: z.number().int().positive().default(30), B: z.number().int().positive().default(45), C: z.number().int().positive().default(60) })
    .prefault({}),
  /** Days without a won deal after which a customer is stale. */
  noWonDealDays: z.number().int().positive().default(180),
  /** Also recycle customers whose tier dropped since the last rescore. */
  recycleOnTierDrop: z.boolean().default(false),
  /** A stale customer is flagged this many days before it is recycled. */
  warningDays: z.number().int().min(0).default(7),
  maxPerRun: z.number().int().min(0).default(200),
  /** A recycled customer is not offered back to its previous owner for this many days. */
  cooldownDays: z.number().int().min(0).default(30),
  claimLimitPerDay: z.number().int().min(0).default(10),
});
export type PoolSettings = z.infer<typeof PoolSettings>;
