import { describe, expect, it } from 'vitest';
import { dashboardMetrics } from '../../../src/core/metrics/dashboard.js';
import { gini } from '../../../src/core/metrics/gini.js';
import { AS_OF, assignSettings, customer, rep } from '../assign/book.js';

describe('gini', () => {
  it('is 0 for an even spread and (n−1)/n when one rep holds everything', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 12])).toBeCloseTo(0.75, 12);
    expect(gini([])).toBe(0);
  });

  it('matches the mean absolute difference over twice the mean', () => {
    const xs = [1, 4, 9, 2, 7];
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    let diff = 0;
    for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
    expect(gini(xs)).toBeCloseTo(diff / (xs.length * xs.length * 2 * mean), 12);
  });
});

describe('dashboardMetrics', () => {
  const reps = [rep('Ann', { capacity: 4 }), rep('Bob')];
  const customers = [
    customer('C1', { owner: 'Ann', tier: 'A', score: 90 }),
    customer('C2', { owner: 'ann@example.com', score: 30 }),
    customer('C3', { owner: 'Bob', score: 60 }),
    customer('C4', { owner: 'Zed', score: 10 }),
  ];
  const deal = (customerId: string, daysAgo: number, stage: 'won' | 'lost' | 'open', owner: string | null = null) => ({ customerId, owner, day: AS_OF - daysAgo, stage });
  const deals = [deal('C1', 10, 'won'), deal('C1', 20, 'lost'), deal('C2', 100, 'won'), deal('C3', 5, 'won', 'Ann'), deal('C3', 95, 'won'), deal('C3', 1, 'open'), deal('C1', 90, 'lost')];

  it('counts per rep customers, score, A tier and capacity use, with owners matched by name or e-mail', () => {
    const d = dashboardMetrics({ customers, reps, deals, asOfDay: AS_OF, settings: assignSettings() });
    expect(d.perRep.map(({ rep: name, count, score, aCount, capacityUse }) => ({ name, count, score, aCount, capacityUse }))).toEqual([
      { name: 'Ann', count: 2, score: 120, aCount: 1, capacityUse: 0.5 },
      { name: 'Bob', count: 1, score: 60, aCount: 0, capacityUse: null },
    ]);
    expect(d.unowned).toBe(1);
    expect(d.gini).toBeCloseTo(gini([120, 60]), 12);
  });

  it('measures conversion over the last 90 days, by deal owner first, and customers lost since the period before', () => {
    const d = dashboardMetrics({ customers, reps, deals, asOfDay: AS_OF, settings: assignSettings() });
    // In the period: C1 won, C1 lost (20 days), C3 won by Ann; the loss 90 days ago is outside it.
    expect(d.conversion).toEqual({ won: 2, closed: 3, rate: 2 / 3 });
    expect(d.perRep.find((r) => r.rep === 'Ann')?.conversion).toEqual({ won: 2, closed: 3, rate: 2 / 3 });
    expect(d.perRep.find((r) => r.rep === 'Bob')?.conversion).toEqual({ won: 0, closed: 0, rate: null });
    expect(d.lost).toEqual(['C2']);
    expect(d.perRep.find((r) => r.rep === 'Ann')?.lost).toBe(1);
  });

  it('counts customers moved since the last run and passes on the unplaced count', () => {
    const d = dashboardMetrics({ customers, reps, deals, asOfDay: AS_OF, settings: assignSettings(), previousOwners: { C1: ' ann ', C2: 'Bob', C3: 'Bob' }, unplaced: 3 });
    expect([d.moved, d.unplaced]).toEqual([1, 3]);
  });
});
