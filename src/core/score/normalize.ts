import type { Dimension } from '../settings/score.js';

/**
 * Maps one dimension's raw values to 0..1 where 1 is best, NaN staying NaN (missing).
 * The missing-value policy is applied later, by the scorer, so that `median` is the
 * median of the normalised values actually present.
 */
export function normalizeDimension(values: Float64Array, dimension: Dimension, categories?: readonly (string | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  switch (dimension.normalize) {
    case 'category':
      categoryPoints(categories ?? [], dimension.points ?? {}, out);
      break;
    case 'percentile':
      percentileRanks(values, out);
      break;
    case 'log-minmax':
      // log1p keeps 0 at 0 and tames long-tailed money columns; negatives are clamped to 0
      // because a log has no meaning for them (a refund-heavy account simply scores lowest).
      for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]) ? NaN : Math.log1p(Math.max(0, values[i]));
      minMaxInPlace(out);
      break;
    default:
      out.set(values);
      minMaxInPlace(out);
  }
  if (dimension.direction === 'lower') {
    for (let i = 0; i < out.length; i++) if (!Number.isNaN(out[i])) out[i] = 1 - out[i];
  }
  return out;
}

/**
 * (v − min) / (max − min), computed on halves: max − min of two finite doubles can
 * overflow to Infinity (1e308 − −1e308), which zeroed the whole dimension (issue 12);
 * the difference of two halves never does, and halving is exact (a power of two).
 */
function minMaxInPlace(values: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const low = min / 2;
  const halfSpan = max / 2 - low;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    // A column where everyone is equal says nothing about anyone: the middle for all.
    values[i] = halfSpan > 0 ? Math.min(1, (values[i] / 2 - low) / halfSpan) : 0.5;
  }
}

/** Mid-rank percentile: ties share their average rank, so equal values score equally. */
function percentileRanks(values: Float64Array, out: Float64Array): void {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) out[i] = NaN;
    else present.push(i);
  }
  present.sort((a, b) => values[a] - values[b]);
  const n = present.length;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[present[end + 1]] === values[present[start]]) end++;
    const rank = n > 1 ? (start + end) / 2 / (n - 1) : 0.5;
    for (let k = start; k <= end; k++) out[present[k]] = rank;
    start = end + 1;
  }
}

function categoryPoints(categories: readonly (string | null)[], points: Record<string, number>, out: Float64Array): void {
  const lookup = new Map(Object.entries(points).map(([name, value]) => [name.trim().toLowerCase(), value / 100]));
  for (let i = 0; i < out.length; i++) {
    const category = categories[i];
    out[i] = category === null || category === undefined || category.trim() === '' ? NaN : (lookup.get(category.trim().toLowerCase()) ?? 0);
  }
}
