import { describe, expect, it } from 'vitest';
import { AS_OF, customer, proposeFor, reasons, rep } from './book.js';

// Who is up for a (new) owner, and who keeps the one they have.
describe('a rep over a cap', () => {
  it('gives up A-tier customers for the A cap first, then counts only what it kept against its holding limit', () => {
    const reps = [rep('Ann', { level: 'senior', aCap: 1, capacity: 2 }), rep('Bob', { level: 'senior', regions: ['West'] })];
    // Ann fits the B-tier customer 3 least of all, but it does not count against the A cap.
    const customers = [customer('1', { tier: 'A', owner: 'Ann' }), customer('2', { tier: 'A', owner: 'Ann', region: 'West' }), customer('3', { owner: 'Ann', region: 'West', score: 1 })];
    const result = proposeFor(customers, reps);
    expect(result.proposals.map((p) => [p.customerId, p.basis, p.proposedOwner])).toEqual([['2', 'over-a-cap', 'Bob']]);
    expect(result.kept).toBe(2);
  });

  it('gives up, among customers it fits alike, the lower score first', () => {
    const reps = [rep('Ann', { capacity: 1 }), rep('Bob')];
    expect(reasons(proposeFor([customer('1', { owner: 'Ann', score: 10 }), customer('2', { owner: 'Ann', score: 90 })], reps))).toEqual([
      ['1', 'Bob', 'Owner Ann holds 2 customers, over the capacity of 1, and fits this one least; B tier → mid rep; same region (East); same industry (Retail)'],
    ]);
    expect(reasons(proposeFor([customer('1', { owner: 'Ann', score: 90 }), customer('2', { owner: 'Ann', score: 10 })], reps))[0][0]).toBe('2');
  });

  it('gives up the customer it fits least even when that one scores higher, and the first by id on a full tie', () => {
    const reps = [rep('Ann', { capacity: 1 }), rep('Bob', { regions: ['West'] })];
    expect(proposeFor([customer('1', { owner: 'Ann', score: 10 }), customer('2', { owner: 'Ann', score: 90, region: 'West' })], reps).proposals[0].customerId).toBe('2');
    expect(proposeFor([customer('1', { owner: 'Ann' }), customer('2', { owner: 'Ann' })], reps).proposals[0].customerId).toBe('1');
  });

  it('lists what a rep gives up among the other proposals, in customer id order', () => {
    const result = proposeFor([customer('1', { owner: 'Ann', score: 10 }), customer('2', { owner: 'Ann' }), customer('3')], [rep('Ann', { capacity: 1 }), rep('Bob')]);
    expect(result.proposals.map((p) => [p.customerId, p.basis])).toEqual([
      ['1', 'over-capacity'],
      ['3', 'unowned'],
    ]);
  });

  it('gives up just enough: a rep at its cap keeps everyone', () => {
    const reps = [rep('Ann', { capacity: 2, aCap: 1 })];
    const result = proposeFor([customer('1', { owner: 'Ann', tier: 'A' }), customer('2', { owner: 'Ann' })], reps);
    expect(result.proposals).toEqual([]);
    expect(result.kept).toBe(2);
  });

  it('counts a company once per customer against the cap, and gives up the single customer rather than split it', () => {
    const reps = [rep('Ann', { capacity: 2 }), rep('Bob')];
    const customers = [customer('1', { owner: 'Ann' }), customer('2', { owner: 'Ann' }), customer('3', { owner: 'Ann' })];
    const result = proposeFor(customers, reps, {}, { duplicateGroups: [['1', '2']] });
    expect(result.proposals.map((p) => [p.customerId, p.proposedOwner])).toEqual([['3', 'Bob']]);
    expect(result.perRep.map((r) => [r.rep, r.kept, r.proposed, r.count])).toEqual([
      ['Ann', 2, 0, 2],
      ['Bob', 0, 1, 1],
    ]);
  });
});

describe('a company of several rows', () => {
  it('stays with the rep who holds every row of it', () => {
    const result = proposeFor([customer('1', { owner: 'Ann' }), customer('2', { owner: 'ann@example.com' })], [rep('Ann'), rep('Bob')], {}, { duplicateGroups: [['1', '2']] });
    expect(result.proposals).toEqual([]);
    expect(result.kept).toBe(2);
  });

  it('names the owner nobody knows, or the inactive one, of whichever row has one', () => {
    const reps = [rep('Ann'), rep('Gone', { active: false })];
    const unknown = proposeFor([customer('1'), customer('2', { owner: 'Zed' })], reps, {}, { duplicateGroups: [['1', '2']] });
    expect(unknown.proposals.map((p) => [p.basis, p.reason.split('; ')[0]])).toEqual([
      ['unknown-owner', "Owner 'Zed' is not in the Reps tab"],
      ['unknown-owner', "Owner 'Zed' is not in the Reps tab"],
    ]);
    const inactive = proposeFor([customer('1'), customer('2', { owner: 'gone' })], reps, {}, { duplicateGroups: [['1', '2']] });
    expect(inactive.proposals.map((p) => p.reason.split('; ')[0])).toEqual(['Owner Gone is inactive', 'Owner Gone is inactive']);
  });

  it('goes to a new rep who holds it only when the growth rule allows every row of it', () => {
    const reps = [rep('New', { startDay: AS_OF - 10 }), rep('Sen', { level: 'senior' })];
    const growth = { growth: { days: 90, tiers: ['B' as const, 'C' as const] } };
    const mixed = proposeFor([customer('1', { owner: 'New' }), customer('2', { owner: 'New', tier: 'A' })], reps, growth, { duplicateGroups: [['1', '2']] });
    expect(mixed.proposals.map((p) => [p.customerId, p.basis, p.proposedOwner])).toEqual([
      ['1', 'growth', 'Sen'],
      ['2', 'growth', 'Sen'],
    ]);
    const allowed = proposeFor([customer('1', { owner: 'New' }), customer('2', { owner: 'New', tier: 'C' })], reps, growth, { duplicateGroups: [['1', '2']] });
    expect(allowed.kept).toBe(2);
  });
});

describe('rebalance', () => {
  it('proposes every customer, without a reason for being up, and keeps no one aside', () => {
    const result = proposeFor([customer('1', { owner: 'Ann' }), customer('2')], [rep('Ann')], {}, { rebalance: true });
    expect(result.kept).toBe(0);
    expect(result.proposals.map((p) => [p.customerId, p.basis, p.change, p.reason])).toEqual([
      ['1', 'rebalance', false, 'B tier → mid rep; same region (East); same industry (Retail); keeps current owner'],
      ['2', 'rebalance', true, 'B tier → mid rep; same region (East); same industry (Retail)'],
    ]);
    expect(result.perRep).toEqual([{ rep: 'Ann', kept: 0, proposed: 2, count: 2, aCount: 0, score: 100, capacity: null, aCap: null }]);
  });
});
