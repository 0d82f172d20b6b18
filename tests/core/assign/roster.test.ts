import { describe, expect, it } from 'vitest';
import { AS_OF, customer, proposeFor, rep } from './book.js';

const ownerOf = (result: ReturnType<typeof proposeFor>) => Object.fromEntries(result.proposals.map((p) => [p.customerId, p.proposedOwner]));
const growth = (days: number) => ({ growth: { days, tiers: ['B' as const, 'C' as const] } });

describe('the Reps tab as assignment reads it', () => {
  it('lists reps in name order, whatever the case, upper case first between two spellings of one name', () => {
    const reps = [rep('cat'), rep('bob'), rep('Ann'), rep('ann'), rep('Bob')];
    for (const order of [reps, [...reps].reverse()]) expect(proposeFor([], order).perRep.map((r) => r.rep)).toEqual(['Ann', 'ann', 'Bob', 'bob', 'cat']);
  });

  it('matches an Owner cell to the first rep of that name', () => {
    const twins = [rep('Ann', { email: 'one@example.com' }), rep('Ann', { email: 'two@example.com', active: false })];
    expect(proposeFor([customer('1', { owner: 'ann' })], twins).kept).toBe(1);
    expect(proposeFor([customer('1', { owner: 'ann' })], [...twins].reverse()).proposals[0].basis).toBe('inactive-owner');
  });

  it('gives reps with a blank holding limit or A cap the defaults of the settings', () => {
    const result = proposeFor([customer('1', { tier: 'A' }), customer('2'), customer('3')], [rep('Ann'), rep('Bob', { capacity: 3, aCap: 0 })], { defaultCapacity: 1, defaultACap: 1 });
    expect(result.perRep.map((r) => [r.rep, r.capacity, r.aCap, r.count])).toEqual([
      ['Ann', 1, 1, 1],
      ['Bob', 3, 0, 2],
    ]);
    expect(ownerOf(result)['1']).toBe('Ann');
  });

  it('counts a rep away from its first day to its last, both included, and an open end as running on', () => {
    const awayOn = (fields: { awayFrom?: number | null; awayTo?: number | null }) =>
      proposeFor([customer('1')], [rep('Ann', { level: 'senior', ...fields }), rep('Bob', { level: 'junior' })]).proposals[0].proposedOwner === 'Bob';
    expect(awayOn({ awayFrom: AS_OF, awayTo: AS_OF })).toBe(true);
    expect(awayOn({ awayFrom: AS_OF + 1, awayTo: AS_OF + 5 })).toBe(false);
    expect(awayOn({ awayFrom: AS_OF - 5, awayTo: AS_OF - 1 })).toBe(false);
    expect(awayOn({ awayFrom: AS_OF - 5, awayTo: null })).toBe(true);
    expect(awayOn({ awayFrom: null, awayTo: AS_OF })).toBe(true);
    expect(awayOn({ awayFrom: null, awayTo: AS_OF - 1 })).toBe(false);
    expect(awayOn({ awayFrom: AS_OF + 1, awayTo: null })).toBe(false);
  });

  it('keeps a rep to the growth tiers for the days the rule gives it, counted from its start day', () => {
    const takesA = (startDay: number | null, days: number) =>
      proposeFor([customer('1', { tier: 'A' })], [rep('New', { level: 'senior', startDay })], growth(days)).proposals[0].proposedOwner === 'New';
    expect(takesA(AS_OF - 89, 90)).toBe(false);
    expect(takesA(AS_OF - 90, 90)).toBe(true);
    expect(takesA(null, 90)).toBe(true);
    expect(takesA(AS_OF + 5, 0)).toBe(true);
  });

  it('holds a customer of no tier to the growth rule like a C-tier one', () => {
    const result = proposeFor([customer('1', { tier: null })], [rep('New', { startDay: AS_OF })], { growth: { days: 90, tiers: ['C'] } });
    expect(ownerOf(result)).toEqual({ '1': 'New' });
  });
});

describe('cooldowns', () => {
  it('end on their last day: from that day on the rep may take the customer back', () => {
    const backTo = (untilDay: number) => ownerOf(proposeFor([customer('1')], [rep('Ann'), rep('Bob', { regions: [] })], {}, { cooldowns: [{ customerId: '1', repName: 'Ann', untilDay }] }))['1'];
    expect(backTo(AS_OF + 1)).toBe('Bob');
    expect(backTo(AS_OF)).toBe('Ann');
  });

  it('run to the latest day when a customer was recycled from the same rep twice', () => {
    const early = { customerId: '1', repName: 'Ann', untilDay: AS_OF + 3 };
    const late = { customerId: '1', repName: 'ANN', untilDay: AS_OF + 9 };
    for (const cooldowns of [[early, late], [late, early]]) {
      expect(proposeFor([customer('1')], [rep('Ann')], {}, { cooldowns }).proposals[0].reason).toBe('No owner; not placed: cooldown: recycled from Ann, who may take it back from 2026-12-10');
    }
  });

  it('block no one when they name someone not in the Reps tab, or no one at all', () => {
    const cooldowns = [
      { customerId: '1', repName: 'Zed', untilDay: AS_OF + 3 },
      { customerId: '1', repName: ' ', untilDay: AS_OF + 3 },
    ];
    expect(ownerOf(proposeFor([customer('1')], [rep('Ann', { email: '' })], {}, { cooldowns }))).toEqual({ '1': 'Ann' });
  });

  it('keep a customer only from the rep it was recycled from', () => {
    const reps = [rep('Ann'), rep('Bob', { level: 'junior' })];
    const cooldowns = [{ customerId: '1', repName: 'Ann', untilDay: AS_OF + 3 }];
    expect(ownerOf(proposeFor([customer('1'), customer('2')], reps, { strategy: 'balanced' }, { cooldowns }))).toEqual({ '1': 'Bob', '2': 'Ann' });
  });
});

describe('customers in the book', () => {
  it('take the last row of an id listed twice', () => {
    const result = proposeFor([customer('1', { row: 0 }), customer('2', { row: 3, owner: 'Ann' }), customer('1', { row: 5, score: 70 })], [rep('Ann')]);
    expect(result.proposals.map((p) => [p.customerId, p.row])).toEqual([['1', 5]]);
    expect(result.perRep[0].score).toBe(120);
  });

  it('form a company only with at least two rows in the book, each row in one company', () => {
    const reps = [rep('Ann')];
    const lone = proposeFor([customer('1'), customer('2')], reps, {}, { duplicateGroups: [['1', 'gone'], ['1', '2'], ['2', '3']] });
    expect(lone.proposals.map((p) => p.reason)).toEqual([
      'No owner; B tier → mid rep; same region (East); same industry (Retail); one owner for the 2 customers of this company',
      'No owner; B tier → mid rep; same region (East); same industry (Retail); one owner for the 2 customers of this company',
    ]);
    const none = proposeFor([customer('1'), customer('2')], reps, {}, { duplicateGroups: [['1', 'gone']] });
    expect(none.proposals.map((p) => p.reason.includes('one owner'))).toEqual([false, false]);
  });

  it('name the first barrier any row of a company meets', () => {
    // Row 1 is A tier, which Ann may not hold yet, row 2 is in cooldown from her: the growth rule comes first.
    const cooldowns = [{ customerId: '2', repName: 'Ann', untilDay: AS_OF + 3 }];
    const result = proposeFor([customer('2'), customer('1', { tier: 'A' })], [rep('Ann', { startDay: AS_OF - 10 })], growth(90), { cooldowns, duplicateGroups: [['2', '1']] });
    expect(result.proposals.map((p) => [p.customerId, p.reason.split(': ')[1]])).toEqual([
      ['1', 'growth rule'],
      ['2', 'growth rule'],
    ]);
  });

  it('ask for eligibility again when a customer is held by a rep who is away', () => {
    // Ann is away: she keeps customer 1 under rebalance, but may take no new customer.
    const reps = [rep('Ann', { awayFrom: AS_OF, awayTo: AS_OF }), rep('Bob')];
    const result = proposeFor([customer('1', { owner: 'Ann', score: 10 }), customer('2', { score: 90 })], reps, { strategy: 'balanced' }, { rebalance: true });
    expect(ownerOf(result)).toEqual({ '1': 'Ann', '2': 'Bob' });
    const turn = proposeFor([customer('1', { owner: 'Ann' }), customer('2')], reps, { strategy: 'round-robin' }, { rebalance: true });
    expect(ownerOf(turn)).toEqual({ '1': 'Ann', '2': 'Bob' });
  });
});
