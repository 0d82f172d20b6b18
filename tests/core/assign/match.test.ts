import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignCustomer } from '../../../src/core/assign/customer.js';
import { barrier } from '../../../src/core/assign/eligibility.js';
import { fitOf, profileOf } from '../../../src/core/assign/fit.js';
import { matchOwner } from '../../../src/core/assign/owner.js';
import { proposeOwners } from '../../../src/core/assign/propose.js';
import { makeRoster } from '../../../src/core/assign/roster.js';
import { AssignState } from '../../../src/core/assign/state.js';
import { AS_OF, assignSettings, customer, rep } from './book.js';
import { type RandomBook, randomBook } from './random-book.js';

const fresh = AssignState.parse({});

function propose(customers: AssignCustomer[], reps = [rep('Sen', { level: 'senior' }), rep('Mid'), rep('Jun', { level: 'junior' })], extra = {}) {
  return proposeOwners({ customers, reps, asOfDay: AS_OF, settings: assignSettings(), state: fresh, cooldowns: [], ...extra });
}

const ownerOf = (result: ReturnType<typeof propose>) => Object.fromEntries(result.proposals.map((p) => [p.customerId, p.proposedOwner]));

describe('match', () => {
  it('gives A-tier customers to senior reps and C-tier ones to junior reps, saying why', () => {
    const result = propose([customer('1', { tier: 'A' }), customer('2', { tier: 'C' }), customer('3', { tier: 'B' })]);
    expect(ownerOf(result)).toEqual({ '1': 'Sen', '2': 'Jun', '3': 'Mid' });
    expect(result.proposals[0].reason).toBe('No owner; A tier → senior rep; same region (East); same industry (Retail)');
    expect(result.proposals[0].fit).toBe(17);
    expect(result.objective).toBe(17 + 15 + 15);
  });

  it('respects the A cap, sending the rest of the A tier to the next best rep', () => {
    const reps = [rep('Sen', { level: 'senior', aCap: 1 }), rep('Mid'), rep('Jun', { level: 'junior' })];
    const result = propose([customer('1', { tier: 'A', score: 90 }), customer('2', { tier: 'A', score: 80 })], reps);
    expect(Object.values(ownerOf(result)).sort()).toEqual(['Mid', 'Sen']);
    expect(result.perRep.find((r) => r.rep === 'Sen')).toMatchObject({ aCount: 1, aCap: 1 });
  });

  it('places as many customers as the caps allow before seeking fit', () => {
    // Fit alone would give both B customers to Mid; Mid holds one, so one goes to Jun.
    const reps = [rep('Mid', { capacity: 1 }), rep('Jun', { level: 'junior', capacity: 1, regions: [] })];
    const result = propose([customer('1'), customer('2')], reps);
    expect(Object.values(ownerOf(result)).sort()).toEqual(['Jun', 'Mid']);
  });

  it('leaves customers unplaced with the reason a manager can act on', () => {
    const settings = assignSettings({ requireRegion: true });
    const reps = [rep('Ann', { capacity: 1 })];
    const result = proposeOwners({
      customers: [customer('1', { region: 'West' }), customer('2', { score: 90 }), customer('3', { score: 10 })],
      reps,
      asOfDay: AS_OF,
      settings,
      state: fresh,
      cooldowns: [],
    });
    expect(result.proposals.map((p) => [p.customerId, p.proposedOwner, p.reason])).toEqual([
      ['1', null, 'No owner; not placed: no active rep in region West'],
      ['2', 'Ann', 'No owner; B tier → mid rep; same region (East); same industry (Retail)'],
      ['3', null, 'No owner; not placed: all eligible reps at capacity'],
    ]);
  });

  it('proposes customers of unknown and inactive owners, and leaves valid owners alone', () => {
    const reps = [rep('Ann'), rep('Bob', { active: false })];
    const result = propose([customer('1', { owner: 'Zed' }), customer('2', { owner: 'bob' }), customer('3', { owner: 'ann@example.com' })], reps);
    expect(result.proposals.map((p) => [p.customerId, p.basis, p.reason.split(';')[0]])).toEqual([
      ['1', 'unknown-owner', "Owner 'Zed' is not in the Reps tab"],
      ['2', 'inactive-owner', 'Owner Bob is inactive'],
    ]);
    expect(result.kept).toBe(1);
  });

  it('makes a rep over its holding limit give up the customers it fits least, just enough', () => {
    const reps = [rep('Ann', { capacity: 2 }), rep('Bob', { regions: ['West'] })];
    const customers = [customer('1', { owner: 'Ann' }), customer('2', { owner: 'Ann', region: 'West' }), customer('3', { owner: 'Ann' })];
    const result = propose(customers, reps);
    expect(result.proposals.map((p) => [p.customerId, p.proposedOwner])).toEqual([['2', 'Bob']]);
    expect(result.proposals[0].reason).toBe('Owner Ann holds 3 customers, over the capacity of 2, and fits this one least; B tier → mid rep; same region (West); same industry (Retail)');
  });

  it('keeps current owners under rebalance when they fit best, and moves the rest', () => {
    const reps = [rep('Sen', { level: 'senior' }), rep('Jun', { level: 'junior' })];
    const customers = [customer('1', { tier: 'A', owner: 'Jun' }), customer('2', { tier: 'C', owner: 'Jun' })];
    const result = propose(customers, reps, { rebalance: true });
    expect(result.proposals.map((p) => [p.customerId, p.proposedOwner, p.change, p.reason])).toEqual([
      ['1', 'Sen', true, 'A tier → senior rep; same region (East); same industry (Retail)'],
      ['2', 'Jun', false, 'C tier → junior rep; same region (East); same industry (Retail); keeps current owner'],
    ]);
  });

  it('gives a group of duplicates one owner, counting each member against the caps', () => {
    const reps = [rep('Ann', { capacity: 2 }), rep('Bob', { capacity: 3, level: 'junior' })];
    const result = propose([customer('1'), customer('2'), customer('3')], reps, { duplicateGroups: [['1', '2', '3']] });
    expect(ownerOf(result)).toEqual({ '1': 'Bob', '2': 'Bob', '3': 'Bob' });
    expect(result.proposals[0].reason).toContain('one owner for the 3 customers of this company');
  });

  it('reaches the optimum found by trying every assignment, on small books', () => {
    fc.assert(
      fc.property(randomBook({ maxCustomers: 6, maxReps: 3 }), (book) => {
        const result = proposeOwners({ customers: book.customers, reps: book.reps, asOfDay: AS_OF, settings: book.settings, state: fresh, cooldowns: book.cooldowns, rebalance: true });
        const placed = result.proposals.filter((p) => p.proposedOwner !== null).length;
        const best = bruteForce(book);
        expect(placed).toBe(best.count);
        expect(result.objective).toBeCloseTo(best.fit, 9);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every way of giving each customer one rep or none, kept to eligibility and caps. */
function bruteForce(book: RandomBook): { count: number; fit: number } {
  const roster = makeRoster(book.reps, book.settings, AS_OF);
  const options = book.customers.map((c) => {
    const holder = matchOwner(roster, c.owner);
    const cooldownFrom = new Map(book.cooldowns.filter((d) => d.customerId === c.id).map((d) => [roster.find(d.repName)!.index, d.untilDay]));
    const candidate = { ...profileOf(c), holder: holder.kind === 'rep' ? holder.rep : null, cooldownFrom };
    return roster.reps.filter((r) => barrier(r, candidate, book.settings) === null).map((r) => ({ rep: r, fit: fitOf(candidate, r, book.settings, candidate.holder === r) }));
  });
  let best = { count: 0, fit: 0 };
  const count = roster.reps.map(() => 0);
  const aCount = roster.reps.map(() => 0);
  const visit = (i: number, placed: number, fit: number): void => {
    if (i === book.customers.length) {
      if (placed > best.count || (placed === best.count && fit > best.fit + 1e-9)) best = { count: placed, fit };
      return;
    }
    visit(i + 1, placed, fit);
    const isA = book.customers[i].tier === 'A' ? 1 : 0;
    for (const { rep: r, fit: f } of options[i]) {
      if ((r.capacity !== null && count[r.index] >= r.capacity) || (r.aCap !== null && aCount[r.index] + isA > r.aCap)) continue;
      count[r.index]++;
      aCount[r.index] += isA;
      visit(i + 1, placed + 1, fit + f);
      count[r.index]--;
      aCount[r.index] -= isA;
    }
  };
  visit(0, 0, 0);
  return best;
}
