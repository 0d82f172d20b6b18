import { z } from 'zod';

export const RepLevel = z.enum(['senior', 'mid', 'junior']);
export type RepLevel = z.infer<typeof RepLevel>;

/** A row of the Reps tab, parsed (reps.ts). Dates are day numbers. */
export const Rep = z.object({
  name: z.string().min(1),
  email: z.string(),
  level: RepLevel,
  regions: z.array(z.string()),
  industries: z.array(z.string()),
  /** Holding limit: customers held at once; null = the settings default. */
  capacity: z.number().int().min(0).nullable(),
  /** Most A-tier customers held at once; null = the settings default. */
  aCap: z.number().int().min(0).nullable(),
  active: z.boolean(),
  awayFrom: z.number().int().nullable(),
  awayTo: z.number().int().nullable(),
  startDay: z.number().int().nullable(),
});
export type Rep = z.infer<typeof Rep>;
