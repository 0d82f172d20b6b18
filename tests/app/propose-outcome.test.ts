import { describe, expect, it } from 'vitest';
import { OWNED } from '../../src/app/owned-columns.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { propose } from '../../src/app/propose.js';
import { rescore } from '../../src/app/rescore.js';
import { gini } from '../../src/core/metrics/gini.js';
import { memoryState } from './book-fixtures.js';
import { context, customersOf, ownerBook, ownerCustomers, withSettings } from './owner-fixtures.js';

/** Reps for the East only (so the West's customers cannot be placed), one of them marked inactive, one with a capacity that is not a number. */
const eastReps = [
  ['Name', 'Level', 'Regions', 'Capacity', 'Active'],
  ['Alice', 'senior', 'East', 10, 'yes'],
  ['Bob', 'mid', 'East', 'lots', 'yes'],
  ['Dee', 'junior', 'East', 10, 'no'],
];

/** A rebalance of the owner fixtures' book among the East's reps, after a rescore wrote TW Score. */
function rebalanced() {
  const settings = withSettings((s) => ({ ...s, assign: { ...s.assign, requireRegion: true } }));
  const ctx = { ...context(ownerBook(ownerCustomers, eastReps), memoryState(), settings), rebalance: true };
  rescore(ctx);
  const outcome = propose(ctx);
  return { ctx, outcome, run: loadOwnerState(ctx.state).proposals! };
}

describe('what a rebalance tells the manager and saves for Apply', () => {
  it('saves for Apply only the owner changes and the customers it could not place, not the owners it keeps', () => {
    const { outcome, run } = rebalanced();
    expect(outcome.assign.changes).toBeLessThan(outcome.assign.proposed);
    expect(run.items.filter((i) => i.to !== null).every((i) => i.to !== i.from)).toBe(true);
    expect(run.items.filter((i) => i.to === null).map((i) => i.customerId)).toEqual(['C2', 'C5']);
  });

  it('counts as proposed the customers it placed, and as changes those whose owner Apply would change', () => {
    const { outcome, run } = rebalanced();
    expect(outcome.assign.proposed + outcome.assign.unplaced.length).toBe(ownerCustomers.length - 1);
    expect(outcome.assign.changes).toBe(run.items.filter((i) => i.to !== null).length);
    expect(outcome.assign.changes).toBeGreaterThan(0);
  });

  it('gives each rep’s score as the sum of the TW Score of the customers proposed to them, to the cent', () => {
    const { ctx, outcome } = rebalanced();
    const { tab, col } = customersOf(ctx.workbook);
    for (const rep of outcome.assign.perRep) {
      const held = tab.rows.filter((r) => r[col(OWNED.proposedOwner)] === rep.rep).reduce((sum, r) => sum + Number(r[col('TW Score')]), 0);
      expect([rep.rep, rep.score]).toEqual([rep.rep, expect.closeTo(held, 1)]);
      expect(Math.round(rep.score * 100)).toBeCloseTo(rep.score * 100, 6);
    }
  });

  it('measures how evenly the score is spread among the active reps only', () => {
    const { outcome } = rebalanced();
    const active = outcome.assign.perRep.filter((r) => r.active);
    expect(active.map((r) => r.rep)).toEqual(['Alice', 'Bob']);
    expect(outcome.assign.gini).toBeGreaterThan(0);
    expect(outcome.assign.gini).toBeCloseTo(gini(active.map((r) => r.score)), 3);
  });

  it('reports the Reps tab’s problems with the book’s', () => {
    const { outcome } = rebalanced();
    expect(outcome.facts.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/lots/));
  });
});
