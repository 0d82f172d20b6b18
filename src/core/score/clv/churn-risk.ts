import type { ClvSettings } from '../../settings/clv.js';

type ChurnRiskSettings = ClvSettings['churnRisk'];

/**
 * A once-valuable customer who is drifting away: P(alive) below `pAliveBelow` and a
 * historical monetary value in the top `topMonetaryShare` of customers. "Top share" is
 * cut by value, not by position, so customers tied with the last one in the share are all
 * in it and the flags do not depend on the order of customers. Customers without a model
 * P(alive) (null) are never flagged: there is no evidence either way.
 */
export function flagChurnRisk(pAlive: readonly (number | null)[], monetary: Float64Array, settings: ChurnRiskSettings): boolean[] {
  const inShare = Math.ceil(settings.topMonetaryShare * monetary.length);
  if (inShare === 0) return pAlive.map(() => false);
  const threshold = Float64Array.from(monetary).sort()[monetary.length - inShare];
  return pAlive.map((p, i) => p !== null && p < settings.pAliveBelow && monetary[i] >= threshold);
}
