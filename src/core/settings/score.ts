import { z } from 'zod';

/** Weights are relative shares; a bound keeps their sum and every product with it finite (issue 12). */
export const MAX_WEIGHT = 1000;

/**
 * Where a dimension's value comes from: a Customers field id (`historicalRevenue`),
 * a measure we compute prefixed with `@` (`@monetary`, `@frequency`, `@recencyDays`,
 * `@tenureYears`, `@clv`, `@pAlive`), or the header text of any other Customers column.
 */
export const Dimension = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  source: z.string().min(1),
  /** Relative: each dimension counts weight / (sum of weights). Finite, 0..MAX_WEIGHT, so sums stay exact. */
  weight: z.number().min(0).max(MAX_WEIGHT),
  direction: z.enum(['higher', 'lower']).default('higher'),
  normalize: z.enum(['minmax', 'percentile', 'log-minmax', 'category']).default('minmax'),
  /** For `category`: the points (0..100) a text value earns; other values earn 0. */
  points: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /**
   * A blank cell: `worst` scores it 0 on this dimension, `median` gives it the median of
   * the others, `skip` leaves the dimension out of that customer's score and spreads its
   * weight over the rest.
   */
  missing: z.enum(['worst', 'median', 'skip']).default('median'),
});
export type Dimension = z.infer<typeof Dimension>;

// Common practice in B2B account scoring: value and potential first, then relationship
// quality and strategic fit, less what the account costs to serve and to collect from.
export const defaultDimensions: Dimension[] = [
  { key: 'revenue', label: 'historical revenue', source: 'historicalRevenue', weight: 30, direction: 'higher', normalize: 'log-minmax', missing: 'worst' },
  { key: 'potential', label: 'growth potential', source: 'potential', weight: 20, direction: 'higher', normalize: 'minmax', missing: 'median' },
  { key: 'tenure', label: 'years as customer', source: '@tenureYears', weight: 10, direction: 'higher', normalize: 'minmax', missing: 'worst' },
  { key: 'renewal', label: 'renewal rate', source: 'renewalRate', weight: 5, direction: 'higher', normalize: 'minmax', missing: 'median' },
  { key: 'strategic', label: 'strategic value', source: 'strategic', weight: 15, direction: 'higher', normalize: 'minmax', missing: 'median' },
  { key: 'paymentDays', label: 'payment days', source: 'paymentDays', weight: 5, direction: 'lower', normalize: 'minmax', missing: 'median' },
  { key: 'overdue', label: 'overdue amount', source: 'overdueAmount', weight: 5, direction: 'lower', normalize: 'log-minmax', missing: 'median' },
  { key: 'serviceCost', label: 'service cost', source: 'serviceCost', weight: 10, direction: 'lower', normalize: 'log-minmax', missing: 'median' },
];

/**
 * What carries the default score when the Customers tab has fewer than two of its columns
 * (issue 10 item 2: an orders export has an id, a name, a country and nothing to score
 * on): spend, orders and recency from the deals, and the CLV model's value where the
 * model is reliable. Money and counts are long-tailed, hence log then min-max; a customer
 * with no purchase scores lowest on each.
 */
export const dealDimensions: Dimension[] = [
  { key: 'spend', label: 'spend', source: '@monetary', weight: 40, direction: 'higher', normalize: 'log-minmax', missing: 'worst' },
  { key: 'orders', label: 'orders', source: '@frequency', weight: 30, direction: 'higher', normalize: 'log-minmax', missing: 'worst' },
  { key: 'recency', label: 'days since last order', source: '@recencyDays', weight: 30, direction: 'lower', normalize: 'minmax', missing: 'worst' },
  { key: 'clv', label: 'lifetime value', source: '@clv', weight: 30, direction: 'higher', normalize: 'log-minmax', missing: 'worst' },
];

export const ScoreSettings = z.object({
  dimensions: z
    .array(Dimension)
    .min(1)
    .default(defaultDimensions)
    .refine((dimensions) => dimensions.some((d) => d.weight > 0), {
      message: 'at least one dimension needs a weight above 0 (with all at 0 every customer would score the same)',
    }),
});

const Share = z.number().min(0).max(1);
export const TierSettings = z
  .object({
    mode: z.enum(['share', 'threshold']).default('share'),
    /** Share of customers in A, and in B; the rest are C. */
    shares: z.object({ A: Share.default(0.2), B: Share.default(0.3) }).prefault({}),
    /** Minimum score for A and for B. */
    thresholds: z.object({ A: z.number().min(0).max(100).default(80), B: z.number().min(0).max(100).default(50) }).prefault({}),
  })
  .refine((t) => t.shares.A + t.shares.B <= 1, { message: 'shares A + B must not exceed 1', path: ['shares'] })
  .refine((t) => t.thresholds.A >= t.thresholds.B, { message: 'threshold A must be at least threshold B', path: ['thresholds'] });

const Range = z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]);
export const SegmentRule = z.object({ name: z.string().min(1), r: Range, f: Range, m: Range });
export type SegmentRule = z.infer<typeof SegmentRule>;

// The segment table documented by the R package `rfm` (rsquaredacademy), checked in order.
const defaultSegments: SegmentRule[] = [
  { name: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { name: 'Potential Loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { name: 'Loyal Customers', r: [2, 4], f: [2, 4], m: [2, 4] },
  { name: 'Promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { name: 'New Customers', r: [4, 5], f: [1, 3], m: [1, 5] },
  { name: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { name: 'At Risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { name: 'Need Attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { name: 'About To Sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { name: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5] },
];

export const RfmSettings = z.object({
  /**
   * `quantile`: our rule (see src/core/score/rfm-bins.ts); `r-rfm`: reproduces the R
   * package `rfm` exactly.
   */
  binning: z.enum(['quantile', 'r-rfm']).default('quantile'),
  segments: z.array(SegmentRule).default(defaultSegments),
});
