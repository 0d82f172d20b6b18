import { describe, expect, it } from 'vitest';
import * as surface from '../../../src/app/server/functions.js';
import { callServer } from '../../../src/app/server/server-function.js';
import { sidebarMyCustomersFunction } from '../../../src/app/server/sidebar-my-customers.js';
import { sidebarProposalsFunction } from '../../../src/app/server/sidebar-proposals.js';
import { syncFilterViewsFunction } from '../../../src/app/server/sidebar-filter-views.js';
import { parseDay } from '../../../src/core/parse/days.js';
import type { Cell } from '../../../src/core/table.js';
import { MemoryFilterViews, previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';

const MANAGER = 'manager@example.com';

/** A small book (customers: id, revenue, owner, last activity) in the sidebar of `user`, on 2026-11-02. */
function sidebar(user: string, customers: [string, number, string | null, string | null][], reps: Cell[][] | null = null) {
  const tabs: Record<string, Cell[][]> = {
    Customers: [['Customer ID', 'Name', 'Historical Revenue', 'Owner', 'Last Activity'], ...customers.map(([id, revenue, owner, last]) => [id, `${id} Ltd`, revenue, owner, last])],
  };
  if (reps) tabs.Reps = reps;
  const book = memoryBook(tabs);
  const session = previewSession(book, memoryState(), { user, today: parseDay('2026-11-02') as number, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 2, 9) }, { managers: [MANAGER] });
  const as = (email: string) => ({ ...session.context(), user: { email } });
  return { book, session, as };
}

const REPS: Cell[][] = [['Name', 'Email', 'Active'], ['Ann', ' Ann@Example.com ', 'yes'], ['Bob', 'bob@example.com', 'no'], ['Nomail', '', 'yes']];

describe('my customers', () => {
  it('lists the rep\'s customers, known by e-mail in any case and spacing, best score first, equal scores in sheet order, with the last activity as a date', () => {
    const { as } = sidebar(MANAGER, [
      ['C1', 100, 'Ann', '2026-10-01'],
      ['C2', 500, 'ann', null],
      ['C3', 100, 'Ann', null],
      ['C4', 900, 'Bob', null],
      ['C5', 700, null, null],
    ], REPS);
    const mine = callServer(sidebarMyCustomersFunction, as(' ANN@example.com '), {});
    expect(mine.rep).toBe('Ann');
    expect(mine.customers.map((c) => [c.id, c.row, c.lastActivity])).toEqual([['C2', 3, null], ['C1', 2, '2026-10-01'], ['C3', 4, null]]);
    expect(mine.customers[0]).toMatchObject({ name: 'C2 Ltd' });
  });

  it('still shows a rep marked inactive the customers they hold', () => {
    const { as } = sidebar(MANAGER, [['C1', 100, 'Bob', null], ['C2', 200, 'Ann', null]], REPS);
    expect(callServer(sidebarMyCustomersFunction, as('BOB@example.com'), {}).customers.map((c) => c.id)).toEqual(['C1']);
  });

  it('knows nobody when Google gives no e-mail or the book has no Reps tab', () => {
    const withReps = sidebar(MANAGER, [['C1', 100, 'Nomail', null]], REPS);
    expect(callServer(sidebarMyCustomersFunction, withReps.as(''), {})).toEqual({ email: '', rep: null, customers: [] });
    const noReps = sidebar(MANAGER, [['C1', 100, 'Ann', null]]);
    expect(callServer(sidebarMyCustomersFunction, noReps.as('ann@example.com'), {})).toEqual({ email: 'ann@example.com', rep: null, customers: [] });
  });
});

describe('the sidebar\'s lists called with a bad input', () => {
  it('name the list that refused it', () => {
    const { as } = sidebar(MANAGER, [['C1', 100, null, null]], REPS);
    expect(() => callServer(sidebarMyCustomersFunction, as(MANAGER), 'x')).toThrow(/^sidebarMyCustomers was called with a bad input/);
    expect(() => callServer(sidebarProposalsFunction, as(MANAGER), 'x')).toThrow(/^sidebarProposals was called with a bad input/);
    expect(() => callServer(syncFilterViewsFunction(new MemoryFilterViews()), as(MANAGER), 'x')).toThrow(/^sidebarSyncFilterViews was called with a bad input/);
  });
});

describe('the proposals list', () => {
  it('names the run, its date and its strategy, and the apply that Undo would revert', () => {
    const { as } = sidebar(MANAGER, [['C1', 100, null, null], ['C2', 200, null, null]], REPS);
    const proposed = callServer(surface.proposeFunction, as(MANAGER), { asOf: '2026-11-01' });
    const before = callServer(sidebarProposalsFunction, as(MANAGER), {});
    expect(before).toMatchObject({ runId: proposed.assign.runId, asOf: '2026-11-01', lastApply: null });
    expect(before.strategy).toBe(proposed.assign.strategy);
    expect(before.items.map((i) => [i.customerId, i.from, i.to])).toEqual([['C1', '', 'Ann'], ['C2', '', 'Ann']]);
    const applied = callServer(surface.applyFunction, as(MANAGER), {});
    expect(callServer(sidebarProposalsFunction, as(MANAGER), {}).lastApply).toBe(applied.apply.runId);
  });

  it('reads the fit written as text, shows a blank or unreadable fit as none, and leaves out customers no longer in the tab', () => {
    const { as, book } = sidebar(MANAGER, [['C1', 100, null, null], ['C2', 200, null, null], ['C3', 300, null, null], ['C4', 400, null, null]], REPS);
    callServer(surface.proposeFunction, as(MANAGER), {});
    book.writeCells('Customers', 'TW Fit', [{ row: 0, value: '0.75' }, { row: 1, value: 'n/a' }, { row: 2, value: ' ' }]);
    book.writeCells('Customers', 'Customer ID', [{ row: 3, value: 'C9' }]);
    const list = callServer(sidebarProposalsFunction, as(MANAGER), {});
    expect(list.items.map((i) => [i.customerId, i.fit])).toEqual([['C1', 0.75], ['C2', null], ['C3', null]]);
  });
});
