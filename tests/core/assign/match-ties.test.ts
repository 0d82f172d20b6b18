import { describe, expect, it } from 'vitest';
import { customer, proposeFor, reasons, rep } from './book.js';

// Under `match`, customers alike (same tier, region, industry) fit every rep alike: who
// among them gets a slot, and which rep each gets, comes down to score, then Customer ID.
describe('match, among customers alike', () => {
  it('gives the last free slot to the lower Customer ID among equal scores, whatever the row order', () => {
    const customers = ['C3', 'C1', 'C2'].map((id) => customer(id));
    expect(reasons(proposeFor(customers, [rep('Ann', { capacity: 2 })])).map(([id, owner]) => [id, owner])).toEqual([
      ['C1', 'Ann'],
      ['C2', 'Ann'],
      ['C3', null],
    ]);
  });

  it('deals equal scores in Customer ID order, a customer its rep had to give up among them', () => {
    // Ann has room for one and keeps C0; C1, given up, and the unowned C2 are dealt by id:
    // the first to Bob, the next to Cat (reps take turns in name order).
    const reps = [rep('Ann', { capacity: 1 }), rep('Bob', { capacity: 1 }), rep('Cat', { capacity: 1 })];
    const customers = [customer('C0', { owner: 'Ann', score: 90 }), customer('C1', { owner: 'Ann' }), customer('C2')];
    expect(proposeFor(customers, reps).proposals.map((p) => [p.customerId, p.proposedOwner])).toEqual([
      ['C1', 'Bob'],
      ['C2', 'Cat'],
    ]);
  });

  it('skips the turn of a rep whose room is used up, so no rep is dealt past its holding limit', () => {
    const customers = [90, 80, 70, 60].map((score, i) => customer(`C${i}`, { score }));
    const result = proposeFor(customers, [rep('Ann', { capacity: 1 }), rep('Bob', { capacity: 3 })]);
    expect(result.proposals.map((p) => p.proposedOwner)).toEqual(['Ann', 'Bob', 'Bob', 'Bob']);
    expect(result.perRep.map((r) => [r.rep, r.count])).toEqual([
      ['Ann', 1],
      ['Bob', 3],
    ]);
  });
});

describe('match, a company and single customers', () => {
  it('counts a company once against its rep’s caps, so a customer left out is told it was the A cap', () => {
    // The company (one A, one B) takes two of Sen's three places and the one A place.
    const customers = [customer('C1', { tier: 'A' }), customer('C2'), customer('C3', { tier: 'A' })];
    const result = proposeFor(customers, [rep('Sen', { level: 'senior', capacity: 3, aCap: 1 })], {}, { duplicateGroups: [['C1', 'C2']] });
    expect(reasons(result).map(([id, owner]) => [id, owner])).toEqual([
      ['C1', 'Sen'],
      ['C2', 'Sen'],
      ['C3', null],
    ]);
    expect(result.proposals[2].reason).toBe('No owner; not placed: all eligible reps at their A-tier cap');
  });
});
