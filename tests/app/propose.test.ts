import { describe, expect, it } from 'vitest';
import { CannotRun } from '../../src/app/cannot-run.js';
import { OWNED } from '../../src/app/owned-columns.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { propose } from '../../src/app/propose.js';
import { Summary, summarizeBook } from '../../src/app/summary.js';
import { memoryState } from './book-fixtures.js';
import { asOfDay, context, customersOf, ownerBook, ownerCustomers, withSettings } from './owner-fixtures.js';

describe('propose', () => {
  it('writes TW Proposed Owner, TW Reason and TW Fit for the customers up for an owner, and leaves the rest blank', () => {
    const ctx = context();
    const outcome = propose(ctx);
    const { cell, tab } = customersOf(ctx.workbook);
    expect(tab.header.slice(0, 10)).toEqual(ownerCustomers[0]);
    // C1 is Alice's and C3/C8 Bob's (any case): they keep their owners without a proposal.
    for (const id of ['C1', 'C3', 'C8']) expect([cell(id, OWNED.proposedOwner), cell(id, OWNED.reason), cell(id, OWNED.fit)]).toEqual([null, null, null]);
    // C2 (no owner, West) and C4 (owner Dora is not a rep) are proposed with a reason.
    expect(cell('C2', OWNED.proposedOwner)).toBe('Bob');
    expect(cell('C2', OWNED.reason)).toMatch(/^No owner; B tier → mid rep; same industry \(Finance\)/);
    expect(typeof cell('C2', OWNED.fit)).toBe('number');
    expect(cell('C4', OWNED.reason)).toMatch(/^Owner 'Dora' is not in the Reps tab/);
    expect(cell('C1', 'Notes')).toBe('vip');
    expect(outcome.assign.proposed).toBe(5);
    expect(outcome.assign.kept).toBe(3);
  });

  it('saves the proposals with a run id from the clock, and the summary names it', () => {
    const ctx = context();
    const outcome = propose(ctx);
    const saved = loadOwnerState(ctx.state).proposals!;
    expect(saved.runId).toBe('P-20261123-090000');
    expect(outcome.assign.runId).toBe(saved.runId);
    expect(saved.asOf).toBe('2026-11-23');
    expect(saved.items.map((i) => i.customerId)).toEqual(['C2', 'C4', 'C5', 'C6', 'C7']);
    expect(saved.items.find((i) => i.customerId === 'C4')).toMatchObject({ from: 'Dora', to: expect.any(String) });
    const summary = Summary.parse(summarizeBook('propose', asOfDay, null, outcome.facts, { assign: outcome.assign }));
    expect(summary.assign!.perRep.map((r) => r.rep)).toEqual(['Alice', 'Bob', 'Cy']);
    expect(summary.assign!.gini).toBeGreaterThanOrEqual(0);
  });

  it('flags the same company in TW Flags and gives the group one owner', () => {
    const ctx = context();
    propose(ctx);
    const { cell } = customersOf(ctx.workbook);
    expect(cell('C6', OWNED.flags)).toBe('same company as row 8');
    expect(cell('C7', OWNED.flags)).toBe('same company as row 7');
    expect(cell('C6', OWNED.proposedOwner)).toBe(cell('C7', OWNED.proposedOwner));
    expect(cell('C6', OWNED.reason)).toMatch(/one owner for the 2 customers of this company/);
  });

  it('lists every customer it cannot place, with why, and never drops one', () => {
    const settings = withSettings((s) => ({ ...s, assign: { ...s.assign, requireRegion: true } }));
    const reps = [
      ['Name', 'Level', 'Regions'],
      ['Alice', 'senior', 'East'],
    ];
    const outcome = propose(context(ownerBook(ownerCustomers, reps), memoryState(), settings));
    expect(outcome.assign.unplaced).toEqual([
      { customerId: 'C2', reason: expect.stringMatching(/not placed: .*West/) },
      { customerId: 'C5', reason: expect.stringMatching(/not placed: .*West/) },
    ]);
  });

  it('proposes everyone under rebalance', () => {
    const outcome = propose({ ...context(), rebalance: true });
    expect(outcome.assign.proposed + outcome.assign.unplaced.length).toBe(8);
    expect(outcome.assign.kept).toBe(0);
    expect(outcome.assign.rebalance).toBe(true);
  });

  it('refuses a book without a Reps tab, saying so', () => {
    expect(() => propose(context(ownerBook(ownerCustomers, null)))).toThrow(CannotRun);
    expect(() => propose(context(ownerBook(ownerCustomers, null)))).toThrow(/The book has no Reps tab/);
  });

  it('continues the round-robin rotation from the saved state on the next run', () => {
    const settings = withSettings((s) => ({ ...s, assign: { ...s.assign, strategy: 'round-robin' } }));
    const state = memoryState();
    const first = propose(context(ownerBook(), state, settings));
    const second = propose(context(ownerBook(), state, settings));
    const owners = (o: typeof first) => o.assign.perRep.map((r) => r.proposed);
    expect(first.assign.strategy).toBe('round-robin');
    expect(owners(second)).not.toEqual(owners(first));
  });
});
