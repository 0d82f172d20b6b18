import { z } from 'zod';

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
