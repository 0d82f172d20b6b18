import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/core/settings/schema.js';

describe('assignment settings', () => {
  it('take each strategy by its name, and each way of balancing', () => {
    for (const strategy of ['match', 'round-robin', 'balanced', 'claim']) expect(parseSettings({ assign: { strategy } }).ok, strategy).toBe(true);
    for (const balanceBy of ['count', 'score']) expect(parseSettings({ assign: { balanceBy } }).ok, balanceBy).toBe(true);
  });

  it('leave value balance off with a 20% tolerance, and new reps on tiers B and C for 90 days, when nothing is set', () => {
    const parsed = parseSettings({});
    expect(parsed.ok && [parsed.settings.assign.valueBalance, parsed.settings.assign.growth]).toEqual([
      { enabled: false, tolerance: 0.2 },
      { days: 90, tiers: ['B', 'C'] },
    ]);
  });

  it('take default caps of 0 or more, and refuse a negative one', () => {
    for (const cap of [0, 25]) expect(parseSettings({ assign: { defaultCapacity: cap, defaultACap: cap } }).ok, String(cap)).toBe(true);
    expect(parseSettings({ assign: { defaultCapacity: -1 } })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^settings\.assign\.defaultCapacity: /)] });
    expect(parseSettings({ assign: { defaultACap: -1 } })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^settings\.assign\.defaultACap: /)] });
  });
});
