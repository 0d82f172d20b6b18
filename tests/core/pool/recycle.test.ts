import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimCustomer } from '../../../src/core/pool/claim.js';
import { proposeOwners } from '../../../src/core/assign/propose.js';
import { AssignState } from '../../../src/core/assign/state.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { recycleStale } from '../../../src/core/pool/recycle.js';
import { PoolState } from '../../../src/core/pool/state.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import { assignSettings, customer, rep } from '../assign/book.js';

const settings = defaultSettings.pool;
const day = (m: number, d: number) => dayNumber(2026, m, d);
const empty = PoolState.parse({});

describe('recycleStale', () => {
  // Tier B goes stale after 45 days without activity; the warning lasts 7 days.
  const idle = customer('C1', { owner: 'Bob', tier: 'B', lastActivityDay: day(10, 1) });

  it('flags a customer that turns stale, naming the day it will be recycled', () => {
    const run = recycleStale({ customers: [idle], asOfDay: day(12, 1), settings, state: empty });
    expect(run.recycled).toEqual([]);
    expect(run.flags).toEqual({ C1: 'no activity for 61 days; recycles on 2026-12-08 unless contacted' });
    expect(run.state.staleFlags).toEqual([{ customerId: 'C1', firstStaleDay: day(12, 1) }]);
  });

  it('recycles it on the day the warning runs out, not before, and puts its owner in cooldown', () => {
    const first = recycleStale({ customers: [idle], asOfDay: day(12, 1), settings, state: empty });
    const dayBefore = recycleStale({ customers: [idle], asOfDay: day(12, 7), settings, state: first.state });
    expect(dayBefore.recycled).toEqual([]);
    const due = recycleStale({ customers: [idle], asOfDay: day(12, 8), settings, state: dayBefore.state });
    expect(due.recycled).toEqual([{ customerId: 'C1', row: 0, from: 'Bob', reason: 'no activity for 68 days; flagged on 2026-12-01' }]);
    expect(due.flags.C1).toBe('recycled from Bob on 2026-12-08: no activity for 68 days; flagged on 2026-12-01');
    expect(due.state.staleFlags).toEqual([]);
    expect(due.state.cooldowns).toEqual([{ customerId: 'C1', repName: 'Bob', untilDay: day(12, 8) + 30 }]);
  });

  it('lifts the flag when the customer is contacted during the warning', () => {
    const first = recycleStale({ customers: [idle], asOfDay: day(12, 1), settings, state: empty });
    const contacted = { ...idle, lastActivityDay: day(12, 3) };
    const later = recycleStale({ customers: [contacted], asOfDay: day(12, 8), settings, state: first.state });
    expect([later.recycled, later.cleared, later.state.staleFlags]).toEqual([[], ['C1'], []]);
  });

  it('warns an old book instead of emptying it, and recycles at most maxPerRun, longest flagged first', () => {
    const book = ['C3', 'C1', 'C2'].map((id) => customer(id, { owner: 'Bob', lastWonDealDay: day(1, 1) }));
    const limited = { ...settings, maxPerRun: 2 };
    const first = recycleStale({ customers: book, asOfDay: day(12, 1), settings: limited, state: empty });
    expect(first.recycled).toEqual([]);
    expect(first.newWarnings.map((w) => w.customerId)).toEqual(['C1', 'C2', 'C3']);
    expect([first.warned, first.deferred]).toEqual([[], []]);
    const state = { ...first.state, staleFlags: first.state.staleFlags.map((f) => (f.customerId === 'C3' ? { ...f, firstStaleDay: day(11, 1) } : f)) };
    const due = recycleStale({ customers: book, asOfDay: day(12, 8), settings: limited, state });
    expect(due.recycled.map((r) => r.customerId)).toEqual(['C3', 'C1']);
    expect(due.flags.C2).toBe('no won deal for 341 days; recycles at the next run unless contacted (limit of 2 per run reached)');
    expect(due.state.staleFlags.map((f) => f.customerId)).toEqual(['C2']);
  });

  it('judges only the rules whose dates are known, and only owned customers', () => {
    const unknown = customer('C1', { owner: 'Bob' });
    const unowned = customer('C2', { lastActivityDay: day(1, 1) });
    const run = recycleStale({ customers: [unknown, unowned], asOfDay: day(12, 1), settings, state: empty });
    expect(run.flags).toEqual({});
  });

  it('treats a tier drop as stale only when switched on', () => {
    const dropped = customer('C1', { owner: 'Bob', tier: 'C' });
    const input = { customers: [dropped], previousTiers: { C1: 'A' as const }, asOfDay: day(12, 1), state: empty };
    expect(recycleStale({ ...input, settings }).flags).toEqual({});
    expect(recycleStale({ ...input, settings: { ...settings, recycleOnTierDrop: true, warningDays: 0 } }).recycled[0].reason).toBe('tier dropped from A to C; flagged on 2026-12-01');
  });

  it('keeps a recycled customer from its old owner until the cooldown ends', () => {
    const run = recycleStale({ customers: [idle], asOfDay: day(12, 1), settings: { ...settings, warningDays: 0 }, state: empty });
    const pooled = { ...idle, owner: '' };
    const propose = (asOfDay: number) =>
      proposeOwners({ customers: [pooled], reps: [rep('Bob')], asOfDay, settings: assignSettings(), state: AssignState.parse({}), cooldowns: run.state.cooldowns });
    expect(propose(day(12, 30)).proposals[0].reason).toBe('No owner; not placed: cooldown: recycled from Bob, who may take it back from 2026-12-31');
    expect(propose(day(12, 31)).proposals[0].proposedOwner).toBe('Bob');
  });

  it('does nothing when the pool is switched off', () => {
    const flagged = { ...empty, staleFlags: [{ customerId: 'C1', firstStaleDay: day(12, 1) }] };
    expect(recycleStale({ customers: [idle], asOfDay: day(12, 20), settings: { ...settings, enabled: false }, state: flagged })).toEqual({
      state: flagged,
      recycled: [],
      newWarnings: [],
      warned: [],
      deferred: [],
      cleared: [],
      flags: {},
    });
  });
});

describe('recycleStale: when a cooldown ends', () => {
  // Bob's idle customer is recycled on day D (no warning period) with the default 30-day cooldown.
  const D = day(12, 1);
  const idle = customer('C1', { owner: 'Bob', tier: 'B', lastActivityDay: day(10, 1) });
  const noWarning = { ...settings, warningDays: 0 };
  // Run inside each test, not when the file is collected: a mutation run then knows which
  // tests reach this code (tests/MUTATION.md, static mutants).
  const recycledOnD = () => recycleStale({ customers: [idle], asOfDay: D, settings: noWarning, state: empty });
  const pooled = { ...idle, owner: '' };
  /** The pool run of a later day, on the state the earlier run saved, then Bob's claim that day. */
  const onDay = (asOfDay: number) => {
    const run = recycleStale({ customers: [pooled], asOfDay, settings, state: recycledOnD().state });
    const claim = claimCustomer({ customerId: 'C1', rep: 'Bob', customers: [pooled], reps: [rep('Bob')], asOfDay, settings: { assign: assignSettings(), pool: settings }, state: run.state });
    return { run, claim };
  };

  it('a cooldown of 30 days set on day D lets the old owner claim again on day D+30, not before', () => {
    const recycled = recycledOnD();
    expect(recycled.state.cooldowns).toEqual([{ customerId: 'C1', repName: 'Bob', untilDay: D + 30 }]);
    for (const offset of [1, 29]) {
      const { run, claim } = onDay(D + offset);
      expect(run.state.cooldowns).toEqual(recycled.state.cooldowns);
      expect(claim).toEqual({ ok: false, reason: 'Cooldown: C1 was recycled from Bob, who may take it back from 2026-12-31' });
    }
    expect(onDay(D + 30).claim.ok).toBe(true);
  });

  it('forgets an ended cooldown in the saved state, so TW State does not grow with every recycling', () => {
    expect(onDay(D + 30).run.state.cooldowns).toEqual([]);
    expect(onDay(D + 400).run.state.cooldowns).toEqual([]);
  });

  it('keeps running cooldowns and drops ended ones even when the pool is switched off', () => {
    const state = { ...empty, cooldowns: [{ customerId: 'C1', repName: 'Bob', untilDay: D }, { customerId: 'C2', repName: 'Ann', untilDay: D + 1 }] };
    const off = recycleStale({ customers: [], asOfDay: D, settings: { ...settings, enabled: false }, state });
    expect(off.state.cooldowns).toEqual([{ customerId: 'C2', repName: 'Ann', untilDay: D + 1 }]);
  });

  it('sets no cooldown when the cooldown is 0 days, so the old owner may claim at once', () => {
    const run = recycleStale({ customers: [idle], asOfDay: D, settings: { ...noWarning, cooldownDays: 0 }, state: empty });
    expect(run.recycled.map((r) => r.customerId)).toEqual(['C1']);
    expect(run.state.cooldowns).toEqual([]);
  });

  it("counts only today's claims against the daily limit: yesterday's are forgotten by the next run", () => {
    const claims = [{ customerId: 'C7', repName: 'Ann', day: D - 1 }, { customerId: 'C8', repName: 'Ann', day: D }];
    const run = recycleStale({ customers: [], asOfDay: D, settings, state: { ...empty, claims } });
    expect(run.state.claims).toEqual([claims[1]]);
  });
});

describe('recycleStale: which customers go first', () => {
  // Ids in text order (C10 before C2): the order customers are listed in the result.
  const ids = ['C2', 'C10', 'C4', 'C30'];
  const book = ids.map((id) => customer(id, { owner: 'Bob', lastWonDealDay: day(1, 1) }));
  const at = day(12, 8);
  /** Each customer flagged on its own day; a smaller offset = flagged longer ago. */
  const flagged = (offsets: Record<string, number>) => ({ ...empty, staleFlags: ids.map((id) => ({ customerId: id, firstStaleDay: day(11, 1) + offsets[id] })) });

  it('recycles the customers flagged longest ago first when the per-run cap is reached', () => {
    const run = recycleStale({ customers: book, asOfDay: at, settings: { ...settings, maxPerRun: 2 }, state: flagged({ C2: 3, C10: 2, C4: 0, C30: 1 }) });
    expect(run.recycled.map((r) => r.customerId)).toEqual(['C4', 'C30']);
    expect(run.deferred.map((w) => w.customerId)).toEqual(['C10', 'C2']);
    expect([run.newWarnings, run.warned]).toEqual([[], []]);
  });

  it('among customers flagged the same day, recycles them in id order, whatever the row order', () => {
    const state = flagged({ C2: 0, C10: 0, C4: 0, C30: 0 });
    for (const rows of [book, [...book].reverse()]) {
      const run = recycleStale({ customers: rows, asOfDay: at, settings: { ...settings, maxPerRun: 3 }, state });
      expect(run.recycled.map((r) => r.customerId)).toEqual(['C10', 'C2', 'C30']);
      expect(run.deferred.map((w) => w.customerId)).toEqual(['C4']);
    }
  });

  it('lists each waiting customer once, in id order: held back by the cap (deferred) apart from those still in their warning', () => {
    const state = flagged({ C2: 0, C10: 40, C4: 40, C30: 0 });
    const run = recycleStale({ customers: book, asOfDay: at, settings: { ...settings, maxPerRun: 1 }, state });
    expect(run.recycled.map((r) => r.customerId)).toEqual(['C2']);
    expect(run.warned.map((w) => w.customerId)).toEqual(['C10', 'C4']);
    expect(run.deferred.map((w) => w.customerId)).toEqual(['C30']);
    expect(run.newWarnings).toEqual([]);
    expect(run.state.staleFlags.map((f) => f.customerId)).toEqual(['C10', 'C30', 'C4']);
    expect(run.flags.C30).toMatch(/recycles at the next run unless contacted \(limit of 1 per run reached\)$/);
    expect(run.flags.C4).toMatch(/recycles on 2026-12-18 unless contacted$/);
  });
});

describe('recycleStale: owners and lifted flags', () => {
  const at = day(12, 8);

  it('treats an Owner cell of spaces as no owner, and names an owner without the spaces around it', () => {
    const blank = customer('C1', { owner: '   ', lastActivityDay: day(1, 1) });
    const padded = customer('C2', { owner: ' Bob ', lastActivityDay: day(1, 1) });
    const run = recycleStale({ customers: [blank, padded], asOfDay: at, settings: { ...settings, warningDays: 0 }, state: empty });
    expect(run.recycled.map((r) => [r.customerId, r.from])).toEqual([['C2', 'Bob']]);
    expect(run.state.cooldowns).toEqual([{ customerId: 'C2', repName: 'Bob', untilDay: at + 30 }]);
  });

  it('lists as cleared only customers that were flagged, in id order whatever the row order', () => {
    const fresh = ['C2', 'C10', 'C3'].map((id) => customer(id, { owner: 'Bob', lastActivityDay: at - 1 }));
    const state = { ...empty, staleFlags: [{ customerId: 'C3', firstStaleDay: at - 2 }, { customerId: 'C2', firstStaleDay: at - 2 }] };
    for (const rows of [fresh, [...fresh].reverse()]) expect(recycleStale({ customers: rows, asOfDay: at, settings, state }).cleared).toEqual(['C2', 'C3']);
  });
});


describe('recycleStale: each stale customer counted once', () => {
  it('property: every stale owned customer is in exactly one of newWarnings, warned, recycled and deferred', () => {
    const at = day(12, 8);
    const customerArb = fc.record({
      owner: fc.constantFrom('', 'Bob', 'Ann'),
      idleDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      flaggedDaysAgo: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(customerArb, { maxLength: 25 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (rows, maxPerRun, warningDays) => {
        const customers = rows.map((r, i) => customer(`C${i}`, { owner: r.owner, lastActivityDay: r.idleDays === null ? null : at - r.idleDays }));
        const staleFlags = rows.flatMap((r, i) => (r.flaggedDaysAgo === null ? [] : [{ customerId: `C${i}`, firstStaleDay: at - r.flaggedDaysAgo }]));
        const run = recycleStale({ customers, asOfDay: at, settings: { ...settings, maxPerRun, warningDays }, state: { ...empty, staleFlags } });
        const lists = [run.newWarnings, run.warned, run.recycled, run.deferred].map((list) => list.map((c) => c.customerId));
        const all = lists.flat();
        expect(new Set(all).size).toBe(all.length);
        // Exactly those the pool has something to say about: stale and owned.
        expect([...all].sort()).toEqual(Object.keys(run.flags).sort());
        expect(run.recycled.length).toBeLessThanOrEqual(maxPerRun);
        const flaggedBefore = new Set(staleFlags.map((f) => f.customerId));
        expect(run.newWarnings.every((w) => !flaggedBefore.has(w.customerId) && w.recycleDay > at)).toBe(true);
        expect(run.warned.every((w) => flaggedBefore.has(w.customerId) && w.recycleDay > at)).toBe(true);
        expect(run.deferred.every((w) => w.recycleDay <= at)).toBe(true);
        if (run.deferred.length > 0) expect(run.recycled.length).toBe(maxPerRun);
      }),
    );
  });
});
