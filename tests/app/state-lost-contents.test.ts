import { describe, expect, it } from 'vitest';
import { StateLoss, describeState, unreadableStateMessage } from '../../src/app/state-contents.js';

describe('what a saved state held, as the manager is told when it does not read back', () => {
  it('names each section in words, with the counts a manager would check', () => {
    const state = {
      version: 3,
      lastRescore: { asOf: '2026-11-23', tiers: { C1: 'A', C2: 'B', C3: 'C' } },
      pool: { cooldowns: [{}, {}], staleFlags: [{}], claims: [{}, {}, {}] },
      assign: { next: 'Ann' },
      computed: { fit: {} },
      drafts: {},
    };
    expect(describeState(state)).toEqual([
      'the tiers of the last rescore (as of 2026-11-23, 3 customers), for movement since',
      'the pool: 2 cooldowns, 1 stale-customer warnings, 3 claims',
      'where the round-robin rotation stands',
      'the CLV fit of the last rescore, which later runs reuse while the deals are unchanged (made again when missing)',
      'the section drafts',
    ]);
  });

  it('leaves out the version and the sections that hold nothing', () => {
    expect(describeState({ version: 3, lastRescore: null, proposals: undefined, lastApply: null, assign: { next: 'Ann' } })).toEqual(['where the round-robin rotation stands']);
  });

  it('counts no customers for tiers or lists that are not what a rescore saves', () => {
    expect(describeState({ lastRescore: { asOf: '2026-11-23', tiers: ['A', 'B'] }, pool: ['C1'] })).toEqual([
      'the tiers of the last rescore (as of 2026-11-23, 0 customers), for movement since',
      'the pool: 0 cooldowns, 0 stale-customer warnings, 0 claims',
    ]);
  });

  it('says nothing of a state that is not a set of sections, and then that what it held cannot be read', () => {
    for (const state of [null, undefined, 'lastRescore', 42, ['lastRescore', 'pool']]) expect(describeState(state)).toEqual([]);
    expect(unreadableStateMessage({ reason: 'its cells come from different saves', lost: describeState('pool') })).toContain('What it held cannot be read either.');
  });

  it('keeps, in the record of a state started fresh, when it was, why, what it held and the tab its cells went to', () => {
    const loss = { at: '2026-11-23T09:00:00.000Z', reason: 'its cells come from different saves', lost: ['where the round-robin rotation stands'], keptIn: 'TW State unreadable 2026-11-23 09:00' };
    expect(StateLoss.parse(JSON.parse(JSON.stringify(loss)))).toEqual(loss);
  });
});
