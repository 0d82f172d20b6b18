import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binMeasure } from '../../../src/core/score/rfm-bins.js';
import { OTHERS, scoreRfm, segmentOf } from '../../../src/core/score/rfm.js';
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
  it('checks the rules in order, first match wins; scores that match no rule are in the segment "Others"', () => {
    expect(segmentOf(5, 5, 5, rules)).toBe('Champions');
    // 5/5/4 also matches Potential Loyalist, listed before Loyal Customers.
    expect(segmentOf(5, 5, 4, rules)).toBe('Potential Loyalist');
    expect(segmentOf(1, 1, 1, rules)).toBe('Lost');
    // The name the RFM Segment column shows, not the constant the code uses for it.
    expect(segmentOf(2, 1, 5, rules)).toBe('Others');
  });

  it('names customers without a won deal "No purchases"', () => {
    const result = scoreRfm(
      { recencyDays: Float64Array.from([NaN, 3]), frequency: Float64Array.from([NaN, 1]), monetary: Float64Array.from([NaN, 10]) },
      defaultSettings.rfm,
    );
    expect(result.segments[0]).toBe('No purchases');
    expect(result.r[0]).toBe(0);
  });
});

describe('RFM scores of a book', () => {
  // Five buyers: recency in days since the last purchase, number of purchases, total spent.
  const measures = {
    recencyDays: Float64Array.from([1, 400, 30, 90, 200]),
    frequency: Float64Array.from([2, 9, 1, 5, 3]),
    monetary: Float64Array.from([50, 20, 900, 10, 300]),
  };

  it('gives 5 to the most recent buyer, to the one who bought most often and to the one who spent most', () => {
    for (const binning of ['quantile', 'r-rfm'] as const) {
      const result = scoreRfm(measures, { ...defaultSettings.rfm, binning });
      expect(result.r.indexOf(5)).toBe(0);
      expect(result.f.indexOf(5)).toBe(1);
      expect(result.m.indexOf(5)).toBe(2);
      expect([result.r[1], result.f[2], result.m[3]]).toEqual([1, 1, 1]);
    }
    const quantile = scoreRfm(measures, defaultSettings.rfm);
    expect([Array.from(quantile.r), Array.from(quantile.f), Array.from(quantile.m)]).toEqual([
      [5, 1, 4, 3, 2],
      [2, 5, 1, 4, 3],
      [3, 2, 5, 1, 4],
    ]);
  });

  it('names the best buyer on all three a Champion and the one who stopped long ago Lost', () => {
    const result = scoreRfm(
      { recencyDays: Float64Array.from([3, 700, 40, 90, 20]), frequency: Float64Array.from([12, 1, 4, 2, 6]), monetary: Float64Array.from([5000, 30, 600, 80, 900]) },
      defaultSettings.rfm,
    );
    expect([result.segments[0], result.segments[1]]).toEqual(['Champions', 'Lost']);
  });

  it("gives every buyer the segment its own three scores name, however many customers share a segment (property)", () => {
    const measure = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(measure, measure, measure, (recency, frequency, monetary) => {
        const result = scoreRfm(
          { recencyDays: Float64Array.from(recency), frequency: Float64Array.from(frequency), monetary: Float64Array.from(monetary) },
          defaultSettings.rfm,
        );
        result.segments.forEach((segment, i) => expect(segment).toBe(segmentOf(result.r[i], result.f[i], result.m[i], rules)));
      }),
      { numRuns: 40 },
    );
  });

  it('counts both ends of a rule range as inside it', () => {
    const band = [{ name: 'Middle', r: [2, 4] as [number, number], f: [2, 4] as [number, number], m: [2, 4] as [number, number] }];
    expect([segmentOf(2, 2, 2, band), segmentOf(4, 4, 4, band), segmentOf(3, 3, 3, band)]).toEqual(['Middle', 'Middle', 'Middle']);
    expect([segmentOf(1, 3, 3, band), segmentOf(5, 3, 3, band), segmentOf(3, 1, 3, band), segmentOf(3, 5, 3, band), segmentOf(3, 3, 1, band), segmentOf(3, 3, 5, band)]).toEqual(Array(6).fill(OTHERS));
  });
});
