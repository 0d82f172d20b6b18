import { z } from 'zod';
import { TimeUnit } from '../../settings/clv.js';

/** The fitted BG/NBD model (rates per model time unit), as the `--json` summary's `clv.model` shows it. */
export const BgNbdModel = z.object({
  r: z.number(),
  alpha: z.number(),
  a: z.number(),
  b: z.number(),
  logLikelihood: z.number(),
  converged: z.boolean(),
  iterations: z.number().int(),
});
export type BgNbdModel = z.infer<typeof BgNbdModel>;
export type BgNbdParameters = Pick<BgNbdModel, 'r' | 'alpha' | 'a' | 'b'>;

/** The fitted Gamma-Gamma spend model, as the `--json` summary's `clv.spend` shows it. */
export const GammaGammaModel = z.object({
  p: z.number(),
  q: z.number(),
  gamma: z.number(),
  logLikelihood: z.number(),
  converged: z.boolean(),
  iterations: z.number().int(),
});
export type GammaGammaModel = z.infer<typeof GammaGammaModel>;
export type GammaGammaParameters = Pick<GammaGammaModel, 'p' | 'q' | 'gamma'>;

/**
 * What fitting the two models to a book's summaries decided (fitClv): the models, whether
 * their values are used, and what to tell. Values per customer follow from it and the
 * summaries (valueClv); a rescore saves it so later runs on the same deals need not fit again.
 */
export const ClvFit = z.object({
  /** The BG/NBD fit as made (its likelihood may be infinite); null when the data was too thin to fit. */
  model: BgNbdModel.nullable(),
  spend: GammaGammaModel.nullable(),
  /** False when the values fall back to history: no usable BG/NBD fit. */
  modelValues: z.boolean(),
  /** Whether expected spend comes from `spend`, rather than each customer's historical average. */
  spendUsable: z.boolean(),
  fallbackReason: z.string().nullable(),
  reliable: z.boolean(),
  warnings: z.array(z.string()),
});
export type ClvFit = z.infer<typeof ClvFit>;

export const CustomerClv = z.object({
  id: z.string(),
  /** Probability the customer is still buying; null where no model could be fitted. */
  pAlive: z.number().nullable(),
  /** Expected purchase days over the horizon; null where no model could be fitted. */
  expectedPurchases: z.number().nullable(),
  /** Expected value of one future purchase. */
  expectedSpend: z.number(),
  /** Discounted expected margin over the horizon, or the historical value where `fallback`. */
  clv: z.number(),
  /** True where the value is not the model's (see ClvResult.fallbackReason). */
  fallback: z.boolean(),
  /** Low P(alive) for a customer whose historical value is in the top share. */
  churnRisk: z.boolean(),
});
export type CustomerClv = z.infer<typeof CustomerClv>;

export const ClvResult = z.object({
  /** The model's time unit: x, t_x, T, the rates and the horizon are all in it. */
  unit: TimeUnit,
  /** The horizon in the model's unit. */
  horizon: z.number(),
  model: BgNbdModel.nullable(),
  spend: GammaGammaModel.nullable(),
  /** One entry per summarised customer, in the order of the summaries. */
  perCustomer: z.array(CustomerClv),
  warnings: z.array(z.string()),
  /** A sentence saying why values fell back to history; null when every value is the model's. */
  fallbackReason: z.string().nullable(),
  /**
   * False when the model cannot be trusted to rank customers: no BG/NBD fit could be used
   * (too few buyers or repeat buyers, no convergence, values not finite) or a fit ran to
   * the edge of its range (see ClvSettings.parameterBound). CLV and P(alive) then carry no
   * score; `fallbackReason` says why.
   */
  reliable: z.boolean(),
});
export type ClvResult = z.infer<typeof ClvResult>;
