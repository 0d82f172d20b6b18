import { describe, expect, it } from 'vitest';
import { CannotRun } from '../../src/app/cannot-run.js';
import { claim } from '../../src/app/claim.js';
import { OWN_TABS } from '../../src/app/owned-columns.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { Summary, summarizeBook } from '../../src/app/summary.js';
import type { Cell } from '../../src/core/table.js';
import { memoryState } from './book-fixtures.js';
import { asOfDay, context, customersOf, ownerBook, ownerCustomers, ownerReps, withSettings } from './owner-fixtures.js';

function claimIn(workbook = ownerBook(), state = memoryState(), settings = context().settings) {
  return (rep: string, customerId: string, day = asOfDay) => claim({ ...context(workbook, state, settings), asOfDay: day, rep, customerId });
}

describe('claim', () => {
  it("writes the rep's name as the Reps tab spells it, logs the claim, and counts it for the day", () => {
    const workbook = ownerBook();
    const state = memoryState();
    const outcome = claimIn(workbook, state)('CY@corp.test', 'C5');
    expect(customersOf(workbook).cell('C5', 'Owner')).toBe('Cy');
    expect(outcome.claim).toEqual({ runId: 'C-20261123-090000', customerId: 'C5', rep: 'Cy', from: '', sameCompany: [] });
    expect(workbook.readTable(OWN_TABS.log)!.rows).toEqual([['2026-11-23T09:00:00.000Z', 'C-20261123-090000', 'claim', 'C5', '', 'Cy', 'claimed from the pool', 'cli']]);
    expect(loadOwnerState(state).pool.claims).toEqual([{ customerId: 'C5', repName: 'Cy', day: asOfDay }]);
    Summary.parse(summarizeBook('claim', asOfDay, null, outcome.facts, { claim: outcome.claim }));
  });

  it('takes the same company along: claiming C6 gives C7 (same company domain) the same owner', () => {
    const workbook = ownerBook();
    const outcome = claimIn(workbook)('Bob', 'C6');
    expect(outcome.claim.sameCompany).toEqual(['C7']);
    expect(customersOf(workbook).cell('C6', 'Owner')).toBe('Bob');
    expect(customersOf(workbook).cell('C7', 'Owner')).toBe('Bob');
    expect(workbook.readTable(OWN_TABS.log)!.rows.map((r) => [r[3], r[6]])).toEqual([
      ['C6', 'claimed from the pool'],
      ['C7', 'claimed from the pool with C6, the same company'],
    ]);
  });

  it('lets a rep claim a customer whose owner is not a rep', () => {
    const workbook = ownerBook();
    expect(claimIn(workbook)('Bob', 'C4').claim.from).toBe('Dora');
    expect(customersOf(workbook).cell('C4', 'Owner')).toBe('Bob');
  });

  it('refuses, with the reason, a customer that has an owner, an unknown rep, or an unknown customer, and writes nothing', () => {
    const workbook = ownerBook();
    const take = claimIn(workbook);
    expect(() => take('Cy', 'C1')).toThrow(new CannotRun('C1 is not in the pool: Alice owns it.'));
    expect(() => take('Zed', 'C2')).toThrow(new CannotRun("'Zed' is not in the Reps tab."));
    expect(() => take('Cy', 'C99')).toThrow(new CannotRun('There is no customer C99.'));
    expect(workbook.edits.cells.size).toBe(0);
    expect(workbook.readTable(OWN_TABS.log)).toBeNull();
  });

  it('keeps to the daily claim limit, and the limit starts again the next day', () => {
    const settings = withSettings((s) => ({ ...s, pool: { ...s.pool, claimLimitPerDay: 1 } }));
    const take = claimIn(ownerBook(), memoryState(), settings);
    take('Cy', 'C5');
    expect(() => take('Cy', 'C2')).toThrow(/Cy has already claimed 1 customers today, the daily limit/);
    expect(take('Cy', 'C2', asOfDay + 1).claim.customerId).toBe('C2');
  });

  it("keeps to the rep's holding limit", () => {
    const reps: Cell[][] = ownerReps.map((r, i) => (i === 2 ? r.map((c, j) => (j === 5 ? 2 : c)) : r));
    const take = claimIn(ownerBook(ownerCustomers, reps));
    // Bob holds C3 and C8 ('bob'): 2 of 2.
    expect(() => take('Bob', 'C2')).toThrow(/Bob already holds 2 customers, the holding limit/);
  });

  it('refuses a Customers tab without an Owner column, naming it', () => {
    const noOwner = ownerCustomers.map((r) => r.filter((_, c) => c !== 5));
    expect(() => claimIn(ownerBook(noOwner))('Cy', 'C5')).toThrow(/The Customers tab has no Owner column/);
  });
});
