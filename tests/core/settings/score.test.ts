import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/core/settings/schema.js';
import { dealDimensions, defaultDimensions } from '../../../src/core/settings/score.js';

const dimension = (key: string, weight: number) => ({ key, label: key, source: key, weight });

describe('score settings', () => {
  it('score on the eight default dimensions when none are set', () => {
    const parsed = parseSettings({});
    expect(parsed.ok && parsed.settings.score.dimensions.map((d) => d.key)).toEqual(['revenue', 'potential', 'tenure', 'renewal', 'strategic', 'paymentDays', 'overdue', 'serviceCost']);
  });

  it('take the built-in dimensions, default and from the deals, as valid dimensions of their own', () => {
    for (const dimensions of [defaultDimensions, dealDimensions]) expect(parseSettings({ score: { dimensions } }).ok).toBe(true);
  });

  it('refuse dimensions that all weigh 0, and accept them when one weighs anything above 0', () => {
    expect(parseSettings({ score: { dimensions: [dimension('a', 0), dimension('b', 0)] } })).toEqual({
      ok: false,
      errors: ['settings.score.dimensions: at least one dimension needs a weight above 0 (with all at 0 every customer would score the same)'],
    });
    expect(parseSettings({ score: { dimensions: [dimension('a', 0), dimension('b', 0.01)] } }).ok).toBe(true);
  });

  it('take RFM binning as quantile or r-rfm', () => {
    for (const binning of ['quantile', 'r-rfm']) expect(parseSettings({ rfm: { binning } }).ok, binning).toBe(true);
  });
});

describe('tier settings', () => {
  it('put 20% in A and 30% in B, or scores from 80 and 50, when nothing is set', () => {
    const parsed = parseSettings({});
    expect(parsed.ok && parsed.settings.tiers).toEqual({ mode: 'share', shares: { A: 0.2, B: 0.3 }, thresholds: { A: 80, B: 50 } });
  });

  it('refuse shares of A and B that add up to more than everyone, and accept exactly everyone', () => {
    expect(parseSettings({ tiers: { shares: { A: 0.6, B: 0.41 } } })).toEqual({ ok: false, errors: ['settings.tiers.shares: shares A + B must not exceed 1'] });
    expect(parseSettings({ tiers: { shares: { A: 0.5, B: 0.5 } } }).ok).toBe(true);
  });

  it('refuse a threshold for A below the one for B, and accept them equal', () => {
    expect(parseSettings({ tiers: { mode: 'threshold', thresholds: { A: 49, B: 50 } } })).toEqual({
      ok: false,
      errors: ['settings.tiers.thresholds: threshold A must be at least threshold B'],
    });
    expect(parseSettings({ tiers: { mode: 'threshold', thresholds: { A: 50, B: 50 } } }).ok).toBe(true);
  });
});
