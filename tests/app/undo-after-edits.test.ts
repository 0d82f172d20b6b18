import { describe, expect, it } from 'vitest';
import { CannotRun } from '../../src/app/cannot-run.js';
import { OWN_TABS } from '../../src/app/owned-columns.js';
import { readOwnerColumn } from '../../src/app/owner-column.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { undo } from '../../src/app/undo.js';
import type { Cell } from '../../src/core/table.js';
import { memoryBook, memoryState } from './book-fixtures.js';
import { context, customersOf } from './owner-fixtures.js';

const appliedAt = '2026-11-22T17:00:00.000Z';

/** The last apply wrote Ann over each of these Owner cells (as they were before). */
const lastApply = {
  runId: 'P-20261122-170000',
  at: appliedAt,
  actor: 'manager@example.com',
  changes: [
    { customerId: 'C1', before: '  Bob ', after: 'Ann', reason: 'best fit' },
    { customerId: 'C2', before: null, after: 'Ann', reason: 'unowned' },
    { customerId: 'C3', before: 'Bob', after: 'Ann', reason: 'best fit' },
    { customerId: 'C4', before: 'Bob', after: 'Ann', reason: 'best fit' },
    { customerId: 'C9', before: 'Bob', after: 'Ann', reason: 'best fit' },
  ],
};

/** The last rescore knew C1–C3 and a customer since deleted; C4 came later. */
const lastRescore = { asOf: '2026-11-20', runAt: '2026-11-20T08:00:00.000Z', tiers: { C1: 'A', C2: 'B', C3: 'B', C8: 'C' } };

/** Customers now: C2's cell in another case, C3 retyped by hand, C4 emptied by hand, C9 deleted. */
function bookAfterEdits(owners: Record<string, Cell> = { C1: 'Ann', C2: 'ann ', C3: '  Cy ', C4: null }) {
  return memoryBook({ Customers: [['Customer ID', 'Name', ' Owner '], ...Object.entries(owners).map(([id, owner]) => [id, `${id} Ltd`, owner])] });
}

function undoOn(workbook = bookAfterEdits(), saved: object = { lastApply, lastRescore }) {
  const ctx = { ...context(workbook, memoryState(saved)), actor: 'manager@example.com' };
  return { ctx, outcome: undo(ctx) };
}

describe('undo after the Owner column was edited since the apply', () => {
  it('puts back exactly what was there where the cell still names the applied owner, and leaves every other cell alone, saying why', () => {
    const { ctx, outcome } = undoOn();
    const { cell } = customersOf(ctx.workbook);
    expect(['C1', 'C2', 'C3', 'C4'].map((id) => cell(id, ' Owner '))).toEqual(['  Bob ', null, '  Cy ', null]);
    expect(outcome.undo).toEqual({
      runId: lastApply.runId,
      reverted: 2,
      skipped: [
        { customerId: 'C3', reason: "the Owner cell was changed by hand since the apply (now 'Cy'); left alone" },
        { customerId: 'C4', reason: "the Owner cell was changed by hand since the apply (now ''); left alone" },
        { customerId: 'C9', reason: 'no longer in the Customers tab' },
      ],
    });
  });

  it('logs each cell put back with the owner it names again, trimmed', () => {
    const { ctx } = undoOn();
    const log = ctx.workbook.readTable(OWN_TABS.log)!.rows.map((r) => r.slice(2, 7));
    expect(log).toEqual([
      ['undo', 'C1', 'Ann', 'Bob', `undo of the apply at ${appliedAt}`],
      ['undo', 'C2', 'Ann', '', `undo of the apply at ${appliedAt}`],
    ]);
  });

  it('does not write to Customers at all when every cell was changed by hand', () => {
    const workbook = bookAfterEdits({ C1: 'Dee', C2: 'Dee', C3: 'Dee', C4: 'Dee' });
    const written: string[] = [];
    const watched = Object.assign(Object.create(workbook) as typeof workbook, {
      writeCells: (tab: string, header: string, cells: unknown[]) => void written.push(`${tab}!${header} × ${cells.length}`),
    });
    expect(undoOn(watched).outcome.undo.reverted).toBe(0);
    expect(written).toEqual([]);
  });

  it('keeps the rest of the saved state, with nothing left to undo', () => {
    const { ctx } = undoOn();
    const state = loadOwnerState(ctx.state);
    expect([state.lastApply, state.lastRescore?.tiers]).toEqual([null, lastRescore.tiers]);
    expect(() => undo(ctx)).toThrow('There is nothing to undo');
  });

  it('counts the tiers of the last rescore among the customers in the book now', () => {
    const facts = (saved: object) => {
      const { customers, tiers, notes } = undoOn(bookAfterEdits(), saved).outcome.facts;
      return { customers, tiers, notes };
    };
    expect(facts({ lastApply, lastRescore })).toEqual({ customers: 4, tiers: { A: 1, B: 2, C: 0 }, notes: ['Tiers are those of the last rescore (as of 2026-11-20).'] });
    expect(facts({ lastApply })).toEqual({ customers: 4, tiers: { A: 0, B: 0, C: 0 }, notes: ['The book has not been scored yet: no tiers.'] });
  });

  it('refuses a Customers tab it cannot read, naming every problem with its header', () => {
    const workbook = memoryBook({ Customers: [['Name', 'Owner', 'Owner'], ['Acme', 'Ann', 'Bob']] });
    const run = () => undoOn(workbook);
    expect(run).toThrow(CannotRun);
    expect(run).toThrow(
      "the header 'Owner' appears more than once (columns B and C); using column B, the first; Customers has no column for Customer ID (looked for: Customer ID, ID, Customer No, Customer Number, Account ID, Client ID, …)",
    );
  });
});

describe('the Owner column as apply and undo find it', () => {
  it('is named without the spaces around its header, and gives each Owner cell as text, exactly as typed', () => {
    const workbook = bookAfterEdits({ C1: '  Ann ', C2: 42, C3: true, C4: new Date(Date.UTC(2026, 10, 23)), C5: null });
    const owners = readOwnerColumn(workbook, context(workbook).settings);
    expect(owners.header).toBe('Owner');
    expect(['C1', 'C2', 'C3', 'C4', 'C5', 'C9'].map((id) => owners.find(id)?.cell)).toEqual(['  Ann ', '42', 'true', '2026-11-23T00:00:00.000Z', null, undefined]);
  });
});
