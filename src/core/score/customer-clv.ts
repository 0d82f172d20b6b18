import type { CustomerRows } from '../parse/customers-tab.js';
import type { DealFacts } from '../parse/deals-tab.js';
import type { Settings } from '../settings/schema.js';
import { type ClvResult, type FuturePurchases, type PurchaseSummaries, fitClv, futurePurchasesOver, summarizePurchaseColumns, valueClv } from './clv/index.js';
import { type KeyedClvFit, clvFitKey } from './clv/fit-key.js';

/** CLV per customer in row order (NaN where there is none), with the model behind it. */
export interface CustomerClvColumns {
  readonly result: ClvResult;
  /** The fit behind the values, keyed by what it read: what a rescore saves for the next runs. */
  readonly fit: KeyedClvFit;
  readonly clv: Float64Array;
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  readonly churnRisk: Uint8Array;
  readonly fallback: Uint8Array;
}

/**
 * Summarises each customer's won deals up to the as-of date in the model's unit, fits
 * BG/NBD and Gamma-Gamma (src/core/score/clv) and lays the values out by customer row;
 * customers listed twice get the values of their id. `saved` is a fit an earlier run made:
 * used when its key is the key of these summaries and settings, with its expected future
 * purchases, so the answer is the one fitting afresh gives, without the fit (the bulk of
 * CLV's time) or the hypergeometric series behind every customer's value.
 */
export function clvByCustomer(customers: CustomerRows, deals: DealFacts, settings: Settings, asOfDay: number, saved: KeyedClvFit | null = null): CustomerClvColumns {
  const summaries = summarizePurchaseColumns(deals.won, customers.ids, asOfDay, settings.clv.unit);
  const key = clvFitKey(summaries, settings.clv, asOfDay);
  const reused = saved?.key === key ? saved : null;
  const fit = reused?.fit ?? fitClv(summaries, settings.clv);
  const future = fit.modelValues && fit.model ? (usableFuture(reused?.future ?? null, summaries) ?? futurePurchasesOver(fit.model, summaries, settings.clv)) : null;
  const result = valueClv(fit, summaries, settings.clv, future ?? undefined);
  const n = customers.ids.length;
  const clv = new Float64Array(n).fill(NaN);
  const pAlive = new Float64Array(n).fill(NaN);
  const expectedPurchases = new Float64Array(n).fill(NaN);
  const churnRisk = new Uint8Array(n);
  const fallback = new Uint8Array(n);
  const byId = new Map(result.perCustomer.map((c) => [c.id, c]));
  for (let k = 0; k < n; k++) {
    const value = byId.get(customers.ids[k]);
    if (!value) continue;
    clv[k] = value.clv;
    pAlive[k] = value.pAlive ?? NaN;
    expectedPurchases[k] = value.expectedPurchases ?? NaN;
    churnRisk[k] = value.churnRisk ? 1 : 0;
    fallback[k] = value.fallback ? 1 : 0;
  }
  return { result, fit: { key, fit, future }, clv, pAlive, expectedPurchases, churnRisk, fallback };
}

/** A saved future, when it has one figure per summarised customer; null otherwise. */
function usableFuture(future: FuturePurchases | null, summaries: PurchaseSummaries): FuturePurchases | null {
  const n = summaries.ids.length;
  return future && future.ifAlive.length === n && future.discountedIfAlive.length === n ? future : null;
}
