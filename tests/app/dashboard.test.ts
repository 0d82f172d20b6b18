import { describe, expect, it } from 'vitest';
import { readAssignBook, readReps } from '../../src/app/assign-input.js';
import { buildDashboard } from '../../src/app/dashboard.js';
import { gini } from '../../src/core/metrics/gini.js';
import type { Cell } from '../../src/core/table.js';
import { asOfDay, context, ownerBook } from './owner-fixtures.js';

function dashboard(extra: { previousOwners?: Record<string, string>; unplaced?: number } = {}) {
  const { workbook, settings } = context(ownerBook());
  const book = readAssignBook(workbook, settings, asOfDay);
  const rows = buildDashboard({ book, reps: readReps(workbook, settings).reps, settings, asOfDay, ...extra });
  const block = (title: string) => {
    const start = rows.findIndex((r) => r[0] === title);
    const end = rows.findIndex((r, i) => i > start && r.length === 0);
    return rows.slice(start + 1, end < 0 ? rows.length : end);
  };
  const measure = (label: RegExp) => rows.find((r) => typeof r[0] === 'string' && label.test(r[0]))?.[1];
  return { book, rows, block, measure };
}

describe('buildDashboard', () => {
  it('starts with the as-of date, and gives the tier mix that adds up to the customers', () => {
    const { rows, block } = dashboard();
    expect(rows[0]).toEqual(['Tierwise dashboard', 'as of', '2026-11-23']);
    const tiers = block('Tier');
    expect(tiers.map((r) => r[0])).toEqual(['A', 'B', 'C']);
    expect(tiers.reduce((s, r) => s + (r[1] as number), 0)).toBe(8);
    expect(tiers.reduce((s, r) => s + (r[2] as number), 0)).toBeCloseTo(1, 3);
  });

  it('lists the segments most common first, each counted once per customer', () => {
    const { block, book } = dashboard();
    const segments = block('Segment');
    const counts = segments.map((r) => r[1] as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(book.customers.length);
    for (const [name, n] of segments) expect(book.scores.rfm!.segments.filter((x) => x === name)).toHaveLength(n as number);
  });

  it('counts per rep the customers held (owner matched by name in any case), score, A tier and capacity use', () => {
    const { block, book } = dashboard();
    const reps = new Map(block('Rep').map((r) => [r[0], r]));
    expect([...reps.keys()]).toEqual(['Alice', 'Bob', 'Cy']);
    // Bob holds C3 and C8 ('bob').
    const bob = reps.get('Bob')!;
    expect(bob[1]).toBe(2);
    const score = (id: string) => book.customers.find((c) => c.id === id)!.score;
    expect(bob[2]).toBeCloseTo(score('C3') + score('C8'), 2);
    expect(bob[4]).toBe(10);
    expect(bob[5]).toBe(0.2);
    expect(reps.get('Cy')![1]).toBe(0);
  });

  it('gives the pool size, Gini, conversion, lost, moved and unplaced', () => {
    const { measure, block } = dashboard({ previousOwners: { C1: 'Bob', C3: 'BOB' }, unplaced: 3 });
    expect(measure(/^Customers in the pool/)).toBe(5);
    const scores = block('Rep').map((r) => r[2] as number);
    expect(measure(/^Gini/)).toBeCloseTo(gini(scores), 3);
    // Every deal of the book is won.
    expect(measure(/^Conversion/)).toBe(1);
    expect(measure(/^Customers moved/)).toBe(1);
    expect(measure(/^Customers the last proposal could not place/)).toBe(3);
    expect(typeof measure(/^Customers lost/)).toBe('number');
  });

  it('writes only cells a sheet can hold', () => {
    const { rows } = dashboard();
    const ok = (c: Cell) => c === null || ['string', 'number', 'boolean'].includes(typeof c);
    expect(rows.every((r) => r.every(ok))).toBe(true);
  });
});
