import type { Dimension } from '../settings/score.js';
import { normalizeDimension } from './normalize.js';

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
  /** Per customer, the contributions of the dimensions used, best first. */
  contributionsOf(customer: number): Contribution[];
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

  function contributionsOf(customer: number): Contribution[] {
    let weights = 0;
    for (let d = 0; d < used.length; d++) if (!Number.isNaN(normalized[d][customer])) weights += used[d].dimension.weight;
    const list = used.map((column, d) => {
      const n = normalized[d][customer];
      const skipped = Number.isNaN(n);
      return {
        dimension: column.dimension,
        points: skipped || weights === 0 ? 0 : (100 * column.dimension.weight * n) / weights,
        normalized: n,
        missing: skipped || Number.isNaN(column.values[customer]),
      };
    });
    return list.sort((a, b) => b.points - a.points || a.dimension.key.localeCompare(b.dimension.key));
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
  const present = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  if (present.length === 0) return 0;
  const mid = present.length >> 1;
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}
