import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Tier, assignTiers as assignOrNone } from '../../../src/core/score/tiers.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';

const shares = defaultSettings.tiers;
const count = (tiers: string[], t: string) => tiers.filter((x) => x === t).length;

/** The tiers of a book whose scores differ somewhere (those always get tiers). */
function assignTiers(scores: Float64Array, rule: typeof shares): Tier[] {
  const tiers = assignOrNone(scores, rule);
  if (tiers === null) throw new Error(`no tiers for ${scores.join(', ')}`);
  return tiers;
}

const thresholds = { ...shares, mode: 'threshold' as const };
/** Either tier rule, with any shares (A + B ≤ 1) or thresholds (A ≥ B). */
const anyRule = fc.oneof(
  fc.integer({ min: 0, max: 100 }).chain((a) => fc.integer({ min: 0, max: 100 - a }).map((b) => ({ ...shares, shares: { A: a / 100, B: b / 100 } }))),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({ ...thresholds, thresholds: { A: Math.max(a, b), B: Math.min(a, b) } })),
);
/** Score lists with many ties, constant lists among them. */
const scoreLists = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 5 }).map((x) => x * 20), { minLength: 1, maxLength: 60 }),
  fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 60 })).map(([score, n]) => new Array<number>(n).fill(score)),
  fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }),
);

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
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 200 }), (list) => {
        fc.pre(new Set(list).size > 1);
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

describe('tiers: a score that ranks nobody', () => {
  it('gives no tiers, never all A, when every customer has the same score (the 0.00 book of issue 10)', () => {
    expect(assignOrNone(new Float64Array(23570), shares)).toBeNull();
    expect(assignOrNone(Float64Array.from([85, 85, 85]), { ...thresholds, thresholds: { A: 80, B: 50 } })).toBeNull();
  });

  it('gives no tiers exactly when every score is the same, under either rule', () => {
    fc.assert(
      fc.property(scoreLists, anyRule, (list, rule) => {
        const tiers = assignOrNone(Float64Array.from(list), rule);
        expect(tiers === null).toBe(new Set(list).size === 1);
        if (tiers !== null) expect(tiers).toHaveLength(list.length);
      }),
    );
  });

  it('never gives equal scores different tiers, under either rule', () => {
    fc.assert(
      fc.property(scoreLists, anyRule, (list, rule) => {
        const tiers = assignOrNone(Float64Array.from(list), rule) ?? [];
        const tierOf = new Map<number, Tier>();
        tiers.forEach((tier, i) => {
          expect(tierOf.get(list[i]) ?? tier).toBe(tier);
          tierOf.set(list[i], tier);
        });
      }),
    );
  });

  it('never gives a higher score a lower tier, whatever the rule', () => {
    fc.assert(
      fc.property(scoreLists, anyRule, (list, rule) => {
        const tiers = assignOrNone(Float64Array.from(list), rule) ?? [];
        const rank = { A: 3, B: 2, C: 1 } as const;
        for (let i = 0; i < tiers.length; i++) for (let j = 0; j < tiers.length; j++) if (list[i] > list[j]) expect(rank[tiers[i]]).toBeGreaterThanOrEqual(rank[tiers[j]]);
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
