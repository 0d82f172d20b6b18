import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClvSettings } from '../../../../src/core/settings/clv.js';
import { conditionalExpectedPurchases } from '../../../../src/core/score/clv/bg-nbd-expectations.js';
import { ClvResult } from '../../../../src/core/score/clv/clv-result.js';
import { computeClv } from '../../../../src/core/score/clv/compute-clv.js';
import { populationMeanSpend } from '../../../../src/core/score/clv/gamma-gamma.js';
import { type CustomerPurchases, summarizePurchases } from '../../../../src/core/score/clv/purchase-summaries.js';
import { CALIBRATION_END, dayNumber, readCdnowSample, readCdnowSubset } from './cdnow.js';

const defaults = ClvSettings.parse({});
const sample = readCdnowSample();
const subset = readCdnowSubset();

/**
 * The weekly fit of the 500-customer subset. Computed inside each test rather than when the
 * file is collected, so that a mutation run knows which tests reach the CLV code.
 */
function weeklySubset() {
  const summaries = summarizePurchases(subset, CALIBRATION_END, 'weeks');
  return { summaries, result: computeClv(summaries, defaults) };
}

describe('computeClv on the CDNOW sample', () => {
  it('reports the fitted models, in weeks, over a 52-week horizon, reliable under the default parameter bound, without falling back', () => {
    const result = computeClv(summarizePurchases(sample, CALIBRATION_END, 'weeks'), defaults);
    expect(ClvResult.parse(result)).toEqual(result);
    expect(result.unit).toBe('weeks');
    expect(result.horizon).toBe(52);
    expect(result.fallbackReason).toBeNull();
    expect(result.reliable).toBe(true);
    expect(result.model?.r).toBeCloseTo(0.24259, 4);
    expect(result.model?.converged).toBe(true);
    expect(result.spend?.p).toBeCloseTo(6.25, 2);
    expect(result.spend?.q).toBeCloseTo(3.74, 2);
    expect(result.warnings).toEqual([]);
    expect(result.perCustomer).toHaveLength(2357);
    expect(result.perCustomer.every((c) => !c.fallback)).toBe(true);
  });

  it('discounts each week of expected purchases at 10% a year converted to weeks', () => {
    const { summaries, result } = weeklySubset();
    const i = summaries.ids.indexOf('1');
    const model = result.model!;
    const weekly = Math.pow(1.1, 7 / 365.25) - 1;
    let expected = 0;
    for (let k = 1; k <= 52; k++) {
      const inWeek = conditionalExpectedPurchases(model, 2, summaries.tx[i], summaries.T[i], k) - conditionalExpectedPurchases(model, 2, summaries.tx[i], summaries.T[i], k - 1);
      expected += (inWeek * result.perCustomer[i].expectedSpend) / Math.pow(1 + weekly, k);
    }
    expect(result.perCustomer[i].clv).toBeCloseTo(expected, 10);
    expect(result.perCustomer[i].expectedPurchases).toBeCloseTo(conditionalExpectedPurchases(model, 2, summaries.tx[i], summaries.T[i], 52), 12);
  });

  it('gives one-day buyers the population mean spend and P(alive) 1', () => {
    const { summaries, result } = weeklySubset();
    const i = summaries.ids.indexOf('3');
    expect(result.perCustomer[i].pAlive).toBe(1);
    expect(result.perCustomer[i].expectedSpend).toBeCloseTo(populationMeanSpend(result.spend!), 12);
  });

  it('without discount, CLV is expected purchases × expected spend × margin share', () => {
    const plain = computeClv(summarizePurchases(subset, CALIBRATION_END, 'weeks'), { ...defaults, discountRate: 0, marginShare: 0.4 });
    for (const c of plain.perCustomer.slice(0, 50)) expect(c.clv).toBeCloseTo(c.expectedPurchases! * c.expectedSpend * 0.4, 9);
  });

  it('converts a horizon given in months into the model unit', () => {
    const { summaries, result } = weeklySubset();
    const yearly = computeClv(summaries, { ...defaults, horizon: { value: 12, unit: 'months' } });
    expect(yearly.horizon).toBeCloseTo(365.25 / 7, 12);
    const i = summaries.ids.indexOf('1');
    expect(yearly.perCustomer[i].expectedPurchases).toBeGreaterThan(result.perCustomer[i].expectedPurchases!);
  });

  it('flags churn risk only for low P(alive) among the top 30% by monetary value', () => {
    const { summaries, result } = weeklySubset();
    const sorted = Float64Array.from(summaries.monetary).sort();
    const threshold = sorted[sorted.length - Math.ceil(0.3 * sorted.length)];
    const flagged = result.perCustomer.filter((c) => c.churnRisk);
    expect(flagged.length).toBeGreaterThan(0);
    for (const c of result.perCustomer) {
      const i = summaries.ids.indexOf(c.id);
      expect(c.churnRisk).toBe(c.pAlive! < 0.3 && summaries.monetary[i] >= threshold);
    }
  });

  it('does not depend on the order of customers', () => {
    const { result } = weeklySubset();
    fc.assert(
      fc.property(fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length }), (shuffled) => {
        const reordered = computeClv(summarizePurchases(shuffled, CALIBRATION_END, 'weeks'), defaults);
        const byId = new Map(reordered.perCustomer.map((c) => [c.id, c]));
        expect(reordered.model).toEqual(result.model);
        expect(reordered.spend).toEqual(result.spend);
        for (const c of result.perCustomer) expect(byId.get(c.id)).toEqual(c);
      }),
      { numRuns: 3 },
    );
  });
});

describe('computeClv when the data cannot carry the model', () => {
  const day = dayNumber('20240101');
  const customer = (id: string, days: number[], amount = 100): CustomerPurchases => ({ id, purchases: days.map((d) => ({ day: day + d, amount })) });

  it('falls back to the historical value, with a reason, when there are too few customers', () => {
    const summaries = summarizePurchases([customer('a', [0, 10, 20]), customer('b', [5])], day + 60, 'weeks');
    const result = computeClv(summaries, defaults);
    expect(result.model).toBeNull();
    expect(result.fallbackReason).toMatch(/Only 2 customers .* at least 30/);
    expect(result.perCustomer.map((c) => [c.id, c.clv, c.pAlive, c.fallback])).toEqual([
      ['a', 300, null, true],
      ['b', 100, null, true],
    ]);
  });

  it('falls back when too few customers bought more than once', () => {
    const input = Array.from({ length: 40 }, (_, i) => customer(`c${i}`, i < 3 ? [0, 7] : [i]));
    const result = computeClv(summarizePurchases(input, day + 90, 'weeks'), defaults);
    expect(result.fallbackReason).toBe(
      'Too little repeat buying to tell who has stopped: P(alive) is not informative here (only 3 customers bought on more than one day; the model needs at least 10, clv.minRepeaters).',
    );
    expect(result.reliable).toBe(false);
    expect(result.perCustomer.every((c) => c.fallback && c.expectedPurchases === null)).toBe(true);
  });

  it('reports a fit that runs off to the edge of its range, converged or not, and falls back instead of using it', () => {
    // Half buy once, half buy every 10 weeks up to the as-of day: nobody who came back ever
    // drops out, so the drop-out probability runs off to 0 and the likelihood has no maximum.
    const input = Array.from({ length: 50 }, (_, i) => customer(`c${i}`, i % 2 ? [0, 70, 140, 210] : [0]));
    const result = computeClv(summarizePurchases(input, day + 210, 'weeks'), defaults);
    expect(result.model?.converged).toBe(false);
    expect(result.fallbackReason).toMatch(/^Too little repeat buying to tell who has stopped: P\(alive\) is not informative here \(the BG\/NBD fit ran to the edge of its range: \w+ = [\d.e+-]+, (above 1e\+6|below 1e-6)\)\.$/);
    expect(result.reliable).toBe(false);
    expect(result.perCustomer.every((c) => c.fallback)).toBe(true);
  });

  it('warns when spend per purchase grows with the number of purchases', () => {
    // CDNOW's purchase days, but every purchase worth $10 per purchase line of its customer.
    const input = subset.map((c) => ({ id: c.id, purchases: c.purchases.map((p) => ({ day: p.day, amount: 10 * c.purchases.length })) }));
    const result = computeClv(summarizePurchases(input, CALIBRATION_END, 'weeks'), defaults);
    expect(result.warnings.some((w) => /correlated \(Pearson r = 0\.\d\d\)/.test(w))).toBe(true);
  });

  it('never throws and returns finite values or a fallback for any small book', () => {
    const book = fc.array(
      fc.record({
        id: fc.uuid(),
        purchases: fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), amount: fc.double({ min: 0, max: 5000, noNaN: true }) }), {
          minLength: 1,
          maxLength: 8,
        }),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(book, (input) => {
        const result = computeClv(summarizePurchases(input, 365, 'weeks'), { ...defaults, minCustomers: 5, minRepeaters: 3 });
        for (const c of result.perCustomer) {
          expect(Number.isFinite(c.clv)).toBe(true);
          expect(c.clv).toBeGreaterThanOrEqual(0);
          if (c.expectedPurchases !== null) expect(c.expectedPurchases).toBeGreaterThanOrEqual(0);
          if (c.pAlive !== null) expect(c.pAlive).toBeGreaterThanOrEqual(0);
        }
        if (result.perCustomer.length > 0) expect(result.perCustomer.some((c) => c.fallback)).toBe(result.fallbackReason !== null);
      }),
      { numRuns: 40 },
    );
  });
});
