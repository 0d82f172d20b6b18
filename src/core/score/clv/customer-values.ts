import type { ClvSettings } from '../../settings/clv.js';
import { probabilityAlive } from './bg-nbd-expectations.js';
import { flagChurnRisk } from './churn-risk.js';
import type { BgNbdParameters, CustomerClv, GammaGammaParameters } from './clv-result.js';
import { type FuturePurchases, futurePurchases, horizonSchedule, periodDiscountRate } from './discounted-value.js';
import { expectedAverageSpend } from './gamma-gamma.js';
import type { PurchaseSummaries } from './purchase-summaries.js';
import { convertDuration } from './time-units.js';

/** Historical value of a purchase day: total won value over the number of purchase days. */
export function averagePurchaseValue(summaries: PurchaseSummaries, i: number): number {
  return summaries.monetary[i] / (summaries.x[i] + 1);
}

/**
 * Each summarised customer's expected purchases over the settings' horizon if alive, plain
 * and discounted: the costly part of valuing customers (a hypergeometric series per
 * distinct (x, T) and period), and a function of the model, x, T and the settings only.
 */
export function futurePurchasesOver(model: BgNbdParameters, summaries: PurchaseSummaries, settings: ClvSettings): FuturePurchases {
  const unit = summaries.unit;
  const horizon = convertDuration(settings.horizon.value, settings.horizon.unit, unit);
  return futurePurchases(model, summaries.x, summaries.T, horizonSchedule(horizon, periodDiscountRate(settings.discountRate, unit)));
}

/**
 * P(alive), expected purchases over the horizon, expected spend and CLV of every
 * customer under fitted models:
 *
 *   CLV = P(alive) · Σk [E(tk) − E(tk−1) | alive] / (1 + d)^tk · E[spend] · margin share.
 *
 * Without a usable spend model (`spend` null) expected spend is the customer's historical
 * average purchase value and every value is marked `fallback`. Repeat buyers whose repeat
 * purchases average below 0 (credit notes) count as 0 in the spend model. `future` is
 * futurePurchasesOver of the same model, summaries and settings, when a run has it already.
 */
export function valueCustomers(
  model: BgNbdParameters,
  spend: GammaGammaParameters | null,
  summaries: PurchaseSummaries,
  settings: ClvSettings,
  future: FuturePurchases = futurePurchasesOver(model, summaries, settings),
): CustomerClv[] {
  const pAlive: number[] = new Array(summaries.ids.length);
  const values: CustomerClv[] = new Array(summaries.ids.length);
  for (let i = 0; i < summaries.ids.length; i++) {
    const x = summaries.x[i];
    const alive = probabilityAlive(model, x, summaries.tx[i], summaries.T[i]);
    const expectedSpend = spend !== null ? expectedAverageSpend(spend, x, Math.max(0, summaries.zbar[i])) : averagePurchaseValue(summaries, i);
    pAlive[i] = alive;
    values[i] = {
      id: summaries.ids[i],
      pAlive: alive,
      expectedPurchases: alive * future.ifAlive[i],
      expectedSpend,
      clv: alive * future.discountedIfAlive[i] * expectedSpend * settings.marginShare,
      fallback: spend === null,
      churnRisk: false,
    };
  }
  const churnRisk = flagChurnRisk(pAlive, summaries.monetary, settings.churnRisk);
  for (let i = 0; i < values.length; i++) values[i].churnRisk = churnRisk[i];
  return values;
}
