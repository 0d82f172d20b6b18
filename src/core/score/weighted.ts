import type { Dimension } from '../settings/score.js';
import { normalizeDimension } from './normalize.js';
import { sortedPresent } from './quantile.js';

/** One dimension with its raw values (NaN = blank) for every customer, in row order. */
export interface DimensionColumn {
  readonly dimension: Dimension;
  readonly values: Float64Array;
  /** The raw text, for `category` dimensions. */
  readonly categories?: readonly (string | null)[];
}

export interface Contribution {
  readonly dimension: Dimension;
  /** Points this dimension added to the 0..100 score. */
  readonly points: number;
  /** 0..1, 1 best; NaN when the value was missing and the dimension skipped. */
  readonly normalized: number;
  readonly missing: boolean;
}

export interface WeightedScores {
  /** 0..100 with two decimals, one per customer. */
  readonly scores: Float64Array;
  /** Per customer, the contributions of the dimensions used, best first (only the best `limit` when given). */
  contributionsOf(customer: number, limit?: number): Contribution[];
}

/**
 * The weighted value score (DESIGN §4): Σ wᵢ·nᵢ / Σ wᵢ × 100 over the dimensions whose
 * column exists, nᵢ the normalised value (1 best). Missing values follow each
 * dimension's policy; `skip` drops the dimension from that customer's sums so the
 * other weights carry the score.
 */
export function scoreCustomers(count: number, columns: readonly DimensionColumn[]): WeightedScores {
  const used = columns.filter((c) => c.dimension.weight > 0);
  const normalized = used.map((c) => fillMissing(normalizeDimension(c.values, c.dimension, c.categories), c.dimension));
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let weighted = 0;
    let weights = 0;
    for (let d = 0; d < used.length; d++) {
      const n = normalized[d][i];
      if (Number.isNaN(n)) continue;
      weighted += used[d].dimension.weight * n;
      weights += used[d].dimension.weight;
    }
    scores[i] = weights > 0 ? Math.round((weighted / weights) * 10000) / 100 : 0;
  }

  // Ties in points are broken by dimension key; ranking the keys once keeps localeCompare
  // out of the per-customer comparisons (it dominated `TW Why` for 100k customers).
  const byKey = used.map((_, d) => d).sort((a, b) => used[a].dimension.key.localeCompare(used[b].dimension.key));
  const keyRank = new Int32Array(used.length);
  byKey.forEach((d, rank) => (keyRank[d] = rank));
  const points = new Float64Array(used.length);
  const order = new Int32Array(used.length);

  function contributionsOf(customer: number, limit = used.length): Contribution[] {
    let weights = 0;
    for (let d = 0; d < used.length; d++) if (!Number.isNaN(normalized[d][customer])) weights += used[d].dimension.weight;
    for (let d = 0; d < used.length; d++) {
      const n = normalized[d][customer];
      points[d] = Number.isNaN(n) || weights === 0 ? 0 : (100 * used[d].dimension.weight * n) / weights;
    }
    // Insertion into the best `limit` so far: the same total order a full sort gives, without
    // building a Contribution for the dimensions that are not shown.
    let kept = 0;
    for (let d = 0; d < used.length; d++) {
      let at = kept;
      while (at > 0 && ranksBefore(d, order[at - 1])) at--;
      if (at >= limit) continue;
      if (kept < limit) kept++;
      for (let j = kept - 1; j > at; j--) order[j] = order[j - 1];
      order[at] = d;
    }
    const best: Contribution[] = [];
    for (let j = 0; j < kept; j++) {
      const d = order[j];
      const n = normalized[d][customer];
      best.push({ dimension: used[d].dimension, points: points[d], normalized: n, missing: Number.isNaN(n) || Number.isNaN(used[d].values[customer]) });
    }
    return best;
  }

  /** Most points first, then by dimension key. */
  function ranksBefore(a: number, b: number): boolean {
    return (points[b] - points[a] || keyRank[a] - keyRank[b]) < 0;
  }

  return { scores, contributionsOf };
}

function fillMissing(normalized: Float64Array, dimension: Dimension): Float64Array {
  if (dimension.missing === 'skip') return normalized;
  const fill = dimension.missing === 'worst' ? 0 : medianOf(normalized);
  for (let i = 0; i < normalized.length; i++) if (Number.isNaN(normalized[i])) normalized[i] = fill;
  return normalized;
}

function medianOf(values: Float64Array): number {
  const present = sortedPresent(values);
  if (present.length === 0) return 0;
  const mid = present.length >> 1;
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}
