import type { ClvSettings } from '../../settings/clv.js';
import { fitBgNbd } from './bg-nbd-fit.js';
import type { BgNbdModel, ClvFit, ClvResult, CustomerClv, GammaGammaModel } from './clv-result.js';
import { averagePurchaseValue, valueCustomers } from './customer-values.js';
import type { FuturePurchases } from './discounted-value.js';
import { fitGammaGamma } from './gamma-gamma.js';
import type { PurchaseSummaries } from './purchase-summaries.js';
import { pearsonCorrelation } from './spend-correlation.js';
import { convertDuration } from './time-units.js';

/**
 * CLV of every summarised customer: BG/NBD for how many purchases and whether the
 * customer is still buying, Gamma-Gamma for what a purchase is worth, discounted period
 * by period over the horizon in the model's own unit (the unit the summaries were built
 * in). Never throws: where the data cannot carry a model the values fall back to history
 * (see historicalValues) with `fallback` set and `fallbackReason` saying why, and the
 * result is marked not `reliable`. The fit (fitClv) and the values (valueClv) are apart so
 * that a run can reuse the fit the last rescore saved for the same summaries.
 */
export function computeClv(summaries: PurchaseSummaries, settings: ClvSettings): ClvResult {
  return valueClv(fitClv(summaries, settings), summaries, settings);
}

/**
 * The models fitted to the summaries, and what they are good for: everything of a CLV
 * run that depends on the whole book, a handful of numbers and sentences. A fit whose
 * shape parameter ran to the edge of its range is not used even when the optimiser calls
 * it converged: issue 10 met a fit with a ≈ 1e-10, b ≈ 2.4e6, which gives every customer
 * P(alive) = 1.
 */
export function fitClv(summaries: PurchaseSummaries, settings: ClvSettings): ClvFit {
  const warnings: string[] = [];
  if (settings.unit !== summaries.unit) {
    warnings.push(`The purchases were summarised in ${summaries.unit} but the settings ask for ${settings.unit}; the model uses ${summaries.unit}.`);
  }
  const customers = summaries.ids.length;
  const repeaters = summaries.x.reduce((count, x) => count + (x > 0 ? 1 : 0), 0);
  const noModel = (reason: string, model: BgNbdModel | null): ClvFit => ({ model, spend: null, modelValues: false, spendUsable: false, fallbackReason: reason, reliable: false, warnings });

  if (customers < settings.minCustomers) {
    return noModel(`Only ${customers} customers have a won deal on or before the as-of date; fitting the model needs at least ${settings.minCustomers}.`, null);
  }
  if (repeaters < settings.minRepeaters) {
    return noModel(`${TOO_LITTLE_REPEAT_BUYING} (only ${repeaters} customers bought on more than one day; the model needs at least ${settings.minRepeaters}, clv.minRepeaters).`, null);
  }
  const fitted = fitBgNbd(summaries);
  // Checked before convergence: a search running off to an edge often stops unconverged, and the edge is what to tell.
  const edge = parameterAtEdge({ r: fitted.r, a: fitted.a, b: fitted.b }, settings.parameterBound);
  if (edge !== null) return noModel(`${TOO_LITTLE_REPEAT_BUYING} (the BG/NBD fit ran to the edge of its range: ${edge}).`, fitted);
  if (!fitted.converged) {
    return noModel(`The BG/NBD fit did not converge after ${fitted.iterations} iterations, so its parameters cannot be trusted.`, fitted);
  }

  const spend = fitSpend(summaries, settings, warnings);
  const spendEdge = spend && parameterAtEdge({ p: spend.p, q: spend.q }, settings.parameterBound);
  const spendUsable = spend !== null && spend.converged && spend.q > 1 && spendEdge === null;
  return { model: fitted, spend, modelValues: true, spendUsable, fallbackReason: spendUsable ? null : spendFallbackReason(spend, spendEdge), reliable: !spendEdge, warnings };
}

/**
 * Every customer's values under a fit of the same summaries and settings (fitClv).
 * `future` is what futurePurchasesOver gives for the fit's model, the summaries and the
 * settings, when an earlier run saved it: the values are then the same, without its cost.
 */
export function valueClv(fit: ClvFit, summaries: PurchaseSummaries, settings: ClvSettings, future?: FuturePurchases): ClvResult {
  const unit = summaries.unit;
  const base = { unit, horizon: convertDuration(settings.horizon.value, settings.horizon.unit, unit), warnings: [...fit.warnings] };
  // A fit whose likelihood is not a number is used but not shown: the summary has no way to say NaN.
  const model = fit.model && Number.isFinite(fit.model.logLikelihood) ? fit.model : null;
  const fallBack = (reason: string | null): ClvResult => ({ ...base, model, spend: null, perCustomer: historicalValues(summaries, settings), fallbackReason: reason, reliable: false });
  if (!fit.modelValues || fit.model === null) return fallBack(fit.fallbackReason);
  const perCustomer = valueCustomers(fit.model, fit.spendUsable ? fit.spend : null, summaries, settings, future);
  if (!perCustomer.every((c) => Number.isFinite(c.clv) && Number.isFinite(c.expectedPurchases))) {
    return fallBack('The model gave a value that is not a finite number for some customers, so no model values are used.');
  }
  return { ...base, model, spend: fit.spend, perCustomer, fallbackReason: fit.fallbackReason, reliable: fit.reliable };
}

const TOO_LITTLE_REPEAT_BUYING = 'Too little repeat buying to tell who has stopped: P(alive) is not informative here';

/**
 * The first shape parameter beyond the bound or below its reciprocal, said with its value
 * ("a = 5.54e-8, below 1e-6"), or null when all are within range.
 */
function parameterAtEdge(parameters: Readonly<Record<string, number>>, bound: number): string | null {
  for (const [name, value] of Object.entries(parameters)) {
    if (value > bound) return `${name} = ${value.toPrecision(3)}, above ${bound.toExponential(0)}`;
    if (value < 1 / bound) return `${name} = ${value.toPrecision(3)}, below ${(1 / bound).toExponential(0)}`;
  }
  return null;
}

/** Gamma-Gamma on the repeat buyers whose repeat purchases have a positive mean (the density needs zbar > 0); null if too few. */
function fitSpend(summaries: PurchaseSummaries, settings: ClvSettings, warnings: string[]): GammaGammaModel | null {
  const rows: number[] = [];
  let notPositive = 0;
  summaries.x.forEach((x, i) => {
    if (x > 0 && summaries.zbar[i] > 0) rows.push(i);
    else if (x > 0) notPositive += 1;
  });
  if (notPositive > 0) {
    warnings.push(`${notPositive} repeat buyers have repeat purchases worth 0 or less on average; the spend model was fitted without them.`);
  }
  if (rows.length < settings.minRepeaters) return null;
  const x = Float64Array.from(rows, (i) => summaries.x[i]);
  const zbar = Float64Array.from(rows, (i) => summaries.zbar[i]);
  const correlation = pearsonCorrelation(x, zbar);
  if (Math.abs(correlation) >= settings.spendCorrelationWarning) {
    warnings.push(
      `Among repeat buyers, spend per purchase and number of purchases are correlated (Pearson r = ${correlation.toFixed(2)}); ` +
        'the Gamma-Gamma spend model assumes they are independent, so expected spend may be biased.',
    );
  }
  return fitGammaGamma(x, zbar);
}

function spendFallbackReason(spend: GammaGammaModel | null, edge: string | null): string {
  const why =
    spend === null
      ? 'too few repeat buyers with a positive repeat purchase value to fit the spend model'
      : edge !== null
        ? `the Gamma-Gamma spend fit ran to the edge of its range (${edge}), so the data cannot tell what customers' purchases are worth and CLV is not reliable`
        : !spend.converged
        ? `the Gamma-Gamma spend fit did not converge after ${spend.iterations} iterations`
        : `the fitted spend model has q = ${spend.q.toFixed(3)} ≤ 1, for which the mean spend is infinite`;
  return `Expected spend is each customer's historical average purchase value: ${why}.`;
}

/**
 * The fallback: each customer's historical monetary value times the margin share. We do
 * not project what we could not model (any projection of a thin history, e.g. a run rate,
 * swings wildly for customers seen once, and their first day sets the rate), so the
 * figure is what the customer has brought so far, undiscounted: a floor of their value
 * that still ranks customers sensibly. P(alive) and expected purchases stay empty (null)
 * rather than pretend.
 */
function historicalValues(summaries: PurchaseSummaries, settings: ClvSettings): CustomerClv[] {
  return summaries.ids.map((id, i) => ({
    id,
    pAlive: null,
    expectedPurchases: null,
    expectedSpend: averagePurchaseValue(summaries, i),
    clv: summaries.monetary[i] * settings.marginShare,
    fallback: true,
    churnRisk: false,
  }));
}
