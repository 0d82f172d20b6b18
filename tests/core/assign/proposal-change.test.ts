import { describe, expect, it } from 'vitest';
import { customer, proposeFor, rep } from './book.js';

// `change`: applying the proposal would give the customer an owner other than the one it has.
describe('a proposal as a change of owner', () => {
  it('is no change when no rep can take the customer, even one its rep must give up', () => {
    const result = proposeFor([customer('C1', { owner: 'Ann', score: 90 }), customer('C2', { owner: 'Ann', score: 10 })], [rep('Ann', { capacity: 1 })]);
    expect(result.proposals.map((p) => [p.customerId, p.currentOwner, p.proposedOwner, p.change])).toEqual([['C2', 'Ann', null, false]]);
  });
});
