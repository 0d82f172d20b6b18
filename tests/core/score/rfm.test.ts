import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binMeasure } from '../../../src/core/score/rfm-bins.js';
import { NO_PURCHASES, OTHERS, scoreRfm, segmentOf } from '../../../src/core/score/rfm.js';
import { quantileType7 } from '../../../src/core/score/quantile.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';

const rules = defaultSettings.rfm.segments;

describe('RFM bins (our quantile rule)', () => {
  it('scores 1..5 by the share of customers with a worse value', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(binMeasure(values, true, 'quantile'))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('scores recency descending: the most recent buyer gets 5', () => {
    const days = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(binMeasure(days, false, 'quantile'))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('puts equal values in the same RFM bin, even when they are most of the column', () => {
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 2, 3, 9]);
    const bins = binMeasure(values, true, 'quantile');
    expect(new Set(Array.from(bins.slice(0, 7)))).toEqual(new Set([1]));
    expect(bins[9]).toBe(5);
  });

  it('leaves customers without a purchase out of the cut points and at 0', () => {
    const withBlank = binMeasure(Float64Array.from([NaN, 1, 2, 3, 4, 5]), true, 'quantile');
    const without = binMeasure(Float64Array.from([1, 2, 3, 4, 5]), true, 'quantile');
    expect(withBlank[0]).toBe(0);
    expect(Array.from(withBlank.slice(1))).toEqual(Array.from(without));
  });

  it('gives equal values equal scores whatever the data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 100 }), fc.boolean(), fc.constantFrom('quantile' as const, 'r-rfm' as const), (list, higher, mode) => {
        const bins = binMeasure(Float64Array.from(list), higher, mode);
        const byValue = new Map<number, number>();
        list.forEach((v, i) => {
          expect(bins[i]).toBeGreaterThanOrEqual(1);
          expect(bins[i]).toBeLessThanOrEqual(5);
          if (byValue.has(v)) expect(bins[i]).toBe(byValue.get(v));
          byValue.set(v, bins[i]);
        });
      }),
    );
  });
});

describe('RFM bins (r-rfm compatibility)', () => {
  it('computes R type-7 quantiles', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileType7(sorted, 0.2)).toBeCloseTo(2.8, 12);
    expect(quantileType7(sorted, 0.8)).toBeCloseTo(8.2, 12);
    expect(quantileType7([5], 0.5)).toBe(5);
  });

  it('uses cuts = quantile + 1 with lower ≤ x < upper, as the R package rfm does', () => {
    // Cuts for 1..10: q(.2,.4,.6,.8) = 2.8, 4.6, 6.4, 8.2 → +1 = 3.8, 5.6, 7.4, 9.2.
    // Bins: [1,3.8) [3.8,5.6) [5.6,7.4) [7.4,9.2) [9.2,11).
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(binMeasure(values, true, 'r-rfm'))).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect(Array.from(binMeasure(values, false, 'r-rfm'))).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 2, 1]);
  });
});

describe('RFM segments', () => {
  it('checks the rules in order, first match wins', () => {
    expect(segmentOf(5, 5, 5, rules)).toBe('Champions');
    // 5/5/4 also matches Potential Loyalist, listed before Loyal Customers.
    expect(segmentOf(5, 5, 4, rules)).toBe('Potential Loyalist');
    expect(segmentOf(1, 1, 1, rules)).toBe('Lost');
    expect(segmentOf(2, 1, 5, rules)).toBe(OTHERS);
  });

  it('names customers without a won deal "No purchases"', () => {
    const result = scoreRfm(
      { recencyDays: Float64Array.from([NaN, 3]), frequency: Float64Array.from([NaN, 1]), monetary: Float64Array.from([NaN, 10]) },
      defaultSettings.rfm,
    );
    expect(result.segments[0]).toBe(NO_PURCHASES);
    expect(result.r[0]).toBe(0);
  });
});
