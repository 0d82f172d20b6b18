import { describe, expect, it } from 'vitest';
import { claimCustomer, type ClaimInput } from '../../../src/core/pool/claim.js';
import { PoolState } from '../../../src/core/pool/state.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import { AS_OF, assignSettings, customer, rep } from '../assign/book.js';

const base: ClaimInput = {
  customerId: 'C1',
  rep: 'ann',
  customers: [customer('C1'), customer('C2'), customer('C3', { owner: 'Bob' }), customer('C4', { tier: 'A' })],
  reps: [rep('Ann', { capacity: 3, aCap: 0 }), rep('Bob')],
  asOfDay: AS_OF,
  settings: { assign: assignSettings(), pool: { ...defaultSettings.pool, claimLimitPerDay: 1 } },
  state: PoolState.parse({}),
};

describe('claimCustomer', () => {
  it('gives a pool customer to the rep and counts the claim for the day', () => {
    const result = claimCustomer(base);
    expect(result).toEqual({
      ok: true,
      changes: [{ customerId: 'C1', row: 0, from: '', to: 'Ann' }],
      state: { cooldowns: [], staleFlags: [], claims: [{ customerId: 'C1', repName: 'Ann', day: AS_OF }] },
    });
  });

  it('refuses a second claim on the same day past the limit, and allows it the next day', () => {
    const first = claimCustomer(base);
    if (!first.ok) throw new Error(first.reason);
    expect(claimCustomer({ ...base, customerId: 'C2', state: first.state })).toEqual({ ok: false, reason: 'Ann has already claimed 1 customers today, the daily limit' });
    expect(claimCustomer({ ...base, customerId: 'C2', state: first.state, asOfDay: AS_OF + 1 }).ok).toBe(true);
  });

  it('refuses with a sentence for each rule a claim can break', () => {
    const refusal = (input: Partial<ClaimInput>) => {
      const result = claimCustomer({ ...base, ...input });
      return result.ok ? 'accepted' : result.reason;
    };
    expect(refusal({ customerId: 'C3' })).toBe('C3 is not in the pool: Bob owns it');
    expect(refusal({ customerId: 'C4' })).toBe('Ann already holds 0 A-tier customers, the A cap');
    expect(refusal({ customerId: 'C9' })).toBe('There is no customer C9');
    expect(refusal({ rep: 'Zed' })).toBe("'Zed' is not in the Reps tab");
    expect(refusal({ rep: '  Zed ' })).toBe("'Zed' is not in the Reps tab");
    expect(refusal({ customers: [...base.customers, customer('H1', { owner: 'Ann' }), customer('H2', { owner: 'Ann' }), customer('H3', { owner: 'Ann' })] })).toBe(
      'Ann already holds 3 customers, the holding limit',
    );
    expect(refusal({ state: PoolState.parse({ cooldowns: [{ customerId: 'C1', repName: 'ann@example.com', untilDay: AS_OF + 2 }] }) })).toBe(
      'Cooldown: C1 was recycled from Ann, who may take it back from 2026-12-03',
    );
    expect(refusal({ reps: [rep('Ann', { startDay: AS_OF - 5 })], customerId: 'C4', settings: { ...base.settings, assign: assignSettings({ growth: { days: 90, tiers: ['B', 'C'] } }) } })).toBe(
      'Growth rule: Ann started less than 90 days ago and may hold only tier B, C customers',
    );
  });
});

describe('claimCustomer and the same company', () => {
  const groupBase: ClaimInput = {
    ...base,
    customers: [customer('C1'), customer('C2'), customer('C3', { owner: 'Bob' }), customer('C5')],
    settings: { ...base.settings, pool: { ...base.settings.pool, claimLimitPerDay: 5 } },
    duplicateGroups: [['C1', 'C3', 'C5']],
  };

  it("takes the company's other pool customers along, never one held by another rep", () => {
    const result = claimCustomer(groupBase);
    if (!result.ok) throw new Error(result.reason);
    expect(result.changes.map((c) => c.customerId)).toEqual(['C1', 'C5']);
    expect(result.state.claims.map((c) => c.customerId)).toEqual(['C1', 'C5']);
  });

  it('counts every customer of the company against the daily limit and the holding limit', () => {
    const tight = { ...groupBase, settings: { ...groupBase.settings, pool: { ...groupBase.settings.pool, claimLimitPerDay: 1 } } };
    expect(claimCustomer(tight)).toEqual({ ok: false, reason: "C1 comes with 1 more customers of the same company, and 2 claims would pass Ann's daily limit of 1 (0 made today)" });
    const full = { ...groupBase, reps: [rep('Ann', { capacity: 1 }), rep('Bob')] };
    expect(claimCustomer(full)).toEqual({ ok: false, reason: 'Ann holds 0 customers; with the 2 of this company that passes the holding limit of 1' });
  });
});

describe('claimCustomer: the other refusals and what a claim saves', () => {
  const refusal = (input: Partial<ClaimInput>) => {
    const result = claimCustomer({ ...base, ...input });
    return result.ok ? 'accepted' : result.reason;
  };

  it('refuses an inactive rep, a rep away that day, and a rep outside a required region or industry', () => {
    expect(refusal({ reps: [rep('Ann', { active: false })] })).toBe('Ann is inactive');
    // Inactive comes first, whatever else is wrong with the claim.
    expect(refusal({ reps: [rep('Ann', { active: false }), rep('Bob')], customerId: 'C3' })).toBe('Ann is inactive');
    expect(refusal({ reps: [rep('Ann', { awayFrom: AS_OF - 1, awayTo: AS_OF + 1 })] })).toBe('Ann is away and takes no new customers');
    const strict = { ...base.settings, assign: assignSettings({ requireRegion: true, requireIndustry: true }) };
    expect(refusal({ settings: strict, customers: [customer('C1', { region: 'North' })] })).toBe('Ann does not cover region North, which settings require');
    expect(refusal({ settings: strict, customers: [customer('C1', { region: ' ' })] })).toBe('Ann does not cover region (blank), which settings require');
    expect(refusal({ settings: strict, customers: [customer('C1', { industry: 'Mining' })] })).toBe('Ann does not cover industry Mining, which settings require');
    expect(refusal({ settings: strict, customers: [customer('C1', { industry: ' Mining  ' })] })).toBe('Ann does not cover industry Mining, which settings require');
    expect(refusal({ settings: strict, customers: [customer('C1', { industry: '' })] })).toBe('Ann does not cover industry (blank), which settings require');
  });

  it('refuses every claim when the daily claim limit is 0', () => {
    expect(refusal({ settings: { ...base.settings, pool: { ...base.settings.pool, claimLimitPerDay: 0 } } })).toBe('Claiming is switched off (the daily claim limit is 0)');
  });

  it("counts a rep's own claims of the day, not other reps' or other days'", () => {
    const claims = [
      { customerId: 'C7', repName: 'Ann', day: AS_OF },
      { customerId: 'C8', repName: 'Bob', day: AS_OF },
      { customerId: 'C9', repName: 'Ann', day: AS_OF - 1 },
    ];
    const two = { ...base.settings, pool: { ...base.settings.pool, claimLimitPerDay: 2 } };
    const result = claimCustomer({ ...base, settings: two, state: PoolState.parse({ claims }) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.state.claims).toEqual([claims[0], claims[1], { customerId: 'C1', repName: 'Ann', day: AS_OF }]);
    expect(refusal({ settings: two, state: PoolState.parse({ claims: [claims[0], { ...claims[0], customerId: 'C6' }] }) })).toBe('Ann has already claimed 2 customers today, the daily limit');
  });

  it('lifts the stale flag of a claimed customer and keeps the others', () => {
    const staleFlags = [{ customerId: 'C1', firstStaleDay: AS_OF - 3 }, { customerId: 'C2', firstStaleDay: AS_OF - 3 }];
    const result = claimCustomer({ ...base, state: PoolState.parse({ staleFlags }) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.state.staleFlags).toEqual([staleFlags[1]]);
  });

  it('lets a rep claim up to its caps exactly, and refuses one past them', () => {
    const held = [customer('H1', { owner: 'Ann' }), customer('H2', { owner: 'Ann', tier: 'A' })];
    expect(refusal({ customers: [...base.customers, ...held] })).toBe('accepted');
    expect(refusal({ customers: [...base.customers, ...held], reps: [rep('Ann', { capacity: 2 })] })).toBe('Ann already holds 2 customers, the holding limit');
    expect(refusal({ customerId: 'C4', customers: [...base.customers, ...held], reps: [rep('Ann', { aCap: 2 })] })).toBe('accepted');
    expect(refusal({ customerId: 'C4', customers: [...base.customers, ...held], reps: [rep('Ann', { aCap: 1 })] })).toBe('Ann already holds 1 A-tier customers, the A cap');
    expect(refusal({ customers: [...base.customers, ...held], reps: [rep('Ann', { aCap: 0 })] })).toBe('accepted');
  });

  it('counts only A-tier customers against the A cap, and sets no A cap when the Reps tab gives none', () => {
    const heldB = [customer('H1', { owner: 'Ann' }), customer('H2', { owner: 'Ann', tier: 'C' })];
    expect(refusal({ customerId: 'C4', customers: [...base.customers, ...heldB], reps: [rep('Ann', { aCap: 1 })] })).toBe('accepted');
    expect(refusal({ customerId: 'C4', reps: [rep('Ann', { aCap: null })] })).toBe('accepted');
  });

  it('refuses a company whose A-tier customers would pass the A cap together', () => {
    const company = { ...base, customers: [customer('C1', { tier: 'A' }), customer('C2', { tier: 'A' })], duplicateGroups: [['C1', 'C2']], reps: [rep('Ann', { aCap: 1 })] };
    const limit = { ...base.settings, pool: { ...base.settings.pool, claimLimitPerDay: 5 } };
    expect(claimCustomer({ ...company, settings: limit })).toEqual({ ok: false, reason: 'Ann holds 0 A-tier customers; with the 2 of this company that passes the A cap of 1' });
  });

  it('refuses a company when the cooldown blocks any of its customers, naming that customer', () => {
    const limit = { ...base.settings, pool: { ...base.settings.pool, claimLimitPerDay: 5 } };
    const state = PoolState.parse({ cooldowns: [{ customerId: 'C2', repName: 'Ann', untilDay: AS_OF + 1 }] });
    expect(claimCustomer({ ...base, settings: limit, duplicateGroups: [['C1', 'C2']], state })).toEqual({
      ok: false,
      reason: 'Cooldown: C2 was recycled from Ann, who may take it back from 2026-12-02',
    });
  });

  it('writes the owner the rep replaces, trimmed, when the old owner is no longer a rep', () => {
    const result = claimCustomer({ ...base, customers: [customer('C1', { owner: ' Zoe ', row: 7 })] });
    expect(result).toMatchObject({ ok: true, changes: [{ customerId: 'C1', row: 7, from: 'Zoe', to: 'Ann' }] });
  });
});
