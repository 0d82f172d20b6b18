import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Contribution } from '../../../src/core/score/weighted.js';
import { explainScore } from '../../../src/core/score/why.js';

const revenue = defaultSettings.score.dimensions[0];

describe('explainScore', () => {
  it('names the best three as "level label (+points)", points rounded as toFixed(1) rounds them', () => {
    const points = fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: 0, max: 2000 }).map((k) => k / 20),
      fc.double({ min: -5, max: 1e8, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(points, { minLength: 1, maxLength: 5 }), (values) => {
        const contributions: Contribution[] = values.map((p) => ({ dimension: revenue, points: p, normalized: 0.9, missing: false }));
        const expected = values.slice(0, 3).map((p) => `high ${revenue.label} (+${p.toFixed(1)})`).join(', ');
        expect(explainScore(contributions)).toBe(expected);
      }),
    );
  });

  it('says the customer was not scored, rather than leave TW Why blank, when no dimension of the score had a column', () => {
    expect(explainScore([])).toBe('not scored: no column the score uses is in this book');
  });

  it('says when a dimension had no data', () => {
    expect(explainScore([{ dimension: revenue, points: 0, normalized: NaN, missing: true }])).toBe(`no data for ${revenue.label} (+0.0)`);
  });

  it('calls a value high from two thirds of the range up, medium from one third, low below; for a lower-is-better dimension the raw value is what is described', () => {
    const level = (normalized: number, dimension = revenue) => explainScore([{ dimension, points: 1, normalized, missing: false }]).split(' ')[0];
    expect([1, 0.66, 0.65, 0.5, 0.33, 0.32, 0].map((n) => level(n))).toEqual(['high', 'high', 'medium', 'medium', 'medium', 'low', 'low']);
    const serviceCost = defaultSettings.score.dimensions.find((d) => d.key === 'serviceCost')!;
    // A low service cost scores well: goodness 0.9 is a raw level of 0.1.
    expect(explainScore([{ dimension: serviceCost, points: 8.2, normalized: 0.9, missing: false }])).toBe('low service cost (+8.2)');
    expect(level(0.5, serviceCost)).toBe('medium');
    expect(level(0.1, serviceCost)).toBe('high');
  });
});
