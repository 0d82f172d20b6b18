import { describe, expect, it } from 'vitest';
import { loadOwnerState } from '../../src/app/owner-state.js';
import { AppState } from '../../src/app/state.js';

const lastRescore = (tiers: unknown, owners?: unknown) => ({
  version: 1,
  lastRescore: { asOf: '2026-11-01', runAt: '2026-11-01T08:00:00.000Z', tiers, ...(owners === undefined ? {} : { owners }) },
});

describe('the saved state', () => {
  it('keeps the tiers and owners of the last rescore as they were saved', () => {
    const parsed = AppState.parse(lastRescore({ 'C-1': 'A', 'C-2': 'C' }, { 'C-1': 'Alice Chen', 'C-2': '' }));
    expect(parsed.lastRescore).toEqual({
      asOf: '2026-11-01',
      runAt: '2026-11-01T08:00:00.000Z',
      tiers: { 'C-1': 'A', 'C-2': 'C' },
      owners: { 'C-1': 'Alice Chen', 'C-2': '' },
    });
  });

  it('gives an empty owner map to a state saved before owners were remembered', () => {
    expect(AppState.parse(lastRescore({ 'C-1': 'B' })).lastRescore?.owners).toEqual({});
  });

  it.each([
    ['a tier that is not A, B or C', lastRescore({ 'C-1': 'D' })],
    ['a tier in lower case', lastRescore({ 'C-1': 'a' })],
    ['tiers saved as a list', lastRescore(['A', 'B'])],
    ['tiers missing', lastRescore(null)],
    ['an owner that is not text', lastRescore({ 'C-1': 'A' }, { 'C-1': 7 })],
  ])('refuses %s, naming what it expected', (_, state) => {
    const result = AppState.safeParse(state);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['lastRescore', expect.stringMatching(/tiers|owners/)]);
    expect(result.error?.issues[0].message).toMatch(/by customer id/);
  });

  it('refuses a map that is not a plain object, whatever its entries', () => {
    const tiers = Object.assign(Object.create({ inherited: 'A' }) as object, { 'C-1': 'A' });
    expect(AppState.safeParse(lastRescore(tiers)).success).toBe(false);
    expect(AppState.safeParse(lastRescore(new Map([['C-1', 'A']]))).success).toBe(false);
  });

  it('loads the same state the same way however often an execution loads it', () => {
    const saved = lastRescore({ 'C-1': 'A', 'C-2': 'B' }, { 'C-1': 'Alice Chen' });
    const store = { load: () => saved, save: () => undefined };
    const first = loadOwnerState(store);
    expect(loadOwnerState(store)).toEqual(first);
    expect(first.lastRescore?.tiers).toEqual({ 'C-1': 'A', 'C-2': 'B' });
    const refused = { load: () => lastRescore({ 'C-1': 'Z' }), save: () => undefined };
    expect(loadOwnerState(refused).lastRescore).toBeNull();
    expect(loadOwnerState(refused).lastRescore).toBeNull();
  });

  it('starts afresh rather than failing when the saved state cannot be read', () => {
    const fresh = loadOwnerState({ load: () => lastRescore({ 'C-1': 'Z' }), save: () => undefined });
    expect(fresh.lastRescore).toBeNull();
    expect(fresh.proposals).toBeNull();
  });
});
