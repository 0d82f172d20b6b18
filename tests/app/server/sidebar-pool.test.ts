import { describe, expect, it } from 'vitest';
import { callServer } from '../../../src/app/server/server-function.js';
import { sidebarPoolFunction } from '../../../src/app/server/sidebar-pool.js';
import { parseDay } from '../../../src/core/parse/days.js';
import type { Cell } from '../../../src/core/table.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';

const REPS: Cell[][] = [
  ['Name', 'Email', 'Active'],
  ['Bob', 'bob@example.com', 'yes'],
  ['Ann', ' Ann@Example.com ', 'yes'],
  ['Old Rep', 'old@example.com', 'no'],
  ['Nomail', '', 'yes'],
];

/** The pool as `user` sees it in the sidebar, on a book of these customers (id, revenue, owner) and the reps above. */
function poolOf(user: string, customers: [string, number, string | null][]) {
  const book = memoryBook({
    Customers: [['Customer ID', 'Name', 'Historical Revenue', 'Owner'], ...customers.map(([id, revenue, owner]) => [id, `${id} Ltd`, revenue, owner])],
    Reps: REPS,
  });
  const session = previewSession(book, memoryState(), { user, today: parseDay('2026-11-02') as number, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => 0 }, { managers: ['manager@example.com'] });
  return callServer(sidebarPoolFunction, session.context(), {});
}

describe('the sidebar\'s pool', () => {
  it('lists the customers without an active owner (blank, unknown or inactive), best score first, equal scores in sheet order', () => {
    const pool = poolOf('manager@example.com', [
      ['C1', 100, 'Ann'],
      ['C2', 500, null],
      ['C3', 300, 'Zed'],
      ['C4', 500, 'Old Rep'],
      ['C5', 900, 'bob'],
    ]);
    expect(pool.customers.map((c) => [c.id, c.row, c.owner])).toEqual([['C2', 3, ''], ['C4', 5, 'Old Rep'], ['C3', 4, 'Zed']]);
    expect(pool.customers[0]).toMatchObject({ name: 'C2 Ltd' });
    expect(pool.customers[0].score).toBe(pool.customers[1].score);
    expect(pool.customers[1].score).toBeGreaterThan(pool.customers[2].score);
    expect(pool.total).toBe(3);
  });

  it('offers a manager the active reps by name, in alphabetical order, to claim for', () => {
    expect(poolOf('manager@example.com', [['C1', 1, null]]).reps).toEqual(['Ann', 'Bob', 'Nomail']);
  });

  it('knows the signed-in rep by e-mail whatever its case and spaces, and nobody when Google gives no e-mail', () => {
    expect(poolOf(' ANN@example.com ', [['C1', 1, null]]).me).toBe('Ann');
    expect(poolOf('stranger@example.com', [['C1', 1, null]]).me).toBeNull();
    expect(poolOf('', [['C1', 1, null]]).me).toBeNull();
  });

  it('lists the best 200 of a larger pool and counts the rest', () => {
    const customers = Array.from({ length: 205 }, (_, k): [string, number, null] => [`C${k + 1}`, k + 1, null]);
    const pool = poolOf('manager@example.com', customers);
    expect(pool.total).toBe(205);
    expect(pool.customers).toHaveLength(200);
    expect(pool.customers[0].id).toBe('C205');
    expect(pool.customers.map((c) => c.id)).not.toContain('C5');
  });
});
