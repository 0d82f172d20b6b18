import { describe, expect, it } from 'vitest';
import type { AssignCustomer } from '../../../src/core/assign/customer.js';
import { proposeOwners } from '../../../src/core/assign/propose.js';
import type { Rep } from '../../../src/core/assign/rep.js';
import { AssignState } from '../../../src/core/assign/state.js';
import type { AssignSettings } from '../../../src/core/settings/assign.js';
import { AS_OF, assignSettings, customer, rep } from './book.js';

function run(customers: AssignCustomer[], reps: Rep[], settings: Partial<AssignSettings>, state = AssignState.parse({})) {
  return proposeOwners({ customers, reps, asOfDay: AS_OF, settings: assignSettings(settings), state, cooldowns: [] });
}
const owners = (result: ReturnType<typeof run>) => result.proposals.map((p) => p.proposedOwner);
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => customer(`C${String(from + i).padStart(3, '0')}`));

describe('round robin', () => {
  const reps = [rep('Cat'), rep('Ann'), rep('Bob')];

  it('takes turns in name order, saying so', () => {
    const result = run(ids(4), reps, { strategy: 'round-robin' });
    expect(owners(result)).toEqual(['Ann', 'Bob', 'Cat', 'Ann']);
    expect(result.proposals[0].reason).toBe('No owner; next in rotation; B tier → mid rep; same region (East); same industry (Retail)');
  });

  it('continues the rotation in the next run from the saved state', () => {
    const first = run(ids(2), reps, { strategy: 'round-robin' });
    const second = run(ids(2, 10), reps, { strategy: 'round-robin' }, first.state);
    expect([...owners(first), ...owners(second)]).toEqual(['Ann', 'Bob', 'Cat', 'Ann']);
    expect(AssignState.parse(JSON.parse(JSON.stringify(second.state)))).toEqual(second.state);
  });

  it('gives a rep of weight 2 two turns for every one of the others, spread out', () => {
    const result = run(ids(8), [rep('Ann'), rep('Bob'), rep('Cat')], { strategy: 'round-robin', weights: { bob: 2 } });
    expect(owners(result)).toEqual(['Bob', 'Ann', 'Cat', 'Bob', 'Bob', 'Ann', 'Cat', 'Bob']);
  });

  it('skips a rep whose turn comes while it is full, ineligible or away', () => {
    const result = run(ids(4), [rep('Ann', { capacity: 1 }), rep('Bob', { awayFrom: AS_OF, awayTo: AS_OF }), rep('Cat')], { strategy: 'round-robin' });
    expect(owners(result)).toEqual(['Ann', 'Cat', 'Cat', 'Cat']);
  });
});

describe('balanced', () => {
  it('gives each customer to the eligible rep with the fewest customers, counting those held', () => {
    const held = [customer('H1', { owner: 'Ann' }), customer('H2', { owner: 'Ann' })];
    const result = run([...held, ...ids(3)], [rep('Ann'), rep('Bob')], { strategy: 'balanced' });
    expect(owners(result)).toEqual(['Bob', 'Bob', 'Ann']);
    expect(result.perRep.map((r) => [r.rep, r.count])).toEqual([
      ['Ann', 3],
      ['Bob', 2],
    ]);
  });

  it('balances total score when asked, placing the highest scores first', () => {
    const customers = [90, 60, 50, 40].map((score, i) => customer(`C${i}`, { score }));
    const result = run(customers, [rep('Ann'), rep('Bob')], { strategy: 'balanced', balanceBy: 'score' });
    expect(result.perRep.map((r) => r.score)).toEqual([130, 110]);
    expect(result.proposals[0].reason).toContain('lowest load by score among eligible reps');
  });
});

describe('claim', () => {
  it('proposes no one and leaves customers in the pool, listed with why', () => {
    const result = run(ids(2), [rep('Ann')], { strategy: 'claim' });
    expect(result.proposals.map((p) => [p.proposedOwner, p.reason])).toEqual([
      [null, 'No owner; stays in the pool for a rep to claim'],
      [null, 'No owner; stays in the pool for a rep to claim'],
    ]);
  });
});

describe('value balance', () => {
  it('moves proposals off a rep whose share of the score is over its fair share', () => {
    const customers = [80, 70, 60, 10].map((score, i) => customer(`C${i}`, { score, tier: 'A' }));
    const reps = [rep('Sen', { level: 'senior' }), rep('Mid')];
    const plain = run(customers, reps, {});
    expect(plain.perRep.map((r) => [r.rep, r.score])).toEqual([['Mid', 0], ['Sen', 220]]);
    const balanced = run(customers, reps, { valueBalance: { enabled: true, tolerance: 0.2 } });
    for (const load of balanced.perRep) expect(load.score).toBeLessThanOrEqual((220 / 2) * 1.2);
    expect(balanced.objective).toBeLessThan(plain.objective);
  });
});
