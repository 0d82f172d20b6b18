import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTiers } from '../../../src/core/score/tiers.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';

const shares = defaultSettings.tiers;
const count = (tiers: string[], t: string) => tiers.filter((x) => x === t).length;

describe('tiers', () => {
  it('puts the top 20% in A, the next 30% in B and the rest in C by default', () => {
    const scores = Float64Array.from({ length: 100 }, (_, i) => i);
    const tiers = assignTiers(scores, shares);
    expect([count(tiers, 'A'), count(tiers, 'B'), count(tiers, 'C')]).toEqual([20, 30, 50]);
    expect(tiers[99]).toBe('A');
    expect(tiers[80]).toBe('A');
    expect(tiers[79]).toBe('B');
    expect(tiers[49]).toBe('C');
  });

  it('gives every customer tied at a boundary the higher tier', () => {
    const scores = Float64Array.from([90, 80, 70, 70, 70, 10, 10, 10, 10, 10]);
    const tiers = assignTiers(scores, shares);
    // 20% of 10 is 2: the 2nd best scores 80, so A is 90 and 80; 50% is 5 customers: 70 x3 all B.
    expect(tiers).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
    const tiedAtA = assignTiers(Float64Array.from([90, 90, 90, 50, 10]), shares);
    expect(tiedAtA.slice(0, 3)).toEqual(['A', 'A', 'A']);
  });

  it('uses score thresholds in threshold mode', () => {
    const rule = { ...shares, mode: 'threshold' as const, thresholds: { A: 75, B: 40 } };
    expect(assignTiers(Float64Array.from([75, 74.99, 40, 39.99]), rule)).toEqual(['A', 'B', 'B', 'C']);
  });

  it('never gives a higher score a lower tier, and never puts fewer than the share in A', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 200 }), (list) => {
        const scores = Float64Array.from(list);
        const tiers = assignTiers(scores, shares);
        const rank = { A: 3, B: 2, C: 1 } as const;
        for (let i = 0; i < list.length; i++)
          for (let j = 0; j < list.length; j++) if (list[i] > list[j]) expect(rank[tiers[i]]).toBeGreaterThanOrEqual(rank[tiers[j]]);
        expect(count(tiers, 'A')).toBeGreaterThanOrEqual(Math.round(0.2 * list.length));
      }),
    );
  });
});

describe('tiers: edge shares', () => {
  it('puts nobody in A when the A share is 0, and nobody in B when the B share rounds to no customer', () => {
    const scores = Float64Array.from([90, 70, 50, 30]);
    expect(assignTiers(scores, { ...shares, shares: { A: 0, B: 0.5 } })).toEqual(['B', 'B', 'C', 'C']);
    expect(assignTiers(scores, { ...shares, shares: { A: 0, B: 0 } })).toEqual(['C', 'C', 'C', 'C']);
    expect(assignTiers(scores, { ...shares, shares: { A: 0.25, B: 0.1 } })).toEqual(['A', 'C', 'C', 'C']);
  });

  it('puts everyone in A or B when the shares add up to 1, whatever the row order', () => {
    const scores = Float64Array.from([10, 40, 20, 30]);
    expect(assignTiers(scores, { ...shares, shares: { A: 0.5, B: 0.5 } })).toEqual(['B', 'A', 'B', 'A']);
  });

  it('in threshold mode, a score exactly on a threshold takes the higher tier', () => {
    const rule = { ...shares, mode: 'threshold' as const, thresholds: { A: 80, B: 50 } };
    expect(assignTiers(Float64Array.from([80, 50, 79.99, 49.99, 100, 0]), rule)).toEqual(['A', 'B', 'B', 'C', 'A', 'C']);
  });
});
