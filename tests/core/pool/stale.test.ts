import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/parse/days.js';
import { staleReasons, staleWarning } from '../../../src/core/pool/stale.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';

// Defaults: stale after 30 (A), 45 (B), 60 (C) days without activity, 180 without a won deal.
const settings = defaultSettings.pool;
const D = dayNumber(2026, 12, 1);
const facts = { tier: 'B' as const, lastActivityDay: null, lastWonDealDay: null, previousTier: null };

describe('staleReasons', () => {
  it("turns a customer stale on the day its tier's inactivity limit is reached, not the day before", () => {
    expect(staleReasons({ ...facts, lastActivityDay: D - 44 }, settings, D)).toEqual([]);
    expect(staleReasons({ ...facts, lastActivityDay: D - 45 }, settings, D)).toEqual(['no activity for 45 days']);
    expect(staleReasons({ ...facts, tier: 'A', lastActivityDay: D - 30 }, settings, D)).toEqual(['no activity for 30 days']);
    expect(staleReasons({ ...facts, tier: 'C', lastActivityDay: D - 59 }, settings, D)).toEqual([]);
  });

  it('turns a customer stale on the day the no-won-deal limit is reached, not the day before', () => {
    expect(staleReasons({ ...facts, lastWonDealDay: D - 179 }, settings, D)).toEqual([]);
    expect(staleReasons({ ...facts, lastWonDealDay: D - 180 }, settings, D)).toEqual(['no won deal for 180 days']);
  });

  it('gives every reason that applies, activity first', () => {
    const all = staleReasons({ tier: 'C', lastActivityDay: D - 100, lastWonDealDay: D - 400, previousTier: 'A' }, { ...settings, recycleOnTierDrop: true }, D);
    expect(all).toEqual(['no activity for 100 days', 'no won deal for 400 days', 'tier dropped from A to C']);
  });

  it('counts only a drop to a lower tier, and only when switched on', () => {
    const on = { ...settings, recycleOnTierDrop: true };
    expect(staleReasons({ ...facts, tier: 'B', previousTier: 'A' }, on, D)).toEqual(['tier dropped from A to B']);
    expect(staleReasons({ ...facts, tier: 'B', previousTier: 'B' }, on, D)).toEqual([]);
    expect(staleReasons({ ...facts, tier: 'A', previousTier: 'C' }, on, D)).toEqual([]);
    expect(staleReasons({ ...facts, tier: 'C', previousTier: 'A' }, settings, D)).toEqual([]);
  });
});

describe('staleWarning', () => {
  it('names the recycling day while it is ahead, and the next run once it has come', () => {
    expect(staleWarning(['no activity for 50 days'], D + 1, D)).toBe('no activity for 50 days; recycles on 2026-12-02 unless contacted');
    expect(staleWarning(['no activity for 50 days'], D, D)).toBe('no activity for 50 days; recycles at the next run unless contacted');
    expect(staleWarning(['no won deal for 200 days'], D - 3, D, 5)).toBe('no won deal for 200 days; recycles at the next run unless contacted (limit of 5 per run reached)');
  });
});
