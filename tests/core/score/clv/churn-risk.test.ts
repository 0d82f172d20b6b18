import { describe, expect, it } from 'vitest';
import { flagChurnRisk } from '../../../../src/core/score/clv/churn-risk.js';

const settings = { pAliveBelow: 0.3, topMonetaryShare: 0.25 };

describe('flagChurnRisk', () => {
  it('flags a once-valuable customer who has probably stopped buying, and nobody else', () => {
    const pAlive = [0.1, 0.9, 0.1, 0.2, 0.5, 0.05, 0.6, 0.7];
    const monetary = Float64Array.of(900, 800, 10, 20, 30, 40, 50, 60);
    expect(flagChurnRisk(pAlive, monetary, settings)).toEqual([true, false, false, false, false, false, false, false]);
  });

  it('keeps every customer tied with the last one of the top share in it', () => {
    const monetary = Float64Array.of(500, 500, 500, 1, 1, 1, 1, 1);
    expect(flagChurnRisk([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], monetary, settings)).toEqual([true, true, true, false, false, false, false, false]);
  });

  it('never flags customers without a model P(alive), nor anyone when the top share is 0', () => {
    const monetary = Float64Array.of(900, 10);
    expect(flagChurnRisk([null, 0.1], monetary, settings)).toEqual([false, false]);
    expect(flagChurnRisk([0.1, 0.1], monetary, { ...settings, topMonetaryShare: 0 })).toEqual([false, false]);
  });
});
