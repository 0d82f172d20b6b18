import { describe, expect, it } from 'vitest';
import { AS_OF, customer, proposeFor, reasons, rep } from './book.js';

// TW Reason as a manager reads it: why the customer was up for an owner, and either why
// this rep or what kept it from every rep.
describe('the reason a customer could not be placed', () => {
  it('says there is no active rep when the Reps tab has none, or only inactive ones', () => {
    expect(reasons(proposeFor([customer('1')], []))).toEqual([['1', null, 'No owner; not placed: no active rep']]);
    expect(reasons(proposeFor([customer('1')], [rep('Gone', { active: false })]))).toEqual([['1', null, 'No owner; not placed: no active rep']]);
  });

  it('names the region or industry no active rep covers, as the customer row spells it', () => {
    const reps = [rep('Ann', { regions: ['East'], industries: ['Retail'] })];
    const required = { requireRegion: true, requireIndustry: true };
    expect(reasons(proposeFor([customer('1', { region: ' West ' })], reps, required))).toEqual([['1', null, 'No owner; not placed: no active rep in region West']]);
    expect(reasons(proposeFor([customer('1', { industry: ' Tech ' })], reps, required))).toEqual([['1', null, 'No owner; not placed: no active rep in industry Tech']]);
  });

  it('says the region or industry is missing when settings require one and the row has none', () => {
    const reps = [rep('Ann')];
    expect(reasons(proposeFor([customer('1', { region: ' ' })], reps, { requireRegion: true }))).toEqual([
      ['1', null, 'No owner; not placed: no region given, and settings require a rep of the customer’s region'],
    ]);
    expect(reasons(proposeFor([customer('1', { industry: '' })], reps, { requireIndustry: true }))).toEqual([
      ['1', null, 'No owner; not placed: no industry given, and settings require a rep of the customer’s industry'],
    ]);
  });

  it('names the check that got furthest, so it points at what would have to change', () => {
    const settings = { requireRegion: true, growth: { days: 90, tiers: ['B' as const, 'C' as const] } };
    const gone = rep('Gone', { active: false });
    const west = rep('West', { regions: ['West'] });
    const away = rep('Away', { awayFrom: AS_OF, awayTo: AS_OF + 7 });
    const fresh = rep('New', { startDay: AS_OF - 30 });
    const a = [customer('1', { tier: 'A' })];
    expect(reasons(proposeFor(a, [gone, west], settings))[0][2]).toBe('No owner; not placed: no active rep in region East');
    expect(reasons(proposeFor(a, [west, gone, away], settings))[0][2]).toBe('No owner; not placed: every rep who could take it is away');
    expect(reasons(proposeFor(a, [away, fresh, west], settings))[0][2]).toBe(
      'No owner; not placed: growth rule: the reps who could take it started less than 90 days ago and may hold only tier B, C customers',
    );
  });

  it('says which rep the customer was recycled from and the day that rep may take it back', () => {
    const cooldowns = [{ customerId: '1', repName: 'ann@example.com', untilDay: AS_OF + 3 }];
    expect(reasons(proposeFor([customer('1')], [rep('Ann')], {}, { cooldowns }))).toEqual([['1', null, 'No owner; not placed: cooldown: recycled from Ann, who may take it back from 2026-12-04']]);
  });

  it('tells an A-tier cap from a full book', () => {
    const full = [rep('Ann', { capacity: 0 })];
    const aFull = [rep('Ann', { capacity: 1, aCap: 0 })];
    expect(reasons(proposeFor([customer('1', { tier: 'A' })], full))[0][2]).toBe('No owner; not placed: all eligible reps at capacity');
    expect(reasons(proposeFor([customer('1', { tier: 'A' })], aFull))[0][2]).toBe('No owner; not placed: all eligible reps at their A-tier cap');
    expect(reasons(proposeFor([customer('1', { tier: 'B' })], aFull))[0][1]).toBe('Ann');
  });

  it('names the region of a company that no active rep covers, not its first row\'s, or says no one rep covers them all', () => {
    const group = { duplicateGroups: [['1', '2']] };
    const eastAndWest = [customer('1', { region: 'East' }), customer('2', { region: 'West' })];
    const eastOnly = [rep('Ann', { regions: ['East'] })];
    expect(reasons(proposeFor(eastAndWest, eastOnly, { requireRegion: true }, group))[0][2]).toBe('No owner; not placed: no active rep in region West');
    const oneEachSide = [rep('Ann', { regions: ['East'] }), rep('Bob', { regions: ['West'] })];
    expect(reasons(proposeFor(eastAndWest, oneEachSide, { requireRegion: true }, group))[0][2]).toBe(
      'No owner; not placed: no active rep covers every region of this company (East, West)',
    );
    const retailAndTech = [customer('1', { industry: 'Retail' }), customer('2', { industry: 'Tech' })];
    expect(reasons(proposeFor(retailAndTech, [rep('Ann', { industries: ['Retail'] })], { requireIndustry: true }, group))[0][2]).toBe(
      'No owner; not placed: no active rep in industry Tech',
    );
  });

  it('names the region or industry of the row of a company that has one, not a blank one', () => {
    const group = { duplicateGroups: [['1', '2']] };
    const blankFirst = (field: 'region' | 'industry') => [customer('1', { [field]: ' ' }), customer('2', { [field]: 'Far' })];
    expect(reasons(proposeFor(blankFirst('region'), [rep('Ann')], { requireRegion: true }, group))[0][2]).toBe('No owner; not placed: no active rep in region Far');
    expect(reasons(proposeFor(blankFirst('industry'), [rep('Ann')], { requireIndustry: true }, group))[0][2]).toBe('No owner; not placed: no active rep in industry Far');
  });

  it('says when no rep has room for a whole company, and names what keeps a company from a rep', () => {
    const group = { duplicateGroups: [['1', '2', '3']] };
    const three = [customer('1'), customer('2'), customer('3')];
    expect(reasons(proposeFor(three, [rep('Ann', { capacity: 2 })], {}, group))).toEqual(
      ['1', '2', '3'].map((id) => [id, null, 'No owner; not placed: no eligible rep has room for all 3 customers of this company']),
    );
    const westBranch = [customer('1', { region: '' }), customer('2', { region: 'West' })];
    expect(reasons(proposeFor(westBranch, [rep('Ann')], { requireRegion: true }, { duplicateGroups: [['1', '2']] }))[0][2]).toBe('No owner; not placed: no active rep in region West');
    const cooldowns = [{ customerId: '2', repName: 'Ann', untilDay: AS_OF + 1 }];
    expect(reasons(proposeFor([customer('1'), customer('2')], [rep('Ann')], {}, { cooldowns, duplicateGroups: [['1', '2']] }))[1][2]).toBe(
      'No owner; not placed: cooldown: recycled from Ann, who may take it back from 2026-12-02',
    );
  });
});

describe('the reason a customer is up for a new owner', () => {
  it('says a company held by two reps is split, and one held only in part is held in part', () => {
    const reps = [rep('Ann'), rep('Bob')];
    const split = proposeFor([customer('1', { owner: 'Ann' }), customer('2', { owner: 'Bob' })], reps, {}, { duplicateGroups: [['1', '2']] });
    expect(split.proposals.map((p) => p.reason.split('; ')[0])).toEqual(['The same company is held by Ann and Bob', 'The same company is held by Ann and Bob']);
    const part = proposeFor([customer('1'), customer('2', { owner: 'Bob' })], reps, {}, { duplicateGroups: [['1', '2']] });
    expect(reasons(part)).toEqual([
      ['1', 'Bob', 'The same company is held by Bob only in part; B tier → mid rep; same region (East); same industry (Retail); one owner for the 2 customers of this company'],
      ['2', 'Bob', 'The same company is held by Bob only in part; B tier → mid rep; same region (East); same industry (Retail); keeps current owner; one owner for the 2 customers of this company'],
    ]);
  });

  it('says a new rep may not keep a tier the growth rule keeps from it', () => {
    const reps = [rep('New', { startDay: AS_OF - 30 }), rep('Sen', { level: 'senior' })];
    const result = proposeFor([customer('1', { tier: 'A', owner: 'New' }), customer('2', { owner: 'New' })], reps, { growth: { days: 90, tiers: ['B', 'C'] } });
    expect(reasons(result)).toEqual([['1', 'Sen', 'Owner New is a new rep the growth rule keeps from this tier; A tier → senior rep; same region (East); same industry (Retail)']]);
    expect(result.kept).toBe(1);
  });

  it('says how many A-tier customers a rep over its A cap holds, and gives up the one it fits least', () => {
    const reps = [rep('Ann', { level: 'senior', aCap: 1 }), rep('Bob', { level: 'senior', regions: ['West'] })];
    const customers = [customer('1', { tier: 'A', owner: 'Ann' }), customer('2', { tier: 'A', owner: 'Ann', region: 'West' }), customer('3', { owner: 'Ann' })];
    expect(reasons(proposeFor(customers, reps))).toEqual([
      ['2', 'Bob', 'Owner Ann holds 2 A-tier customers, over the A cap of 1, and fits this one least; A tier → senior rep; same region (West); same industry (Retail)'],
    ]);
  });

  it('claims the same region or industry only when the rep covers it', () => {
    expect(reasons(proposeFor([customer('1', { industry: 'Tech' })], [rep('Ann')]))).toEqual([['1', 'Ann', 'No owner; B tier → mid rep; same region (East)']]);
    expect(reasons(proposeFor([customer('1', { region: 'West' })], [rep('Ann')]))).toEqual([['1', 'Ann', 'No owner; B tier → mid rep; same industry (Retail)']]);
  });

  it('writes a customer of no tier as such, and the region and industry without stray spaces', () => {
    const result = proposeFor([customer('1', { tier: null, region: ' East ', industry: ' Retail ' })], [rep('Ann')]);
    expect(reasons(result)).toEqual([['1', 'Ann', 'No owner; no tier → mid rep; same region (East); same industry (Retail)']]);
  });
});

describe('the proposal a manager reviews', () => {
  it('shows the Owner cell as found, trimmed, and for a customer not placed no change and no fit', () => {
    const result = proposeFor([customer('1', { owner: ' Zed ', row: 7 })], [rep('Ann', { capacity: 0 })]);
    expect(result.proposals).toEqual([
      { customerId: '1', row: 7, currentOwner: 'Zed', proposedOwner: null, change: false, basis: 'unknown-owner', reason: "Owner 'Zed' is not in the Reps tab; not placed: all eligible reps at capacity", fit: null },
    ]);
    expect(result.objective).toBe(0);
  });

  it('says balancing by count in the reason, and moves the rotation on only under round robin', () => {
    const state = { rotation: { credits: { Ann: 2 } } };
    const balanced = proposeFor([customer('1')], [rep('Ann')], { strategy: 'balanced' }, { state });
    expect(balanced.proposals[0].reason).toBe('No owner; lowest load by count among eligible reps; B tier → mid rep; same region (East); same industry (Retail)');
    expect(balanced.state).toEqual(state);
    expect(proposeFor([customer('1')], [rep('Ann')], {}, { state }).state).toEqual(state);
  });
});
