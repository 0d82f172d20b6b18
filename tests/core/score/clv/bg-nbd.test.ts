import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  probabilityOfPurchases,
} from '../../../../src/core/score/clv/bg-nbd-expectations.js';
import { fitBgNbd } from '../../../../src/core/score/clv/bg-nbd-fit.js';
import { bgNbdObjective } from '../../../../src/core/score/clv/bg-nbd-likelihood.js';
import { groupForFit } from '../../../../src/core/score/clv/customer-groups.js';
import { summarizePurchases } from '../../../../src/core/score/clv/purchase-summaries.js';
import { CALIBRATION_END, readCdnowSample, readCdnowSubset } from './cdnow.js';

/** The parameter sets the CDNOW README names. */
const FITTED = { r: 0.24259, alpha: 4.4136, a: 0.79292, b: 2.42589 };
const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

const withinRelative = (actual: number, expected: number, share: number): void =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(share * Math.abs(expected));

describe('BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  // Summarised inside each test, not when the file is collected, so that a mutation run knows
  // which tests reach the CLV code.
  const weekly = () => summarizePurchases(readCdnowSample(), CALIBRATION_END, 'weeks');

  it('fits r, α, a, b within 0.1% of the published maximum-likelihood values', () => {
    const model = fitBgNbd(weekly());
    expect(model.converged).toBe(true);
    withinRelative(model.r, 0.24259, 0.001);
    withinRelative(model.alpha, 4.4136, 0.001);
    withinRelative(model.a, 0.79292, 0.001);
    withinRelative(model.b, 2.4259, 0.001);
    expect(Math.abs(model.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.05);
  });

  it('finds the same maximum whether time is in days, weeks or months, with α in the matching unit', () => {
    const subset = readCdnowSubset();
    const weeks = fitBgNbd(summarizePurchases(subset, CALIBRATION_END, 'weeks'));
    for (const [unit, perWeek] of [['days', 7], ['months', 7 / 30.4375]] as const) {
      const model = fitBgNbd(summarizePurchases(subset, CALIBRATION_END, unit));
      expect(model.converged).toBe(true);
      withinRelative(model.r, weeks.r, 1e-5);
      withinRelative(model.alpha, weeks.alpha * perWeek, 1e-5);
      withinRelative(model.a, weeks.a, 1e-5);
    }
  });

  it('expects 1.226 purchases in the next 39 weeks from a customer with x = 2, t_x = 30.43, T = 38.86', () => {
    expect(Math.abs(conditionalExpectedPurchases(FITTED, 2, 30.43, 38.86, 39) - 1.226)).toBeLessThanOrEqual(0.001);
  });

  it('gives the published unconditional E[X(t)], summing the series to convergence at 78 weeks', () => {
    const published: [number, number][] = [[0.1429, 0.0078], [1, 0.0532], [3, 0.1506], [31.8571, 1.0405], [32, 1.0437], [78, 1.858]];
    for (const [t, expected] of published) expect(Math.abs(expectedPurchases(FITTED, t) - expected), `t = ${t}`).toBeLessThanOrEqual(0.0005);
  });

  it('gives the published P(X(t) = n)', () => {
    expect(Math.abs(probabilityOfPurchases(PAPER, 39, 0) - 0.5737864)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(probabilityOfPurchases(PAPER, 2, 10) - 1.07869e-7)).toBeLessThanOrEqual(1e-6);
    expect(probabilityOfPurchases(PAPER, 2, 10)).toBeCloseTo(1.07869e-7, 11);
    expect(Math.abs(probabilityOfPurchases(FITTED, 39, 0) - 0.57431)).toBeLessThanOrEqual(0.000005);
  });

  it('has P(X(t) = n) summing to 1 with mean E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 2000; n++) {
      const p = probabilityOfPurchases(FITTED, 39, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(expectedPurchases(FITTED, 39), 6);
  });

  it('has an analytic gradient that matches finite differences of the log-likelihood', () => {
    const objective = bgNbdObjective(groupForFit(weekly()));
    const theta = Float64Array.from([-1.2, 1.3, -0.1, 0.7]);
    const gradient = new Float64Array(4);
    objective(theta, gradient);
    for (let i = 0; i < 4; i++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[i] += 1e-6;
      down[i] -= 1e-6;
      const numeric = (objective(up, new Float64Array(4)) - objective(down, new Float64Array(4))) / 2e-6;
      expect(gradient[i]).toBeCloseTo(numeric, 7);
    }
  });

  it('does not overflow for very heavy buyers', () => {
    expect(Number.isFinite(fitBgNbd({ x: Float64Array.of(5000, 0, 3), tx: Float64Array.of(700, 0, 10), T: Float64Array.of(730, 20, 30) }).logLikelihood)).toBe(true);
    const p = probabilityAlive(FITTED, 5000, 700, 730);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(conditionalExpectedPurchases(FITTED, 5000, 729, 730, 52))).toBe(true);
  });
});

describe('BG/NBD properties', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
    a: fc.double({ min: 0.05, max: 5, noNaN: true }),
    b: fc.double({ min: 0.05, max: 10, noNaN: true }),
  });
  const history = fc
    .record({ x: fc.integer({ min: 0, max: 60 }), T: fc.double({ min: 0, max: 200, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : T * share }));

  it('P(alive) is in [0, 1], and 1 for a customer with no repeat purchase', () => {
    fc.assert(
      fc.property(params, history, (p, h) => {
        const alive = probabilityAlive(p, h.x, h.tx, h.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (h.x === 0) expect(alive).toBe(1);
      }),
    );
  });

  it('P(alive) falls as the time since the last purchase grows', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.5, max: 100, noNaN: true }), (p, h, silence) => {
        fc.pre(h.x > 0);
        expect(probabilityAlive(p, h.x, h.tx, h.T + silence)).toBeLessThanOrEqual(probabilityAlive(p, h.x, h.tx, h.T));
      }),
    );
  });

  it('expected purchases are never negative and grow with the horizon', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0, max: 150, noNaN: true }), (p, h, t) => {
        const now = conditionalExpectedPurchases(p, h.x, h.tx, h.T, t);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(conditionalExpectedPurchases(p, h.x, h.tx, h.T, t + 1)).toBeGreaterThanOrEqual(now * (1 - 1e-9));
      }),
    );
  });
});
