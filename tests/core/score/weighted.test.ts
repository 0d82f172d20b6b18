import { describe, expect, it } from 'vitest';
import { scoreCustomers } from '../../../src/core/score/weighted.js';
import { explainScore } from '../../../src/core/score/why.js';
import { Dimension } from '../../../src/core/settings/score.js';

const dim = (key: string, weight: number, extra: Partial<Dimension> = {}) =>
  Dimension.parse({ key, label: key, source: key, weight, ...extra });

describe('weighted score', () => {
  it('scores 100 for the best on every dimension and 0 for the worst', () => {
    const result = scoreCustomers(3, [
      { dimension: dim('revenue', 60), values: Float64Array.from([10, 20, 30]) },
      { dimension: dim('cost', 40, { direction: 'lower' }), values: Float64Array.from([9, 5, 1]) },
    ]);
    expect(Array.from(result.scores)).toEqual([0, 50, 100]);
  });

  it('reads weights relative to each other, so dimensions without a column drop out cleanly', () => {
    const a = scoreCustomers(2, [{ dimension: dim('x', 30), values: Float64Array.from([0, 1]) }]);
    const b = scoreCustomers(2, [{ dimension: dim('x', 3), values: Float64Array.from([0, 1]) }]);
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
  });

  it('applies the missing-value policies: worst, median and skip', () => {
    const values = Float64Array.from([0, 10, NaN, 5]);
    const other = { dimension: dim('y', 50), values: Float64Array.from([1, 1, 1, 1]) };
    const worst = scoreCustomers(4, [{ dimension: dim('x', 50, { missing: 'worst' }), values }, other]);
    const median = scoreCustomers(4, [{ dimension: dim('x', 50, { missing: 'median' }), values }, other]);
    const skip = scoreCustomers(4, [{ dimension: dim('x', 50, { missing: 'skip' }), values }, other]);
    // y is constant (0.5 for everyone); x normalised: 0, 1, ?, 0.5.
    expect(worst.scores[2]).toBe(25);
    expect(median.scores[2]).toBe(50);
    expect(skip.scores[2]).toBe(50);
    expect(skip.contributionsOf(2).find((c) => c.dimension.key === 'x')?.missing).toBe(true);
  });

  it('maps categories to points', () => {
    const result = scoreCustomers(3, [
      { dimension: dim('segment', 10, { normalize: 'category', points: { Key: 100, Growth: 50 } }), values: Float64Array.from([0, 0, 0]), categories: ['key', 'Growth', 'Other'] },
    ]);
    expect(Array.from(result.scores)).toEqual([100, 50, 0]);
  });

  it('explains a score by its three largest contributions, in words', () => {
    const result = scoreCustomers(2, [
      { dimension: dim('historical revenue', 50), values: Float64Array.from([0, 100]) },
      { dimension: dim('service cost', 30, { direction: 'lower' }), values: Float64Array.from([50, 1]) },
      { dimension: dim('potential', 15), values: Float64Array.from([1, 2]) },
      { dimension: dim('strategic', 5), values: Float64Array.from([1, 2]) },
    ]);
    expect(explainScore(result.contributionsOf(1))).toBe('high historical revenue (+50.0), low service cost (+30.0), high potential (+15.0)');
  });
});
