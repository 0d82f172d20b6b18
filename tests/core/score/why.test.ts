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

  it('says when a dimension had no data', () => {
    expect(explainScore([{ dimension: revenue, points: 0, normalized: NaN, missing: true }])).toBe(`no data for ${revenue.label} (+0.0)`);
  });
});
