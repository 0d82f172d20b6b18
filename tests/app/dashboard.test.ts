import { describe, expect, it } from 'vitest';
import { readAssignBook, readReps } from '../../src/app/assign-input.js';
import { buildDashboard } from '../../src/app/dashboard.js';
import { gini } from '../../src/core/metrics/gini.js';
import type { Cell } from '../../src/core/table.js';
import { memoryBook } from './book-fixtures.js';
import { asOfDay, context, ownerCustomers, ownerDeals, ownerReps } from './owner-fixtures.js';

function dashboard(extra: { previousOwners?: Record<string, string>; unplaced?: number } = {}, deals?: Cell[][], reps?: Cell[][]) {
  const workbook = memoryBook({ Customers: ownerCustomers, Deals: deals ?? ownerDeals, Reps: reps ?? ownerReps });
  const { settings, state } = context(workbook);
  const book = readAssignBook(workbook, settings, asOfDay, state);
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

  it('lays the sheet out in blocks with these headers and labels, an empty row between blocks', () => {
    const { rows } = dashboard();
    const titles = rows.filter((r, i) => i > 0 && rows[i - 1].length === 0);
    expect(titles).toEqual([
      ['Tier', 'Customers', 'Share'],
      ['Segment', 'Customers', 'Share'],
      ['Rep', 'Customers', 'Total score', 'A tier', 'Capacity', 'Capacity use', 'Won (90 days)', 'Closed (90 days)', 'Conversion', 'Customers lost'],
      ['Measure', 'Value'],
    ]);
    expect(rows[1]).toEqual([]);
    expect(rows.slice(-6).map((r) => r[0])).toEqual([
      'Gini of total score across active reps (0 = even)',
      'Customers in the pool (no valid owner)',
      'Conversion, won / closed deals in the last 90 days',
      'Customers lost (bought in the 90 days before, not in the last 90)',
      'Customers moved since the last run',
      'Customers the last proposal could not place',
    ]);
  });

  it('lists segments with as many customers in name order', () => {
    const segments = dashboard().block('Segment');
    const order = [...segments].sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0])));
    expect(segments).toEqual(order);
    expect(new Set(segments.map((r) => r[1])).size).toBeLessThan(segments.length);
  });

  it('leaves capacity use blank for a rep without a holding limit, and conversion blank for a rep who closed nothing', () => {
    const reps = ownerReps.map((r, i) => (i === 1 ? [...r.slice(0, 5), null, ...r.slice(6)] : r));
    const byRep = new Map(dashboard({}, undefined, reps).block('Rep').map((r) => [r[0], r]));
    expect(byRep.get('Alice')!.slice(4, 6)).toEqual([null, null]);
    expect(byRep.get('Bob')![5]).toBe(0.2);
    // Alice holds C1, whose deal D1 was won in the last 90 days; Cy holds nobody.
    expect(byRep.get('Alice')![8]).toBe(1);
    expect(byRep.get('Cy')![8]).toBeNull();
  });

  it('counts conversion over the deals closed in the last 90 days, open ones aside, and lost customers from the 90 days before', () => {
    const deals: Cell[][] = [
      ['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'],
      ['D1', 'C1', 500, '2026-11-01', 'won'],
      ['D2', 'C2', 700, '2026-11-10', 'lost'],
      ['D3', 'C3', 300, '2026-11-15', 'open'],
      ['D4', 'C4', 900, '2026-07-01', 'won'],
      ['D5', 'C1', 100, '2025-01-01', 'won'],
      ['D6', 'C6', 100, '2026-08-20', 'lost'],
    ];
    const { measure } = dashboard({}, deals);
    expect(measure(/^Conversion/)).toBe(0.5);
    // C4 bought between 2026-05-27 and 2026-08-25 and not since.
    expect(measure(/^Customers lost/)).toBe(1);
  });
});
