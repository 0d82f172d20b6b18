import { describe, expect, it } from 'vitest';
import { ProposalRun, applicableRun, loadOwnerState, parseOwnerState } from '../../src/app/owner-state.js';
import { memoryState } from './book-fixtures.js';

/** A proposal run as an older version saved it: no maker, no reps' loads. */
const olderRun = { runId: 'run-1', asOf: '2026-11-23', strategy: 'balanced', rebalance: false, items: [{ customerId: 'C1', from: '', to: 'Ann', reason: 'best fit' }] };

describe('the owners part of the saved state', () => {
  it('lets apply write a run made by a manager, the schedule or the local command, never a rep’s preview nor a run that does not say who made it', () => {
    const run = (madeBy: unknown) => ProposalRun.parse({ ...olderRun, madeBy });
    expect(['manager', 'schedule', 'command', 'rep'].map((role) => applicableRun(run({ actor: 'ann@example.com', role })))).toEqual([true, true, true, false]);
    expect(applicableRun(ProposalRun.parse(olderRun))).toBe(false);
  });

  it('reads a run saved before runs kept the reps’ loads as one with no loads, and an older load as an active rep’s', () => {
    expect(ProposalRun.parse(olderRun).load).toEqual([]);
    expect(ProposalRun.parse({ ...olderRun, load: [{ rep: 'Ann', count: 3, capacity: null }] }).load).toEqual([{ rep: 'Ann', count: 3, capacity: null, active: true }]);
  });

  it('starts fresh from a saved state that is not a set of sections', () => {
    for (const saved of ['garbage', 42, true]) {
      const state = loadOwnerState(memoryState(saved));
      expect([saved, state.proposals, state.lastApply]).toEqual([saved, null, null]);
    }
    expect(parseOwnerState(null).success).toBe(false);
  });

  it('checks a state read once only once, however many use cases of the execution load it', () => {
    const saved = { proposals: { ...olderRun, madeBy: { actor: 'ann@example.com', role: 'manager' } } };
    expect(parseOwnerState(saved)).toBe(parseOwnerState(saved));
    expect(parseOwnerState({ ...saved })).not.toBe(parseOwnerState(saved));
  });
});
