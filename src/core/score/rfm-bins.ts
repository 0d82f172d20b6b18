import { countAtMost, countBelow, quantileType7, sortedPresent } from './quantile.js';

const BINS = 5;

/**
 * Scores one RFM measure 1..5 over the customers that have it (NaN = no won deal → 0).
 *
 * `quantile` (ours): a customer's score is 1 + ⌊5 × s⌋ capped at 5, where s is the share
 * of customers with a strictly worse value. Equal values have the same s, so they always
 * share a bin; a value shared by many customers does not spill over bins. Recency is
 * better when lower, frequency and monetary when higher.
 *
 * `r-rfm`: the R package `rfm` (v0.3): cut k = type-7 quantile at k/5, plus 1; bin i holds
 * lowerᵢ ≤ x < upperᵢ with lower = (min, cuts) and upper = (cuts, max + 1); recency is
 * scored descending (bin i → 6 − i), frequency and monetary ascending.
 */
export function binMeasure(values: Float64Array, higherIsBetter: boolean, mode: 'quantile' | 'r-rfm'): Uint8Array {
  const sorted = sortedPresent(values);
  const scores = new Uint8Array(values.length);
  if (sorted.length === 0) return scores;
  const score = mode === 'r-rfm' ? rRfmScorer(sorted, higherIsBetter) : quantileScorer(sorted, higherIsBetter);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) scores[i] = score(values[i]);
  return scores;
}

function quantileScorer(sorted: Float64Array, higherIsBetter: boolean): (x: number) => number {
  const n = sorted.length;
  return (x) => {
    const worse = higherIsBetter ? countBelow(sorted, x) : n - countAtMost(sorted, x);
    return Math.min(BINS, 1 + Math.floor((BINS * worse) / n));
  };
}

function rRfmScorer(sorted: Float64Array, higherIsBetter: boolean): (x: number) => number {
  const cuts: number[] = [];
  for (let k = 1; k < BINS; k++) cuts.push(quantileType7(sorted, k / BINS) + 1);
  const lower = [sorted[0], ...cuts];
  const upper = [...cuts, sorted[sorted.length - 1] + 1];
  return (x) => {
    for (let i = 0; i < BINS; i++) {
      if (lower[i] <= x && x < upper[i]) return higherIsBetter ? i + 1 : BINS - i;
    }
    // Unreachable for values of the column itself: bins tile [min, max + 1).
    return higherIsBetter ? 1 : BINS;
  };
}
