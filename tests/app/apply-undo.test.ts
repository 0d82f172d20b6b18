import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from '../../src/app/apply.js';
import { CannotRun } from '../../src/app/cannot-run.js';
import { LOG_HEADER, OWN_TABS } from '../../src/app/owned-columns.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { propose } from '../../src/app/propose.js';
import { Summary, summarizeBook } from '../../src/app/summary.js';
import { undo } from '../../src/app/undo.js';
import type { Cell } from '../../src/core/table.js';
import { memoryBook, memoryState } from './book-fixtures.js';
import { asOfDay, context, customersOf, ownerBook, ownerCustomers, ownerDeals } from './owner-fixtures.js';

function proposed() {
  const ctx = context();
  propose(ctx);
  const items = loadOwnerState(ctx.state).proposals!.items;
  const to = (id: string) => items.find((i) => i.customerId === id)!.to;
  return { ctx, to };
}

function setOwner(ctx: ReturnType<typeof context>, id: string, value: Cell) {
  const { tab } = customersOf(ctx.workbook);
  ctx.workbook.writeCells('Customers', 'Owner', [{ row: tab.rows.findIndex((r) => r[0] === id), value }]);
}

describe('apply', () => {
  it('writes the saved proposals into the Owner column and logs one TW Log row per change', () => {
    const { ctx, to } = proposed();
    const outcome = apply(ctx);
    const { cell } = customersOf(ctx.workbook);
    for (const id of ['C2', 'C4', 'C5', 'C6', 'C7']) expect(cell(id, 'Owner')).toBe(to(id));
    expect(cell('C1', 'Owner')).toBe('Alice');
    expect(outcome.apply).toEqual({ runId: 'P-20261123-090000', applied: 5, skipped: [] });
    const log = ctx.workbook.readTable(OWN_TABS.log)!;
    expect(log.header).toEqual([...LOG_HEADER]);
    expect(log.rows).toHaveLength(5);
    expect(log.rows.find((r) => r[3] === 'C4')).toEqual(['2026-11-23T09:00:00.000Z', 'P-20261123-090000', 'apply', 'C4', 'Dora', to('C4'), expect.stringMatching(/^Owner 'Dora' is not in the Reps tab/), 'cli']);
    Summary.parse(summarizeBook('apply', asOfDay, null, outcome.facts, { apply: outcome.apply }));
  });

  it('applies the saved run, not a fresh computation, even after the Reps tab changed', () => {
    const { ctx, to } = proposed();
    const reps = ctx.workbook.readTable('Reps')!;
    const bob = reps.rows.findIndex((r) => r[0] === 'Bob');
    ctx.workbook.writeOwnedColumns('Reps', [{ header: 'Active', values: reps.rows.map((_, i) => (i === bob ? 'no' : 'yes')) }]);
    apply(ctx);
    expect(customersOf(ctx.workbook).cell('C2', 'Owner')).toBe(to('C2'));
    expect(to('C2')).toBe('Bob');
  });

  it('applies only the listed customers with --only, and says which ids were not proposed', () => {
    const { ctx, to } = proposed();
    const outcome = apply({ ...ctx, only: ['C4', 'C1'] });
    const { cell } = customersOf(ctx.workbook);
    expect(cell('C4', 'Owner')).toBe(to('C4'));
    expect(cell('C2', 'Owner')).toBe('');
    expect(outcome.apply.applied).toBe(1);
    expect(outcome.apply.skipped).toEqual([{ customerId: 'C1', reason: 'not among the proposals of run P-20261123-090000' }]);
  });

  it('leaves alone, and reports, a customer whose Owner cell changed since the proposal', () => {
    const { ctx } = proposed();
    setOwner(ctx, 'C2', 'Alice');
    const outcome = apply(ctx);
    expect(customersOf(ctx.workbook).cell('C2', 'Owner')).toBe('Alice');
    expect(outcome.apply.skipped).toEqual([{ customerId: 'C2', reason: "the Owner cell changed since the proposal (it was '', now 'Alice'); left as it is" }]);
  });

  it('reports the customers that could not be placed instead of blanking them', () => {
    const reps = [['Name', 'Regions'], ['Alice', 'East']];
    const ctx = context(ownerBook(ownerCustomers, reps), memoryState(), { ...context().settings, assign: { ...context().settings.assign, requireRegion: true } });
    propose(ctx);
    const outcome = apply(ctx);
    expect(outcome.apply.skipped.map((s) => s.customerId)).toEqual(['C2', 'C5']);
    expect(outcome.apply.skipped[0].reason).toMatch(/not placed/);
  });

  it('refuses with a sentence when there are no saved proposals', () => {
    expect(() => apply(context())).toThrow(new CannotRun('There are no saved proposals: run tierwise propose first.'));
  });

  it('applies only a manager’s run: a run a rep made in the sidebar is refused, naming who made it', () => {
    const ctx = context();
    propose({ ...ctx, madeBy: { actor: 'cy@corp.test', role: 'rep' } });
    expect(() => apply(ctx)).toThrow(
      new CannotRun("The saved proposals (run P-20261123-090000) were made by cy@corp.test, a rep, and only a manager's run can be applied: propose again as a manager."),
    );
  });

  it('applies the run the manager reviewed, and refuses when the saved run is another one', () => {
    const { ctx } = proposed();
    expect(() => apply({ ...ctx, runId: 'P-20261122-170000' })).toThrow(
      new CannotRun('Run P-20261122-170000 is not the saved run: the proposals saved for apply are run P-20261123-090000, made by cli as of 2026-11-23. Review that run, or propose again.'),
    );
    expect(customersOf(ctx.workbook).cell('C2', 'Owner')).toBe('');
    expect(apply({ ...ctx, runId: 'P-20261123-090000' }).apply.applied).toBe(5);
  });

  it('skips a customer already given to its proposed owner by hand, and one no longer in the Customers tab', () => {
    const { ctx, to } = proposed();
    setOwner(ctx, 'C4', ` ${String(to('C4')).toUpperCase()} `);
    expect(apply({ ...ctx, only: ['C4'] }).apply).toMatchObject({ applied: 0, skipped: [{ customerId: 'C4', reason: `already owned by ${to('C4')}` }] });
    const shrunk = context(ownerBook(ownerCustomers.filter((r) => r[0] !== 'C5')), ctx.state);
    expect(apply({ ...shrunk, only: ['C5'] }).apply.skipped).toEqual([{ customerId: 'C5', reason: 'no longer in the Customers tab' }]);
  });

  it('names the Owner cell as it is now, trimmed or blank, when it changed since the proposal', () => {
    const { ctx } = proposed();
    setOwner(ctx, 'C4', null);
    setOwner(ctx, 'C2', '  Alice ');
    expect(apply({ ...ctx, only: ['C4', 'C2'] }).apply.skipped).toEqual([
      { customerId: 'C2', reason: "the Owner cell changed since the proposal (it was '', now 'Alice'); left as it is" },
      { customerId: 'C4', reason: "the Owner cell changed since the proposal (it was 'Dora', now ''); left as it is" },
    ]);
  });

  it('logs an empty Owner cell it filled as from nothing, and an apply that changes nothing leaves the last one to undo', () => {
    const { ctx, to } = proposed();
    apply(ctx);
    const log = ctx.workbook.readTable(OWN_TABS.log)!;
    expect(log.rows.find((r) => r[3] === 'C5')?.slice(4, 6)).toEqual(['', to('C5')]);
    expect(apply(ctx).apply.applied).toBe(0);
    expect(ctx.workbook.readTable(OWN_TABS.log)!.rows).toHaveLength(5);
    expect(undo(ctx).undo.reverted).toBe(5);
  });

  it('refuses a Customers tab without an Owner column, naming it', () => {
    const noOwner = ownerCustomers.map((r) => r.filter((_, c) => c !== 5));
    const ctx = context(ownerBook(noOwner));
    propose(ctx);
    expect(() => apply(ctx)).toThrow(/The Customers tab has no Owner column/);
  });
});

describe('undo', () => {
  it('puts back exactly the Owner cells the last apply replaced, logs it, and then has nothing left to undo', () => {
    const { ctx } = proposed();
    apply(ctx);
    const outcome = undo(ctx);
    const { tab } = customersOf(ctx.workbook);
    expect(tab.rows.map((r) => r[5])).toEqual(ownerCustomers.slice(1).map((r) => r[5]));
    expect(outcome.undo).toEqual({ runId: 'P-20261123-090000', reverted: 5, skipped: [] });
    const log = ctx.workbook.readTable(OWN_TABS.log)!;
    expect(log.rows.filter((r) => r[2] === 'undo').map((r) => [r[3], r[5]])).toEqual([
      ['C2', ''],
      ['C4', 'Dora'],
      ['C5', ''],
      ['C6', ''],
      ['C7', ''],
    ]);
    expect(() => undo(ctx)).toThrow(CannotRun);
    expect(() => undo(ctx)).toThrow(/There is nothing to undo/);
  });

  it('leaves alone, and reports, a row whose owner was changed by hand since the apply', () => {
    const { ctx } = proposed();
    apply(ctx);
    setOwner(ctx, 'C4', 'Cy');
    const outcome = undo(ctx);
    const { cell } = customersOf(ctx.workbook);
    expect(cell('C4', 'Owner')).toBe('Cy');
    expect(cell('C2', 'Owner')).toBe('');
    expect(outcome.undo.skipped).toEqual([{ customerId: 'C4', reason: "the Owner cell was changed by hand since the apply (now 'Cy'); left alone" }]);
  });

  it('refuses with a sentence when nothing was applied', () => {
    expect(() => undo(context())).toThrow(/There is nothing to undo/);
  });
});

const REP_NAMES = ['Ann', 'Ben', 'Cat', 'Dan'];
const ownerCell = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constantFrom(...REP_NAMES),
  fc.constantFrom(' ann ', 'BEN', 'Zed', 'Cat '),
);
const customerRow = fc.record({
  region: fc.constantFrom('East', 'West', 'North'),
  industry: fc.constantFrom('Retail', 'Finance'),
  owner: ownerCell,
  revenue: fc.integer({ min: 0, max: 100_000 }),
  potential: fc.integer({ min: 1, max: 10 }),
  sameCompany: fc.boolean(),
});
const repRow = fc.record({
  level: fc.constantFrom('senior', 'mid', 'junior'),
  region: fc.constantFrom('East', 'West', 'North', ''),
  capacity: fc.option(fc.integer({ min: 0, max: 6 })),
  active: fc.boolean(),
});

describe('apply then undo (property)', () => {
  it('restores every Owner cell exactly, whatever the book, strategy, rebalance or --only', () => {
    fc.assert(
      fc.property(
        fc.array(customerRow, { minLength: 1, maxLength: 25 }),
        fc.array(repRow, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('match', 'round-robin', 'balanced'),
        fc.boolean(),
        fc.option(fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 5 })),
        (rows, reps, strategy, rebalance, only) => {
          const customers: Cell[][] = [
            ['Customer ID', 'Name', 'Email', 'Region', 'Industry', 'Owner', 'Historical Revenue', 'Potential'],
            ...rows.map((r, i) => [`K${i + 1}`, `Company ${i}`, r.sameCompany ? `x${i}@shared.test` : `x@c${i}.test`, r.region, r.industry, r.owner, r.revenue, r.potential]),
          ];
          const repTab: Cell[][] = [['Name', 'Level', 'Regions', 'Capacity', 'Active'], ...reps.map((r, j) => [REP_NAMES[j], r.level, r.region, r.capacity, r.active ? 'yes' : 'no'])];
          const workbook = memoryBook({ Customers: customers, Deals: ownerDeals, Reps: repTab });
          const settings = { ...context().settings, assign: { ...context().settings.assign, strategy } };
          const ctx = context(workbook, memoryState(), settings);
          propose({ ...ctx, rebalance });
          const before = workbook.readTable('Customers')!.rows.map((r) => r[5] ?? null);
          const outcome = apply({ ...ctx, only: only?.map((k) => `K${k}`) });
          if (outcome.apply.applied > 0) undo(ctx);
          expect(workbook.readTable('Customers')!.rows.map((r) => r[5] ?? null)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
