import { z } from 'zod';
import type { Roster } from './roster.js';

/**
 * A customer recycled from a rep is not offered back to that rep before `untilDay`
 * (a day number; from that day on it may be). `repName` is the Owner cell's text at
 * recycling, matched to reps like an owner cell.
 */
export const Cooldown = z.object({
  customerId: z.string(),
  repName: z.string(),
  untilDay: z.number().int(),
});
export type Cooldown = z.infer<typeof Cooldown>;

/**
 * The cooldowns still running on the roster's as-of day, per customer id: roster index of
 * the rep it was recycled from → the first day it may go back (the latest when listed twice).
 * Cooldowns naming someone no longer in the Reps tab block no one.
 */
export function coolingByCustomer(cooldowns: readonly Cooldown[], roster: Roster): Map<string, Map<number, number>> {
  const cooling = new Map<string, Map<number, number>>();
  for (const cooldown of cooldowns) {
    const rep = roster.find(cooldown.repName);
    if (!rep || cooldown.untilDay <= roster.asOfDay) continue;
    const reps = cooling.get(cooldown.customerId) ?? new Map<number, number>();
    reps.set(rep.index, Math.max(cooldown.untilDay, reps.get(rep.index) ?? cooldown.untilDay));
    cooling.set(cooldown.customerId, reps);
  }
  return cooling;
}
