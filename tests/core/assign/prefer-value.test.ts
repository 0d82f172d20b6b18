import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleRepsOf } from '../../../src/core/assign/eligible.js';
import { preferValue } from '../../../src/core/assign/prefer-value.js';
import { proposeOwners } from '../../../src/core/assign/propose.js';
import { Room, emptyLoads } from '../../../src/core/assign/room.js';
import { makeRoster } from '../../../src/core/assign/roster.js';
import { makeUnits } from '../../../src/core/assign/units.js';
import { AssignState } from '../../../src/core/assign/state.js';
import { AS_OF, assignSettings, customer, proposeFor, reasons, rep } from './book.js';
import { optionsOf, randomBook } from './random-book.js';

const owners = (result: ReturnType<typeof proposeFor>) => Object.fromEntries(result.proposals.map((p) => [p.customerId, p.proposedOwner]));

describe('match, when customers of different profiles fit the last place equally', () => {
  it('gives it to the more valuable one, whatever its region is called or where its row is', () => {
    // Ann covers East only: a West and a North customer fit her alike (no region bonus).
    const ann = [rep('Ann', { capacity: 1 })];
    const west90 = customer('C1', { region: 'West', score: 90 });
    const north10 = customer('C0', { region: 'North', score: 10 });
    expect(owners(proposeFor([north10, west90], ann))).toEqual({ C0: null, C1: 'Ann' });
    expect(owners(proposeFor([west90, north10], ann))).toEqual({ C0: null, C1: 'Ann' });
    const renamed = [customer('C1', { region: 'North', score: 90 }), customer('C0', { region: 'West', score: 10 })];
    expect(owners(proposeFor(renamed, ann))).toEqual({ C0: null, C1: 'Ann' });
    expect(reasons(proposeFor([north10, west90], ann))[0][2]).toBe('No owner; not placed: all eligible reps at capacity');
  });

  it('gives it to the lower Customer ID between equal scores', () => {
    const ann = [rep('Ann', { capacity: 1 })];
    expect(owners(proposeFor([customer('C2', { region: 'North' }), customer('C1', { region: 'West' })], ann))).toEqual({ C1: 'Ann', C2: null });
    expect(owners(proposeFor([customer('C1', { region: 'North' }), customer('C2', { region: 'West' })], ann))).toEqual({ C1: 'Ann', C2: null });
  });

  it('still prefers the better fit to the higher score', () => {
    // The East customer gets Ann's region bonus: fit comes first, value only breaks ties.
    const result = proposeFor([customer('C1', { region: 'West', score: 90 }), customer('C2', { region: 'East', score: 10 })], [rep('Ann', { capacity: 1 })]);
    expect(owners(result)).toEqual({ C1: null, C2: 'Ann' });
  });

  it('keeps the A cap: a key account does not take a place its rep may not give to tier A', () => {
    // Tier A and B fit a mid rep alike here, but Ann may hold no A customer.
    const levelFit = { A: { senior: 5, mid: 5, junior: 5 }, B: { senior: 5, mid: 5, junior: 5 }, C: { senior: 5, mid: 5, junior: 5 } };
    const customers = [customer('C1', { tier: 'A', region: 'West', score: 95 }), customer('C2', { region: 'North', score: 10 })];
    expect(owners(proposeFor(customers, [rep('Ann', { capacity: 1, aCap: 0 })], { levelFit }))).toEqual({ C1: null, C2: 'Ann' });
    expect(owners(proposeFor(customers, [rep('Ann', { capacity: 1, aCap: 1 })], { levelFit }))).toEqual({ C1: 'Ann', C2: null });
  });

  it('never takes the place of a customer its rep must give up: left out, it would stay with that rep', () => {
    // Bob holds C1 (score 10) over his cap of 0, and the flow gave Ann's one place to it. The
    // unowned C2 (score 90) fits Ann as well but waits in the pool, so that Bob is back under his cap.
    const settings = assignSettings();
    const roster = makeRoster([rep('Ann', { capacity: 1 }), rep('Bob', { capacity: 0, regions: ['South'] })], settings, AS_OF);
    const [c1, c2] = makeUnits([customer('C1', { owner: 'Bob', region: 'North', score: 10 }), customer('C2', { region: 'West', score: 90 })], roster, [], []);
    const room = new Room(roster, emptyLoads(roster));
    const placed = new Map([[c1, roster.reps[0]]]);
    room.take(0, c1);
    preferValue([c1, c2], placed, settings, room, eligibleRepsOf(roster, settings));
    expect([...placed].map(([unit, r]) => [unit.id, r.rep.name])).toEqual([['C1', 'Ann']]);
  });

  it('lets a customer it displaces take a less valuable one’s place elsewhere', () => {
    // Ann and Bob have one place each and cover neither region: all four fit both alike.
    // The two most valuable are placed, wherever the flow first put the others.
    const customers = [10, 20, 80, 90].map((score, i) => customer(`C${i}`, { region: i % 2 === 0 ? 'West' : 'North', score }));
    const result = proposeFor(customers, [rep('Ann', { capacity: 1 }), rep('Bob', { capacity: 1 })]);
    expect(result.proposals.filter((p) => p.proposedOwner !== null).map((p) => p.customerId)).toEqual(['C2', 'C3']);
  });

  it('leaves no customer out that could take the place of a less valuable one at the same fit, caps kept (property)', () => {
    fc.assert(
      fc.property(randomBook({ maxCustomers: 8, maxReps: 3 }), (book) => {
        const result = proposeOwners({ customers: book.customers, reps: book.reps, asOfDay: AS_OF, settings: book.settings, state: AssignState.parse({}), cooldowns: book.cooldowns, rebalance: true });
        const options = optionsOf(book);
        const valued = (i: number) => [book.customers[i].score, -Number(book.customers[i].id.slice(1))];
        const moreValuable = (i: number, j: number) => valued(i)[0] > valued(j)[0] || (valued(i)[0] === valued(j)[0] && valued(i)[1] > valued(j)[1]);
        const isA = (i: number) => (book.customers[i].tier === 'A' ? 1 : 0);
        const at = (name: string) => result.proposals.flatMap((p, i) => (p.proposedOwner === name ? [i] : []));
        result.proposals.forEach((left, v) => {
          if (left.proposedOwner !== null) return;
          for (const { rep: r, fit } of options[v]) {
            const held = at(r.rep.name);
            const aHeld = held.reduce((sum, i) => sum + isA(i), 0);
            for (const u of held) {
              // A customer with an owner is never displaced (it would stay with that owner).
              if (book.customers[u].owner !== '') continue;
              const sameFit = Math.round(fit * 1000) === Math.round((result.proposals[u].fit ?? NaN) * 1000);
              const capsKept = r.aCap === null || aHeld - isA(u) + isA(v) <= r.aCap;
              expect(sameFit && capsKept && moreValuable(v, u), `${left.customerId} could take ${result.proposals[u].customerId}'s place at ${r.rep.name}`).toBe(false);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
