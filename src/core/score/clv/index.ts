// The CLV statistics the scoring pipeline calls: summaries, the two models, CLV, churn risk.
export { summarizePurchases, summarizePurchaseColumns, type PurchaseColumns, type CustomerPurchases, type Purchase, type PurchaseSummaries } from './purchase-summaries.js';
export { fitBgNbd } from './bg-nbd-fit.js';
export {
  conditionalExpectedPurchases,
  expectedPurchases,
  expectedPurchasesIfAlive,
  probabilityAlive,
  probabilityOfPurchases,
} from './bg-nbd-expectations.js';
export { expectedAverageSpend, fitGammaGamma, populationMeanSpend } from './gamma-gamma.js';
export { type FuturePurchases, futurePurchases, horizonSchedule, periodDiscountRate } from './discounted-value.js';
export { flagChurnRisk } from './churn-risk.js';
export { computeClv, fitClv, valueClv } from './compute-clv.js';
export { averagePurchaseValue, futurePurchasesOver, valueCustomers } from './customer-values.js';
export { DAYS_PER_UNIT, convertDuration } from './time-units.js';
export * from './clv-result.js';
