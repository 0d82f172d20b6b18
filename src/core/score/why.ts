import type { Contribution } from './weighted.js';

/** How many contributions `TW Why` names. */
export const WHY_TOP = 3;

/**
 * `TW Why`: the three dimensions that added most, in words a rep can repeat to a
 * manager, e.g. "high historical revenue (+24.1), high growth potential (+15.0), low
 * service cost (+8.2)". The adjective describes the raw value, so a lower-is-better
 * dimension that scores well reads "low".
 */
export function explainScore(contributions: readonly Contribution[], top = WHY_TOP): string {
  return contributions
    .slice(0, top)
    .map((c) => `${describeLevel(c)} ${c.dimension.label} (+${c.points.toFixed(1)})`)
    .join(', ');
}

function describeLevel(c: Contribution): string {
  if (c.missing) return 'no data for';
  const goodness = c.normalized;
  const rawLevel = c.dimension.direction === 'lower' ? 1 - goodness : goodness;
  if (rawLevel >= 0.66) return 'high';
  if (rawLevel >= 0.33) return 'medium';
  return 'low';
}
