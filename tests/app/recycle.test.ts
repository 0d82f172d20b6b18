import { describe, expect, it } from 'vitest';
import { CannotRun } from '../../src/app/cannot-run.js';
import { OWNED, OWN_TABS } from '../../src/app/owned-columns.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { propose } from '../../src/app/propose.js';
import { recycle } from '../../src/app/recycle.js';
import { Summary, summarizeBook } from '../../src/app/summary.js';
import type { Cell } from '../../src/core/table.js';
import { memoryState } from './book-fixtures.js';
import { asOfDay, context, customersOf, ownerBook, ownerCustomers, withSettings } from './owner-fixtures.js';

/** C3 (Bob's) has had no activity since June and no won deal since January 2025: stale. */
function day(offset: number) {
  return asOfDay + offset;
}

function run(state = memoryState(), offset = 0, customers: Cell[][] = ownerCustomers, settings = context().settings) {
  const ctx = { ...context(ownerBook(customers), state, settings), asOfDay: day(offset) };
  return { ctx, outcome: recycle(ctx), view: customersOf(ctx.workbook) };
}

describe('recycle', () => {
  it('warns first: the first run on an old book flags the stale customer with the day it recycles, and clears no owner', () => {
    const { outcome, view, ctx } = run();
    expect(outcome.recycle.recycled).toEqual([]);
    expect(outcome.recycle.newWarnings).toEqual([{ customerId: 'C3', owner: 'Bob', recycleOn: '2026-11-30', reasons: ['no activity for 175 days', 'no won deal for 687 days'] }]);
    expect([outcome.recycle.warned, outcome.recycle.deferred]).toEqual([[], []]);
    expect(view.cell('C3', 'Owner')).toBe('Bob');
    // The whole cell: scoring's flag (the small book has too few buyers for a CLV model) and the pool's.
    expect(view.cell('C3', OWNED.flags)).toBe('CLV is historical value (no model fit, see summary); no activity for 175 days; no won deal for 687 days; recycles on 2026-11-30 unless contacted');
    expect(ctx.workbook.readTable(OWN_TABS.log)).toBeNull();
    Summary.parse(summarizeBook('recycle', asOfDay, null, outcome.facts, { recycle: outcome.recycle }));
  });

  it('recycles on the warned day, not the day before: Owner cleared, logged, cooldown for the old owner', () => {
    const state = memoryState();
    run(state);
    const dayBefore = run(state, 6);
    expect(dayBefore.outcome.recycle.recycled).toEqual([]);
    expect(dayBefore.view.cell('C3', 'Owner')).toBe('Bob');

    const { outcome, view, ctx } = run(state, 7);
    expect(outcome.recycle.recycled).toEqual([{ customerId: 'C3', from: 'Bob', reason: 'no activity for 182 days; no won deal for 694 days; flagged on 2026-11-23' }]);
    expect(view.cell('C3', 'Owner')).toBe(null);
    expect(view.cell('C3', OWNED.flags)).toMatch(/; recycled from Bob on 2026-11-30: /);
    const log = ctx.workbook.readTable(OWN_TABS.log)!;
    expect(log.rows).toEqual([[expect.any(String), outcome.recycle.runId, 'recycle', 'C3', 'Bob', '', outcome.recycle.recycled[0].reason, 'cli']]);
    expect(loadOwnerState(state).pool.cooldowns).toEqual([{ customerId: 'C3', repName: 'Bob', untilDay: day(7 + 30) }]);
  });

  it('counts a customer warned by an earlier run as still in its warning period, not as a new warning', () => {
    const state = memoryState();
    run(state);
    const { outcome } = run(state, 3);
    expect(outcome.recycle.newWarnings).toEqual([]);
    expect(outcome.recycle.warned.map((w) => [w.customerId, w.recycleOn])).toEqual([['C3', '2026-11-30']]);
    expect([outcome.recycle.recycled, outcome.recycle.deferred]).toEqual([[], []]);
  });

  it('lifts the warning of a customer contacted in the meantime', () => {
    const settings = withSettings((s) => ({ ...s, pool: { ...s.pool, noWonDealDays: 1000 } }));
    const state = memoryState();
    expect(run(state, 0, ownerCustomers, settings).outcome.recycle.newWarnings.map((w) => w.reasons)).toEqual([['no activity for 175 days']]);
    const contacted = ownerCustomers.map((r) => (r[0] === 'C3' ? [...r.slice(0, 6), '2026-11-26', ...r.slice(7)] : r));
    const { outcome, view } = run(state, 7, contacted, settings);
    expect(outcome.recycle).toMatchObject({ recycled: [], newWarnings: [], warned: [], deferred: [] });
    expect(view.cell('C3', 'Owner')).toBe('Bob');
    expect(view.cell('C3', OWNED.flags)).not.toMatch(/recycle/);
    expect(loadOwnerState(state).pool.staleFlags).toEqual([]);
  });

  it('recycles at most pool.maxPerRun per run, those flagged longest first, and says how many wait', () => {
    const settings = withSettings((s) => ({ ...s, pool: { ...s.pool, maxPerRun: 1 } }));
    const twoStale = ownerCustomers.map((r) => (r[0] === 'C1' ? [...r.slice(0, 6), '2026-01-01', ...r.slice(7)] : r));
    const state = memoryState();
    run(state, 0, twoStale, settings);
    const { outcome, view } = run(state, 7, twoStale, settings);
    expect(outcome.recycle.recycled.map((r) => r.customerId)).toEqual(['C1']);
    expect(outcome.recycle.deferred.map((w) => w.customerId)).toEqual(['C3']);
    expect([outcome.recycle.newWarnings, outcome.recycle.warned]).toEqual([[], []]);
    expect(view.cell('C3', OWNED.flags)).toMatch(/recycles at the next run unless contacted/);
  });

  it('dry run: the same summary as a real run, and nothing written or saved', () => {
    const state = memoryState();
    run(state);
    const saved = JSON.stringify(state.load());
    const ctx = { ...context(ownerBook(), state), asOfDay: day(7) };
    const dry = recycle({ ...ctx, dryRun: true });
    expect(ctx.workbook.edits.cells.size).toBe(0);
    expect(ctx.workbook.edits.ownTabs.size).toBe(0);
    expect(JSON.stringify(state.load())).toBe(saved);
    const real = run(state, 7).outcome;
    expect({ ...dry.recycle, runId: null, dryRun: false }).toEqual({ ...real.recycle, runId: null, dryRun: false });
  });

  it('keeps the other flags in the cell, and propose keeps the warning', () => {
    const state = memoryState();
    const { view } = run(state);
    expect(view.cell('C6', OWNED.flags)).toBe('same company as row 8');
    const ctx = context(ownerBook(), state);
    propose(ctx);
    expect(customersOf(ctx.workbook).cell('C3', OWNED.flags)).toMatch(/recycles on 2026-11-30 unless contacted$/);
  });

  it('does not offer a recycled customer back to its old owner during the cooldown', () => {
    const state = memoryState();
    run(state);
    run(state, 7);
    const onlyBob = [['Name', 'Level', 'Regions'], ['Bob', 'mid', 'East']];
    const ctx = { ...context(ownerBook(ownerCustomers.map((r) => (r[0] === 'C3' ? r.map((c, i) => (i === 5 ? null : c)) : r)), onlyBob), state), asOfDay: day(8) };
    const outcome = propose(ctx);
    expect(outcome.assign.unplaced.find((u) => u.customerId === 'C3')?.reason).toMatch(/cooldown/);
  });

  it('refuses a Customers tab without an Owner column, naming it', () => {
    const noOwner = ownerCustomers.map((r) => r.filter((_, c) => c !== 5));
    expect(() => run(memoryState(), 0, noOwner)).toThrow(CannotRun);
    expect(() => run(memoryState(), 0, noOwner)).toThrow(/no Owner column/);
  });
});
