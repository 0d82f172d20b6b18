import fc from 'fast-check';
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

describe('weighted score: the rules a reader of TW Score and TW Why relies on', () => {
  it('fills a blank with the median of the values present, the mean of the middle two for an even count', () => {
    // x normalised: 0, 0.2, 0.6, 1 and a blank; the middle two are 0.2 and 0.6.
    const median = scoreCustomers(5, [{ dimension: dim('x', 10, { missing: 'median' }), values: Float64Array.from([0, 2, 6, 10, NaN]) }]);
    expect(median.scores[4]).toBe(40);
    const odd = scoreCustomers(4, [{ dimension: dim('x', 10, { missing: 'median' }), values: Float64Array.from([0, 2, 10, NaN]) }]);
    expect(odd.scores[3]).toBe(20);
  });

  it('gives 0 to a customer with nothing to score on, and fills a column blank for everyone with 0', () => {
    const skip = scoreCustomers(2, [{ dimension: dim('x', 10, { missing: 'skip' }), values: Float64Array.from([NaN, 4]) }]);
    expect(Array.from(skip.scores)).toEqual([0, 50]);
    expect(skip.contributionsOf(0).map((c) => c.points)).toEqual([0]);
    const blank = scoreCustomers(2, [{ dimension: dim('x', 10, { missing: 'median' }), values: Float64Array.from([NaN, NaN]) }]);
    expect(Array.from(blank.scores)).toEqual([0, 0]);
    // The blank column still weighs: it does not hand its weight to the other dimension.
    const withOther = scoreCustomers(2, [
      { dimension: dim('x', 50, { missing: 'median' }), values: Float64Array.from([NaN, NaN]) },
      { dimension: dim('y', 50), values: Float64Array.from([0, 8]) },
    ]);
    expect(Array.from(withOther.scores)).toEqual([0, 50]);
  });

  it('leaves a dimension weighted 0 out of the score and out of TW Why', () => {
    const result = scoreCustomers(2, [
      { dimension: dim('revenue', 10), values: Float64Array.from([0, 10]) },
      { dimension: dim('ignored', 0), values: Float64Array.from([10, 0]) },
    ]);
    expect(Array.from(result.scores)).toEqual([0, 100]);
    expect(result.contributionsOf(0).map((c) => c.dimension.key)).toEqual(['revenue']);
    expect(Array.from(scoreCustomers(1, [{ dimension: dim('ignored', 0), values: Float64Array.from([5]) }]).scores)).toEqual([0]);
  });

  it('names equal contributions in the order of their keys, whatever the column order', () => {
    const columns = ['beta', 'alpha', 'gamma'].map((key) => ({ dimension: dim(key, 10), values: Float64Array.from([0, 1]) }));
    for (const order of [columns, [...columns].reverse()]) {
      const result = scoreCustomers(2, order);
      expect(result.contributionsOf(1).map((c) => c.dimension.key)).toEqual(['alpha', 'beta', 'gamma']);
      expect(result.contributionsOf(1, 2).map((c) => c.dimension.key)).toEqual(['alpha', 'beta']);
    }
  });

  it('marks a blank as missing even when a policy filled it, and a value present as not missing', () => {
    const result = scoreCustomers(2, [{ dimension: dim('x', 10, { missing: 'worst' }), values: Float64Array.from([NaN, 3]) }]);
    expect(result.contributionsOf(0)[0]).toMatchObject({ missing: true, normalized: 0, points: 0 });
    expect(result.contributionsOf(1)[0]).toMatchObject({ missing: false, normalized: 0.5, points: 50 });
  });

  it('lists the contributions largest first, equal ones by key; they add up to the score, and the best k are the first k (property)', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const column = fc.record({
      weight: fc.integer({ min: 0, max: 40 }),
      missing: fc.constantFrom('worst' as const, 'median' as const, 'skip' as const),
      values: fc.array(fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 4 })), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 5 }), (specs, limit) => {
        const columns = specs.map((s, d) => ({ dimension: dim(keys[d], s.weight, { missing: s.missing }), values: Float64Array.from(s.values) }));
        const result = scoreCustomers(4, columns);
        for (let i = 0; i < 4; i++) {
          const all = result.contributionsOf(i);
          expect(all.map((c) => c.dimension.key).sort()).toEqual(columns.filter((c) => c.dimension.weight > 0).map((c) => c.dimension.key));
          for (let j = 1; j < all.length; j++) {
            const [before, after] = [all[j - 1], all[j]];
            expect(before.points > after.points || (before.points === after.points && before.dimension.key < after.dimension.key)).toBe(true);
          }
          expect(result.contributionsOf(i, limit)).toEqual(all.slice(0, limit));
          expect(result.scores[i]).toBeCloseTo(all.reduce((sum, c) => sum + c.points, 0), 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
