import { describe, expect, it } from 'vitest';
import { CannotRun } from '../../src/app/cannot-run.js';
import { checkStateShape } from '../../src/app/saved-state.js';

describe('a saved state whose text reads back but whose shape may not', () => {
  it('is nothing saved when nothing was saved, not a problem', () => {
    expect(checkStateShape({ state: null, problem: null })).toEqual({ state: null, problem: null });
  });

  it('keeps the reason of cells that did not read back at all', () => {
    const damaged = { state: null, problem: { reason: 'its cells come from different saves', lost: ['the pool: 0 cooldowns, 0 stale-customer warnings, 0 claims'] } };
    expect(checkStateShape(damaged)).toEqual(damaged);
  });

  it('names the whole state as the mismatch when it is not a set of sections at all', () => {
    const reading = checkStateShape({ state: ['proposals'], problem: null });
    expect(reading.state).toBeNull();
    expect(reading.problem!.reason).toMatch(/^it is not in the form this version of Tierwise reads \(the whole state: /);
  });

  it('names the section that does not match', () => {
    expect(checkStateShape({ state: { proposals: 'yesterday’s' }, problem: null }).problem!.reason).toMatch(/\(proposals: /);
  });
});

describe('a run that cannot go on', () => {
  it('is told apart from a bug by its name, which the preview and the sidebar see', () => {
    const refusal = new CannotRun('There is nothing to undo.');
    expect(String(refusal)).toBe('CannotRun: There is nothing to undo.');
  });
});
