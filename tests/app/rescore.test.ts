import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OWNED } from '../../src/app/owned-columns.js';
import { rescore } from '../../src/app/rescore.js';
import { CannotRun } from '../../src/app/cannot-run.js';
import { dayNumber } from '../../src/core/parse/days.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { fixedClock, memoryBook, memoryState, smallCustomers, smallDeals } from './book-fixtures.js';

const asOfDay = dayNumber(2026, 11, 1);

function run(customers: Cell[][] = smallCustomers, deals: Cell[][] | null = smallDeals, state = memoryState()) {
  const workbook = memoryBook(deals ? { Customers: customers, Deals: deals } : { Customers: customers });
  const outcome = rescore({ workbook, state, clock: fixedClock, settings: defaultSettings, asOfDay });
  const tab = workbook.readTable('Customers')!;
  const col = (header: string) => tab.header.indexOf(header);
  return { workbook, outcome, tab, col };
}

describe('rescore', () => {
  it('writes the owned columns at the right end and fills them per customer row', () => {
    const { tab, col } = run();
    expect(tab.header.slice(0, 7)).toEqual(smallCustomers[0]);
    expect(col(OWNED.score)).toBe(7);
    const c1 = tab.rows[0];
    expect(c1[col(OWNED.tier)]).toBe('A');
    expect(c1[col(OWNED.frequency)]).toBe(2);
    expect(c1[col(OWNED.monetary)]).toBe(3000);
    expect(c1[col(OWNED.recencyDays)]).toBe(31);
    expect(c1[col(OWNED.asOf)]).toBe('2026-11-01');
    expect(String(c1[col(OWNED.why)])).toMatch(/historical revenue/);
  });

  it('writes per customer row its score, tier, R/F/M (blank without a won deal), rounded money and CLV figures, and why', () => {
    const { outcome, tab, col } = run();
    const { scores } = outcome;
    scores.customers.ids.forEach((id, k) => {
      const row = tab.rows[scores.customers.rows[k]];
      expect(row[col(OWNED.score)]).toBe(scores.scores[k]);
      expect(row[col(OWNED.tier)]).toBe(scores.tiers[k]);
      expect(row[col(OWNED.why)]).toBe(scores.why[k]);
      const bought = scores.rfm!.r[k] > 0;
      expect([row[col(OWNED.r)], row[col(OWNED.f)], row[col(OWNED.m)]]).toEqual(bought ? [scores.rfm!.r[k], scores.rfm!.f[k], scores.rfm!.m[k]] : [null, null, null]);
      // CLV to the cent, P(alive) to 4 places, expected purchases to 3; blank when unknown.
      const clv = scores.clv!;
      const rounded = (x: number, places: number) => (Number.isNaN(x) ? null : Number(x.toFixed(places)));
      expect(row[col(OWNED.clv)]).toBe(rounded(clv.clv[k], 2));
      expect(row[col(OWNED.pAlive)]).toBe(rounded(clv.pAlive[k], 4));
      expect(row[col(OWNED.expectedPurchases)]).toBe(rounded(clv.expectedPurchases[k], 3));
    });
    expect(tab.rows[0].slice(col(OWNED.r), col(OWNED.m) + 1)).toEqual([3, 3, 3]);
  });

  it('reports the Reps tab’s bad cells too, and counts on the dashboard the customers the last proposal could not place', () => {
    const workbook = memoryBook({ Customers: smallCustomers, Deals: smallDeals, Reps: [['Name', 'Capacity'], ['Ann', 'lots']] });
    const state = memoryState({ proposals: { runId: 'P-1', asOf: '2026-10-01', strategy: 'match', rebalance: false, madeBy: { actor: 'cli', role: 'command' }, items: [
      { customerId: 'C2', row: 1, from: '', to: null, reason: 'no rep covers West', fit: null },
      { customerId: 'C5', row: 5, from: '', to: null, reason: 'no rep covers South', fit: null },
      { customerId: 'C1', row: 0, from: 'Alice', to: 'Ann', reason: 'fit', fit: 1 },
    ] } });
    const outcome = rescore({ workbook, state, clock: fixedClock, settings: defaultSettings, asOfDay });
    expect(outcome.issues.some((i) => i.tab === 'Reps' && i.column === 'Capacity')).toBe(true);
    const dashboard = workbook.readTable('TW Dashboard')!;
    expect(dashboard.rows.find((r) => r[0] === 'Customers the last proposal could not place')?.[1]).toBe(2);
  });

  it('remembers each customer’s owner trimmed, so spaces added by hand are no move at the next rescore', () => {
    const state = memoryState();
    run(smallCustomers, smallDeals, state);
    expect((state.load() as { lastRescore: { owners: Record<string, string> } }).lastRescore.owners).toMatchObject({ C1: 'Alice', C2: '', C3: 'Bob' });
    const spaced = smallCustomers.map((r) => (r[0] === 'C1' ? [...r.slice(0, 5), '  Alice ', ...r.slice(6)] : r));
    const { workbook } = run(spaced, smallDeals, state);
    expect(workbook.readTable('TW Dashboard')!.rows.find((r) => r[0] === 'Customers moved since the last run')?.[1]).toBe(0);
  });

  it('leaves blank rows blank and gives customers without a won deal the segment "No purchases"', () => {
    const { tab, col } = run();
    expect(tab.rows[3].slice(7).every((c) => c === null)).toBe(true);
    // C5's only deal is after the as-of date; C4's amount is unreadable: neither has a won deal.
    expect(tab.rows[5][col(OWNED.segment)]).toBe('No purchases');
    expect(tab.rows[5][col(OWNED.r)]).toBe(null);
    expect(tab.rows[4][col(OWNED.segment)]).toBe('No purchases');
  });

  it('reports each bad cell with its tab, sheet row and header, and reads none of them as zero', () => {
    const { outcome } = run();
    const where = outcome.issues.map((i) => `${i.tab}!${i.row}:${i.column}`);
    expect(where).toContain('Customers!4:Historical Revenue');
    expect(where).toContain('Deals!6:Amount');
    expect(where).toContain('Deals!7:Customer ID');
    expect(where).toContain('Deals!9:Date');
    expect(outcome.notes.join(' ')).toMatch(/1 won deals dated after the as-of date/);
    // C3's revenue was unreadable: with missing=worst it scores lowest on revenue, and says why.
    expect(outcome.scores.why[2]).toMatch(/no data for historical revenue|potential/);
  });

  it('writes text that looks like a formula as it is: the guard belongs to the medium (Sheets, CSV), not to the book', () => {
    const segments = { ...defaultSettings, rfm: { ...defaultSettings.rfm, segments: [{ name: '=Top', r: [1, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] }] } };
    const workbook = memoryBook({ Customers: smallCustomers, Deals: smallDeals });
    rescore({ workbook, state: memoryState(), clock: fixedClock, settings: segments, asOfDay });
    const tab = workbook.readTable('Customers')!;
    expect(tab.rows[0][tab.header.indexOf(OWNED.segment)]).toBe('=Top');
  });

  it('says plainly that there is no RFM without a Deals tab', () => {
    const { outcome, col } = run(smallCustomers, null);
    expect(outcome.notes[0]).toMatch(/No Deals tab: RFM and CLV were not computed/);
    expect(col(OWNED.segment)).toBe(-1);
  });

  it('refuses a book with neither a Customers nor a Deals tab, or a Customers tab without a Customer ID column, naming them', () => {
    // A Deals tab alone is an orders-only book, given a Customers tab (tests/app/orders-only.test.ts).
    expect(() => rescore({ workbook: memoryBook({ Reps: [['Name']] }), state: memoryState(), clock: fixedClock, settings: defaultSettings, asOfDay })).toThrow(CannotRun);
    const noId = smallCustomers.map((r) => r.slice(1));
    expect(() => run(noId)).toThrow(/Customers has no column for Customer ID/);
  });

  it('finds its columns again wherever the user moved them, and does not add them twice', () => {
    const first = run();
    const moved = first.tab.header.map((_, c) => c);
    // Move TW Score to the front.
    const scoreAt = first.col(OWNED.score);
    const order = [scoreAt, ...moved.filter((c) => c !== scoreAt)];
    const reordered = [first.tab.header, ...first.tab.rows].map((row) => order.map((c) => row[c] ?? null));
    const second = run(reordered);
    expect(second.tab.header.filter((h) => h === OWNED.score)).toHaveLength(1);
    expect(second.col(OWNED.score)).toBe(0);
    expect(second.tab.header.length).toBe(first.tab.header.length);
  });

  it('rebuilds the TW Dashboard tab with the tier mix on every rescore', () => {
    const { workbook } = run();
    const dashboard = workbook.readTable('TW Dashboard')!;
    expect(dashboard.header[0]).toBe('Tierwise dashboard');
    const tierRows = dashboard.rows.filter((r) => ['A', 'B', 'C'].includes(String(r[0])));
    expect(tierRows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(5);
  });

  it('counts on the dashboard the customers whose owner changed since the last rescore, by hand too', () => {
    const state = memoryState();
    run(smallCustomers, smallDeals, state);
    const moved = smallCustomers.map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 'Bob', r[6]] : r));
    const { workbook } = run(moved, smallDeals, state);
    const movedRow = workbook.readTable('TW Dashboard')!.rows.find((r) => r[0] === 'Customers moved since the last run');
    expect(movedRow?.[1]).toBe(1);
  });

  it('counts tier movement since the last rescore', () => {
    const state = memoryState();
    run(smallCustomers, smallDeals, state);
    const lower = smallCustomers.map((r, i) => (i === 1 ? [r[0], r[1], r[2], '1', 1, r[5], r[6]] : r));
    const { outcome } = run(lower, smallDeals, state);
    expect(outcome.movement).toEqual({ up: expect.any(Number), down: expect.any(Number), new: 0 });
    expect(outcome.movement!.down).toBeGreaterThanOrEqual(1);
  });

  it('counts no movement when nothing changed, and a customer added since as new', () => {
    const state = memoryState();
    expect(run(smallCustomers, smallDeals, state).outcome.movement).toBeNull();
    expect(run(smallCustomers, smallDeals, state).outcome.movement).toEqual({ up: 0, down: 0, new: 0 });
    const added = [...smallCustomers, ['C6', 'Epsilon SA', 'East', '700', 2, '', null]];
    expect(run(added, smallDeals, state).outcome.movement).toMatchObject({ new: 1 });
  });

  it('keeps the state other commands saved: proposals, last apply, pool, rotation and sections it does not know', () => {
    const proposals = { runId: 'P-1', asOf: '2026-10-30', strategy: 'match', rebalance: false, items: [{ customerId: 'C2', from: '', to: 'Bob', reason: 'fit' }], load: [] };
    const lastApply = { runId: 'P-0', at: '2026-10-29T09:00:00.000Z', actor: 'cli', changes: [{ customerId: 'C5', before: null, after: 'Alice', reason: 'fit' }] };
    const pool = { cooldowns: [{ customerId: 'C3', repName: 'Bob', untilDay: asOfDay + 5 }], staleFlags: [{ customerId: 'C1', firstStaleDay: asOfDay - 3 }], claims: [] };
    const assign = { rotation: { credits: { Alice: 1, Bob: -1 } } };
    const state = memoryState({ version: 1, proposals, lastApply, pool, assign, newerSection: { kept: true } });
    run(smallCustomers, smallDeals, state);
    expect(state.load()).toMatchObject({ proposals, lastApply, pool, assign, newerSection: { kept: true }, lastRescore: { asOf: '2026-11-01' } });
  });
});

const customerRow = fc.record({
  revenue: fc.oneof(fc.integer({ min: 0, max: 1e6 }).map(String), fc.constant(''), fc.constant('n/a')),
  potential: fc.integer({ min: 1, max: 10 }),
  note: fc.oneof(fc.string(), fc.constant(null)),
});

describe('rescore properties', () => {
  const books = fc.array(customerRow, { minLength: 1, maxLength: 30 }).map((rows) => [
    ['Customer ID', 'Historical Revenue', 'Potential', 'Note'] as Cell[],
    ...rows.map((r, i) => [`C${i}`, r.revenue, r.potential, r.note] as Cell[]),
  ]);
  const deals = (n: number) => [
    ['Customer ID', 'Amount', 'Date'] as Cell[],
    ...Array.from({ length: n * 2 }, (_, i) => [`C${i % n}`, 100 + i, `2026-0${1 + (i % 9)}-1${i % 10}`] as Cell[]),
  ];

  it('never changes a cell it does not own', () => {
    fc.assert(
      fc.property(books, (book) => {
        const before = book.map((r) => [...r]);
        const { tab } = run(book, deals(book.length - 1));
        expect(tab.header.slice(0, 4)).toEqual(before[0]);
        tab.rows.forEach((row, i) => expect(row.slice(0, 4)).toEqual(before[i + 1]));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same result for every customer whatever the row order', () => {
    fc.assert(
      fc.property(books, fc.integer(), (book, seed) => {
        const [header, ...body] = book;
        const shuffled = [...body].sort((a, b) => hash(`${a[0]}${seed}`) - hash(`${b[0]}${seed}`));
        const resultOf = (rows: Cell[][]) => {
          const { tab, col } = run([header, ...rows], deals(body.length));
          return Object.fromEntries(tab.rows.map((r) => [r[0], [r[col(OWNED.score)], r[col(OWNED.tier)], r[col(OWNED.segment)], r[col(OWNED.why)]]]));
        };
        expect(resultOf(shuffled)).toEqual(resultOf(body));
      }),
      { numRuns: 40 },
    );
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
