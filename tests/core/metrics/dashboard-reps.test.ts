import { describe, expect, it } from 'vitest';
import { dashboardMetrics } from '../../../src/core/metrics/dashboard.js';
import { AS_OF, assignSettings, customer, rep } from '../assign/book.js';

describe('dashboard per rep', () => {
  it('shows no capacity use for a rep with a cap of 0, as for one with no cap', () => {
    const reps = [rep('Ann', { capacity: 0 }), rep('Bob')];
    const d = dashboardMetrics({ customers: [customer('C1', { owner: 'Ann' })], reps, deals: [], asOfDay: AS_OF, settings: assignSettings() });
    expect(d.perRep.map((r) => [r.rep, r.count, r.capacityUse])).toEqual([
      ['Ann', 1, null],
      ['Bob', 0, null],
    ]);
  });

  it('measures the spread of score over active reps only: an inactive rep holds nothing and is not counted as an empty share', () => {
    const reps = [rep('Ann'), rep('Bob'), rep('Cy', { active: false })];
    const customers = [customer('C1', { owner: 'Ann', score: 40 }), customer('C2', { owner: 'Bob', score: 40 }), customer('C3', { owner: 'Cy', score: 90 })];
    const d = dashboardMetrics({ customers, reps, deals: [], asOfDay: AS_OF, settings: assignSettings() });
    expect([d.gini, d.unowned]).toEqual([0, 1]);
  });
});
