import { Digest } from '../../digest.js';
import type { ClvSettings } from '../../settings/clv.js';
import type { ClvFit } from './clv-result.js';
import type { FuturePurchases } from './discounted-value.js';
import type { PurchaseSummaries } from './purchase-summaries.js';

/**
 * Raised whenever fitClv or futurePurchasesOver would answer differently for the same
 * input (a new optimiser, a new rule for when a model is usable, a new series for the
 * expected purchases): a fit saved by another version then never matches, and is made again.
 */
const FIT_VERSION = 1;

/** A fit with the key of what it was fitted to (clvFitKey). */
export interface KeyedClvFit {
  readonly key: string;
  readonly fit: ClvFit;
  /**
   * futurePurchasesOver for the fit's model, the same summaries and settings: it reads
   * nothing the key does not hold, so it is saved and reused with the fit. Null when the
   * fit gives no model values.
   */
  readonly future: FuturePurchases | null;
}

/**
 * The key of everything a CLV fit reads: the per-customer summaries it was fitted to
 * (x, t_x, T and mean repeat spend, in order: they hold the deals and the as-of day as the
 * fit sees them), the CLV settings, the as-of day itself and the version of the fitting
 * code. Equal keys mean fitClv would give the same fit, and futurePurchasesOver the same
 * expected purchases (they read the model, x, T and the settings), so saved ones can stand in.
 */
export function clvFitKey(summaries: PurchaseSummaries, settings: ClvSettings, asOfDay: number): string {
  return new Digest()
    .number(FIT_VERSION)
    .text(JSON.stringify(settings))
    .text(summaries.unit)
    .number(asOfDay)
    .numbers(summaries.x)
    .numbers(summaries.tx)
    .numbers(summaries.T)
    .numbers(summaries.zbar)
    .hex();
}
