import { describe, expect, it } from 'vitest';
import { callServer } from '../../../src/app/server/server-function.js';
import { FILTER_VIEW_PREFIX, repFilterViews, syncFilterViewsFunction } from '../../../src/app/server/sidebar-filter-views.js';
import { parseDay } from '../../../src/core/parse/days.js';
import type { Cell } from '../../../src/core/table.js';
import { MemoryFilterViews, previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';

const MANAGER = 'manager@example.com';

/** Syncs the filter views of a book of these tabs as the manager, into `views`. */
function sync(tabs: Record<string, Cell[][]>, views = new MemoryFilterViews()) {
  const session = previewSession(memoryBook(tabs), memoryState(), { user: MANAGER, today: parseDay('2026-11-02') as number, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => 0 });
  return callServer(syncFilterViewsFunction(views), session.context(), {});
}

const customers: Cell[][] = [['Customer ID', 'Owner'], ['C1', 'Ann']];

describe('filter views per rep', () => {
  it('match a rep without an e-mail by name alone, on the first data row below the header', () => {
    const [view] = repFilterViews([{ name: ' Ann ', email: '  ' }], 0, 3);
    expect(view.formula).toBe('=OR(LOWER(TRIM($A4))="ann")');
    expect(view).toMatchObject({ rep: ' Ann ', ownerColumn: 0, headerRow: 3 });
  });

  it('are made for the active reps only, and those of reps gone are removed', () => {
    const views = new MemoryFilterViews();
    views.apply('Customers', { add: [{ title: `${FILTER_VIEW_PREFIX}Zed`, rep: 'Zed', ownerColumn: 1, headerRow: 1, formula: '=TRUE' }], update: [], remove: [] });
    const done = sync({ Customers: customers, Reps: [['Name', 'Email', 'Active'], ['Ann', 'ann@example.com', 'yes'], ['Bob', 'bob@example.com', 'no']] }, views);
    expect(done).toEqual({ created: 1, updated: 0, removed: 1, views: [{ title: `${FILTER_VIEW_PREFIX}Ann`, rep: 'Ann' }] });
    expect(views.list('Customers').map((v) => v.title)).toEqual([`${FILTER_VIEW_PREFIX}Ann`]);
  });

  it('cannot be made without an Owner column or a Reps tab, and say what is missing', () => {
    expect(() => sync({ Customers: [['Customer ID', 'Holder'], ['C1', 'Ann']], Reps: [['Name'], ['Ann']] })).toThrow(
      'Customers has no Owner column, so there is nothing to filter by. Add one, or map it in Settings → Column mapping.',
    );
    expect(() => sync({ Customers: customers })).toThrow('The Reps tab cannot be read, so there are no reps to make views for.');
  });
});
