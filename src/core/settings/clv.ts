import { z } from 'zod';

/** A week is 7 days; a month is 365.25 / 12 = 30.4375 days, so twelve months make a mean year. */
export const TimeUnit = z.enum(['days', 'weeks', 'months']);
export type TimeUnit = z.infer<typeof TimeUnit>;

export const ClvSettings = z.object({
  enabled: z.boolean().default(true),
  /** The model's own time unit: every fitted rate and every output is in it. */
  unit: TimeUnit.default('weeks'),
  horizon: z.object({ value: z.number().positive().default(52), unit: TimeUnit.default('weeks') }).prefault({}),
  /** Yearly discount rate, converted to the model's period. */
  discountRate: z.number().min(0).max(1).default(0.1),
  /** Share of revenue that is margin. */
  marginShare: z.number().min(0).max(1).default(1),
  /** Fewer customers with a purchase, or fewer repeat buyers, than this: no model is fitted. */
  minCustomers: z.number().int().min(1).default(30),
  minRepeaters: z.number().int().min(1).default(10),
  /**
   * A fitted shape parameter (BG/NBD r, a, b; Gamma-Gamma p, q) above this, or below its
   * reciprocal, ran to the edge of its range: the likelihood kept improving towards 0 or
   * infinity, which says the data cannot tell, not what the value is (a → 0 with b → ∞
   * means "nobody ever stops": P(alive) = 1 for everyone). CDNOW's parameters lie between
   * 0.24 and 6.3; no real fit needs a million.
   */
  parameterBound: z.number().gt(1).default(1e6),
  /**
   * Warn when spend per purchase and purchase frequency correlate at least this strongly
   * (|Pearson r|) among repeat buyers: the Gamma-Gamma spend model assumes they are
   * independent. 0.3 is where Cohen (1988) puts a "medium" correlation; CDNOW shows 0.11.
   */
  spendCorrelationWarning: z.number().min(0).max(1).default(0.3),
  churnRisk: z
    .object({
      /** Flag a customer whose P(alive) is below this... */
      pAliveBelow: z.number().min(0).max(1).default(0.3),
      /** ...and whose monetary value is in the top share of customers (once valuable). */
      topMonetaryShare: z.number().min(0).max(1).default(0.3),
    })
    .prefault({}),
});
export type ClvSettings = z.infer<typeof ClvSettings>;
