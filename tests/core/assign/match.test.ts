import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignCustomer } from '../../../src/core/assign/customer.js';
import { proposeOwners } from '../../../src/core/assign/propose.js';
import { AssignState } from '../../../src/core/assign/state.js';
import { AS_OF, assignSettings, customer, proposeFor, rep } from './book.js';
import { type RandomBook, optionsOf, randomBook } from './random-book.js';

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

describe('match, customer by customer', () => {
  it('places the largest company first, and of two alike the first by id', () => {
    const reps = [rep('Ann', { capacity: 3 }), rep('Bob', { level: 'junior', capacity: 3 })];
    const five = ['1', '2', '3', '4', '5'].map((id) => customer(id));
    expect(ownerOf(proposeFor(five, reps, {}, { duplicateGroups: [['1', '2'], ['3', '4', '5']] }))).toEqual({ '1': 'Bob', '2': 'Bob', '3': 'Ann', '4': 'Ann', '5': 'Ann' });
    const twoPairs = [rep('Ann', { capacity: 2 }), rep('Bob', { level: 'junior', capacity: 2 })];
    expect(ownerOf(proposeFor(five.slice(0, 4), twoPairs, {}, { duplicateGroups: [['3', '4'], ['1', '2']] }))).toEqual({ '1': 'Ann', '2': 'Ann', '3': 'Bob', '4': 'Bob' });
  });

  it('gives a company to the first rep by name when two fit it alike', () => {
    expect(ownerOf(proposeFor([customer('1'), customer('2')], [rep('Bob'), rep('Ann')], {}, { duplicateGroups: [['1', '2']] }))).toEqual({ '1': 'Ann', '2': 'Ann' });
  });

  it('places the most valuable of customers alike when not all fit', () => {
    const result = proposeFor([customer('1', { score: 20 }), customer('2', { score: 90 }), customer('3', { score: 50 })], [rep('Ann', { capacity: 2 })]);
    expect(ownerOf(result)).toEqual({ '1': null, '2': 'Ann', '3': 'Ann' });
  });

  it('deals customers alike to their reps in turn, so no rep gets all the high scores', () => {
    const customers = [90, 80, 70, 60].map((score, i) => customer(`C${i}`, { score }));
    expect(ownerOf(proposeFor(customers, [rep('Ann', { capacity: 2 }), rep('Bob', { capacity: 2 })]))).toEqual({ C0: 'Ann', C1: 'Bob', C2: 'Ann', C3: 'Bob' });
  });

  it('keeps the more valuable customers with their rep under rebalance when it has room for only some', () => {
    const result = proposeFor([customer('1', { owner: 'Ann', score: 10 }), customer('2', { owner: 'Ann', score: 90 })], [rep('Ann', { capacity: 1 }), rep('Bob')], {}, { rebalance: true });
    expect(ownerOf(result)).toEqual({ '1': 'Bob', '2': 'Ann' });
  });

  it('moves a customer under rebalance from a rep who may no longer hold it', () => {
    const reps = [rep('Ann', { regions: ['West'] }), rep('Bob', { level: 'junior' })];
    const result = proposeFor([customer('1', { owner: 'Ann' })], reps, { requireRegion: true }, { rebalance: true });
    expect(ownerOf(result)).toEqual({ '1': 'Bob' });
  });

  it('keeps a customer in cooldown from its last rep apart from customers alike', () => {
    const cooldowns = [{ customerId: '1', repName: 'Ann', untilDay: AS_OF + 3 }];
    expect(ownerOf(proposeFor([customer('1'), customer('2')], [rep('Ann'), rep('Bob', { level: 'junior' })], {}, { cooldowns }))).toEqual({ '1': 'Bob', '2': 'Ann' });
    expect(ownerOf(proposeFor([customer('1'), customer('2')], [rep('Ann', { level: 'junior' }), rep('Bob')], {}, { cooldowns }))).toEqual({ '1': 'Bob', '2': 'Bob' });
  });

  it('takes any level fit and a negative bonus as given: a penalty steers customers away', () => {
    const settings = { levelFit: { A: { senior: 40, mid: 6, junior: 2 }, B: { senior: 6, mid: 8, junior: 5 }, C: { senior: 2, mid: 5, junior: 8 } }, bonus: { region: -20, industry: 3, keep: 5 } };
    const reps = [rep('Sen', { level: 'senior' }), rep('Far', { level: 'senior', regions: ['West'] })];
    const result = proposeFor([customer('1', { tier: 'A' })], reps, settings);
    expect(ownerOf(result)).toEqual({ '1': 'Far' });
    expect(result.objective).toBe(43);
  });

  it('leaves value balance only the room the placements left', () => {
    // Mid holds B1 after the match and has room for one more: C0 moves there, C3 cannot follow.
    const customers = [customer('B1', { score: 5 }), ...[80, 70, 60, 10].map((score, i) => customer(`C${i}`, { score, tier: 'A' }))];
    const result = proposeFor(customers, [rep('Sen', { level: 'senior' }), rep('Mid', { capacity: 2 })], { valueBalance: { enabled: true, tolerance: 0.2 } });
    expect(ownerOf(result)).toEqual({ B1: 'Mid', C0: 'Mid', C1: 'Sen', C2: 'Sen', C3: 'Sen' });
  });

  it('asks again which reps may take a company whose rows differ, rather than reuse the answer for its first row', () => {
    const reps = [rep('Ann'), rep('Bob', { regions: ['East', 'West'] })];
    const customers = [customer('H1', { owner: 'Bob' }), customer('H2', { owner: 'Bob' }), customer('1', { score: 10 }), customer('2', { region: 'West', score: 10 }), customer('3', { score: 90 })];
    const result = proposeFor(customers, reps, { strategy: 'balanced', requireRegion: true }, { duplicateGroups: [['1', '2']] });
    expect(ownerOf(result)).toEqual({ '1': 'Bob', '2': 'Bob', '3': 'Ann' });
  });
});

/** Every way of giving each customer one rep or none, kept to eligibility and caps. */
function bruteForce(book: RandomBook): { count: number; fit: number } {
  const options = optionsOf(book);
  let best = { count: 0, fit: 0 };
  const count = book.reps.map(() => 0);
  const aCount = book.reps.map(() => 0);
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
