import { describe, expect, it } from 'vitest';
import { placeBalanced } from '../../../src/core/assign/balanced.js';
import { eligibleRepsOf } from '../../../src/core/assign/eligible.js';
import { Room, emptyLoads } from '../../../src/core/assign/room.js';
import { makeRoster } from '../../../src/core/assign/roster.js';
import { makeUnits } from '../../../src/core/assign/units.js';
import { AS_OF, assignSettings, customer, proposeFor, rep } from './book.js';

const ownerOf = (result: ReturnType<typeof proposeFor>) => Object.fromEntries(result.proposals.map((p) => [p.customerId, p.proposedOwner]));

describe('balanced', () => {
  it('counts a company as many customers as it has rows', () => {
    const customers = [customer('1', { owner: 'Bob' }), customer('2', { score: 90 }), customer('3', { score: 90 }), customer('4')];
    const result = proposeFor(customers, [rep('Ann'), rep('Bob')], { strategy: 'balanced' }, { duplicateGroups: [['2', '3']] });
    expect(ownerOf(result)).toEqual({ '2': 'Ann', '3': 'Ann', '4': 'Bob' });
  });

  it('passes over a rep with no room left, however light its load', () => {
    const result = proposeFor([customer('1'), customer('2')], [rep('Ann', { capacity: 0 }), rep('Bob')], { strategy: 'balanced' });
    expect(ownerOf(result)).toEqual({ '1': 'Bob', '2': 'Bob' });
  });

  it('weighs the score of a whole company when balancing by score', () => {
    const customers = [customer('1', { score: 40 }), customer('2', { score: 40 }), customer('3', { score: 70 })];
    const result = proposeFor(customers, [rep('Ann'), rep('Bob')], { strategy: 'balanced', balanceBy: 'score' }, { duplicateGroups: [['1', '2']] });
    expect(ownerOf(result)).toEqual({ '1': 'Ann', '2': 'Ann', '3': 'Bob' });
    expect(result.perRep.map((r) => r.score)).toEqual([80, 70]);
  });

  it('places the same way whatever order the customers come in', () => {
    const settings = assignSettings({ strategy: 'balanced', balanceBy: 'score' });
    const roster = makeRoster([rep('Ann'), rep('Bob'), rep('Cat')], settings, AS_OF);
    const scores = [30, 50, 50, 20, 90, 50];
    const place = (reverse: boolean) => {
      const units = makeUnits(scores.map((score, i) => customer(`C${i}`, { score })), roster, [], []);
      const placed = placeBalanced(reverse ? [...units].reverse() : units, roster, settings, new Room(roster, emptyLoads(roster)), emptyLoads(roster), eligibleRepsOf(roster, settings));
      return Object.fromEntries([...placed].map(([unit, r]) => [unit.id, r.rep.name]));
    };
    // Highest score first, ties by id: C4 90, C1 C2 C5 50, C0 30, C3 20.
    expect(place(false)).toEqual({ C4: 'Ann', C1: 'Bob', C2: 'Cat', C5: 'Bob', C0: 'Cat', C3: 'Cat' });
    expect(place(true)).toEqual(place(false));
  });

  it('breaks a tie of scores by id, whatever order the customers come in', () => {
    const settings = assignSettings({ strategy: 'balanced', balanceBy: 'score' });
    const roster = makeRoster([rep('Ann'), rep('Bob')], settings, AS_OF);
    const place = (reverse: boolean) => {
      const units = makeUnits([50, 50, 30].map((score, i) => customer(`C${i}`, { score })), roster, [], []);
      const placed = placeBalanced(reverse ? [...units].reverse() : units, roster, settings, new Room(roster, emptyLoads(roster)), emptyLoads(roster), eligibleRepsOf(roster, settings));
      return Object.fromEntries([...placed].map(([unit, r]) => [unit.id, r.rep.name]));
    };
    expect(place(false)).toEqual({ C0: 'Ann', C1: 'Bob', C2: 'Ann' });
    expect(place(true)).toEqual({ C0: 'Ann', C1: 'Bob', C2: 'Ann' });
  });

  it('balances by the number of customers unless told to balance by score', () => {
    const customers = [customer('H1', { owner: 'Ann', score: 90 }), customer('H2', { owner: 'Bob', score: 10 }), customer('H3', { owner: 'Bob', score: 10 }), customer('N')];
    expect(ownerOf(proposeFor(customers, [rep('Ann'), rep('Bob')], { strategy: 'balanced' }))).toEqual({ N: 'Ann' });
    expect(ownerOf(proposeFor(customers, [rep('Ann'), rep('Bob')], { strategy: 'balanced', balanceBy: 'score' }))).toEqual({ N: 'Bob' });
  });

  it('gives a rep away on the as-of day nothing new, though it keeps its own under rebalance', () => {
    const reps = [rep('Ann', { awayFrom: AS_OF - 1, awayTo: AS_OF + 1 }), rep('Bob')];
    const result = proposeFor([customer('1', { owner: 'Ann', score: 10 }), customer('2', { score: 90 })], reps, { strategy: 'balanced' }, { rebalance: true });
    expect(ownerOf(result)).toEqual({ '1': 'Ann', '2': 'Bob' });
  });
});

describe('value balance', () => {
  const fourA = () => [80, 70, 60, 10].map((score, i) => customer(`C${i}`, { score, tier: 'A' }));
  const valueBalance = (tolerance: number) => ({ valueBalance: { enabled: true, tolerance } });

  it('moves the highest scores first to a rep that stays under the line, until the heavy rep is under it', () => {
    // 220 points between two reps: the line is 110 × 1.2 = 132.
    const result = proposeFor(fourA(), [rep('Sen', { level: 'senior' }), rep('Mid')], valueBalance(0.2));
    expect(ownerOf(result)).toEqual({ C0: 'Mid', C1: 'Sen', C2: 'Sen', C3: 'Mid' });
    expect(result.perRep.map((r) => [r.rep, r.score])).toEqual([
      ['Mid', 90],
      ['Sen', 130],
    ]);
  });

  it('stops as soon as the heavy rep is under a looser line', () => {
    // The line is 110 × 1.5 = 165: one move takes Sen to 140.
    expect(ownerOf(proposeFor(fourA(), [rep('Sen', { level: 'senior' }), rep('Mid')], valueBalance(0.5)))).toEqual({ C0: 'Mid', C1: 'Sen', C2: 'Sen', C3: 'Sen' });
  });

  it('moves the highest score first even when the match placed it last, and of equal scores the first by id', () => {
    // Customers of different regions form different classes, placed in class order: East before West.
    const reps = [rep('Sen', { level: 'senior', regions: ['East', 'West'] }), rep('Mid', { regions: ['East', 'West'] })];
    const byRegion = [customer('C1', { tier: 'A', score: 60 }), customer('C2', { tier: 'A', score: 10 }), customer('C3', { tier: 'A', score: 80, region: 'West' })];
    // 150 points: the line is 75 × 1.2 = 90, and moving 80 is enough.
    expect(ownerOf(proposeFor(byRegion, reps, valueBalance(0.2)))).toEqual({ C1: 'Sen', C2: 'Sen', C3: 'Mid' });
    const tie = [customer('C1', { tier: 'A', score: 50, region: 'West' }), customer('C2', { tier: 'A', score: 50 })];
    expect(ownerOf(proposeFor(tie, reps, valueBalance(0)))).toEqual({ C1: 'Mid', C2: 'Sen' });
  });

  it('shares the score among active reps only', () => {
    const result = proposeFor(fourA(), [rep('Sen', { level: 'senior' }), rep('Mid'), rep('Gone', { active: false })], valueBalance(0.2));
    expect(ownerOf(result)).toEqual({ C0: 'Mid', C1: 'Sen', C2: 'Sen', C3: 'Mid' });
  });

  it('hands a customer to the rep it fits best after the heavy one', () => {
    const reps = [rep('Sen', { level: 'senior' }), rep('Zed', { level: 'junior' }), rep('Ann')];
    // 70 points among three reps: the line is 23.3, so 50 cannot move and the two 10s can.
    const result = proposeFor([customer('1', { tier: 'A', score: 50 }), customer('2', { tier: 'A', score: 10 }), customer('3', { tier: 'A', score: 10 })], reps, valueBalance(0));
    expect(ownerOf(result)).toEqual({ '1': 'Sen', '2': 'Ann', '3': 'Ann' });
  });

  it('never moves a customer its rep already holds', () => {
    const customers = [customer('H', { tier: 'A', score: 100, owner: 'Sen' }), customer('1', { tier: 'A', score: 60 }), customer('2', { tier: 'A', score: 5 })];
    const result = proposeFor(customers, [rep('Sen', { level: 'senior' }), rep('Mid')], valueBalance(0));
    // Sen holds 100 of 165: over the line of 82.5 even after giving up 1 and 2.
    expect(ownerOf(result)).toEqual({ '1': 'Mid', '2': 'Mid' });
    expect(result.kept).toBe(1);
  });

  it('moves nothing to a rep without room', () => {
    const result = proposeFor(fourA(), [rep('Sen', { level: 'senior' }), rep('Mid', { capacity: 0 })], valueBalance(0));
    expect(ownerOf(result)).toEqual({ C0: 'Sen', C1: 'Sen', C2: 'Sen', C3: 'Sen' });
  });
});

describe('round robin', () => {
  it('reads weights by a rep’s name or e-mail in any case, and ignores weights for strangers', () => {
    const reps = [rep('Ann'), rep('Bob')];
    const byMail = proposeFor([customer('1'), customer('2'), customer('3')], reps, { strategy: 'round-robin', weights: { 'BOB@example.com': 2, Zed: 5 } });
    expect(byMail.proposals.map((p) => p.proposedOwner)).toEqual(['Bob', 'Ann', 'Bob']);
  });

  it('keeps the saved turns of reps no longer in the Reps tab', () => {
    const state = { rotation: { credits: { Old: 3, Ann: 0 } } };
    const result = proposeFor([customer('1')], [rep('Ann'), rep('Bob')], { strategy: 'round-robin' }, { state });
    expect(result.state.rotation.credits).toEqual({ Old: 3, Ann: -1, Bob: 1 });
  });

  it('continues from saved credits: a rep owed turns gets them first', () => {
    const state = { rotation: { credits: { Bob: 5 } } };
    const result = proposeFor([customer('1'), customer('2')], [rep('Ann'), rep('Bob')], { strategy: 'round-robin' }, { state });
    expect(result.proposals.map((p) => p.proposedOwner)).toEqual(['Bob', 'Bob']);
  });
});
