import { z } from 'zod';
import { Cooldown } from '../assign/cooldown.js';

/** A customer found stale on `firstStaleDay`; it is recycled once the warning period has run out. */
export const StaleFlag = z.object({ customerId: z.string(), firstStaleDay: z.number().int() });
export type StaleFlag = z.infer<typeof StaleFlag>;

/** A claim made on `day`, counted against the rep's daily claim limit. */
export const Claim = z.object({ customerId: z.string(), repName: z.string(), day: z.number().int() });
export type Claim = z.infer<typeof Claim>;

/** The pool's part of the saved state (`TW State`). */
export const PoolState = z.object({
  cooldowns: z.array(Cooldown).default([]),
  staleFlags: z.array(StaleFlag).default([]),
  claims: z.array(Claim).default([]),
});
export type PoolState = z.infer<typeof PoolState>;
