import { describe, expect, it } from 'vitest';
import { expectedAverageSpend, fitGammaGamma, gammaGammaObjective, populationMeanSpend } from '../../../../src/core/score/clv/gamma-gamma.js';
import { summarizePurchases } from '../../../../src/core/score/clv/purchase-summaries.js';
import { pearsonCorrelation } from '../../../../src/core/score/clv/spend-correlation.js';
import { CALIBRATION_END, readCdnowSample, readCdnowSummary } from './cdnow.js';

/** CDNOW's repeat buyers: their number of repeat purchases and average spend. */
function repeatBuyers() {
  const summaries = summarizePurchases(readCdnowSample(), CALIBRATION_END, 'weeks');
  const repeaters = Array.from(summaries.x.keys()).filter((i) => summaries.x[i] > 0);
  return { summaries, repeaters, x: Float64Array.from(repeaters, (i) => summaries.x[i]), zbar: Float64Array.from(repeaters, (i) => summaries.zbar[i]) };
}

// The buyers are summarised inside each test, not when the file is collected, so that a
// mutation run knows which tests reach the CLV code.
describe('Gamma-Gamma on the CDNOW sample', () => {
  it('fits p 6.25, q 3.74, γ 15.44 on the 946 repeat buyers summarised from the purchases', () => {
    const { repeaters, x, zbar } = repeatBuyers();
    expect(repeaters.length).toBe(946);
    const model = fitGammaGamma(x, zbar);
    expect(model.converged).toBe(true);
    expect(model.p.toFixed(2)).toBe('6.25');
    expect(model.q.toFixed(2)).toBe('3.74');
    expect(model.gamma.toFixed(2)).toBe('15.44');
    expect(model.logLikelihood).toBeCloseTo(-4055.92, 1);
  });

  it('lands within 0.01 of the same values from the published summary, whose zbar is rounded to cents', () => {
    const published = readCdnowSummary().filter((c) => c.x > 0);
    const model = fitGammaGamma(Float64Array.from(published, (c) => c.x), Float64Array.from(published, (c) => c.zbar));
    expect(Math.abs(model.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(model.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(model.gamma - 15.44)).toBeLessThan(0.01);
  });

  it('expects the published average spend of customers 1..10, and the model mean for x = 0', () => {
    const { summaries, x, zbar } = repeatBuyers();
    const model = fitGammaGamma(x, zbar);
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    expected.forEach((spend, k) => {
      const i = summaries.ids.indexOf(String(k + 1));
      expect(Math.abs(expectedAverageSpend(model, summaries.x[i], summaries.zbar[i]) - spend), `customer ${k + 1}`).toBeLessThanOrEqual(0.1);
    });
    expect(expectedAverageSpend(model, 0, 0)).toBeCloseTo(populationMeanSpend(model), 12);
    expect(Math.abs(populationMeanSpend(model) - 35.2)).toBeLessThan(0.1);
  });

  it('does not depend on the order of the repeat buyers', () => {
    const { x, zbar } = repeatBuyers();
    const reversed = fitGammaGamma(x.slice().reverse(), zbar.slice().reverse());
    expect(reversed).toEqual(fitGammaGamma(x, zbar));
  });

  it('finds CDNOW spend and frequency weakly correlated (r ≈ 0.11), below the warning threshold', () => {
    const { x, zbar } = repeatBuyers();
    expect(pearsonCorrelation(x, zbar)).toBeCloseTo(0.11, 2);
  });

  it('has an analytic gradient that matches finite differences of the log-likelihood', () => {
    const { x, zbar } = repeatBuyers();
    const objective = gammaGammaObjective(x, zbar);
    const theta = Float64Array.from([1.5, 1.1, 2.9]);
    const gradient = new Float64Array(3);
    objective(theta, gradient);
    for (let i = 0; i < 3; i++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[i] += 1e-6;
      down[i] -= 1e-6;
      expect(gradient[i]).toBeCloseTo((objective(up, new Float64Array(3)) - objective(down, new Float64Array(3))) / 2e-6, 6);
    }
  });

  it('leaves out rows the density cannot take (zbar ≤ 0)', () => {
    const { x, zbar } = repeatBuyers();
    const withZero = fitGammaGamma(Float64Array.from([...x, 2]), Float64Array.from([...zbar, 0]));
    expect(withZero).toEqual(fitGammaGamma(x, zbar));
  });

  it('has no population mean when q ≤ 1', () => {
    expect(populationMeanSpend({ p: 2, q: 0.9, gamma: 10 })).toBeNaN();
  });
});
