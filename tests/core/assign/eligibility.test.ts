import { describe, expect, it } from 'vitest';
import { barrier } from '../../../src/core/assign/eligibility.js';
import { profileOf } from '../../../src/core/assign/fit.js';
import { matchOwner } from '../../../src/core/assign/owner.js';
import { makeRoster } from '../../../src/core/assign/roster.js';
import { AS_OF, assignSettings, rep } from './book.js';

const none = new Map<number, number>();

// Rosters are made inside each test, not when the file is collected, so that a mutation run
// knows which tests reach the roster code (tests/MUTATION.md).
describe('matchOwner', () => {
  const roster = () => makeRoster([rep('Ann Lee', { email: 'ann@acme.com' }), rep('Bob', { active: false })], assignSettings(), AS_OF);

  it('finds a rep by name or e-mail, trimmed and in any case', () => {
    for (const cell of ['Ann Lee', '  ann lee ', 'ANN@ACME.COM']) expect(matchOwner(roster(), cell)).toMatchObject({ kind: 'rep', rep: { rep: { name: 'Ann Lee' } } });
  });

  it('treats a blank cell as no owner, a stranger as unknown and an inactive rep as inactive', () => {
    expect(matchOwner(roster(), '  ')).toEqual({ kind: 'none' });
    expect(matchOwner(roster(), ' Zed ')).toEqual({ kind: 'unknown', text: 'Zed' });
    expect(matchOwner(roster(), 'bob')).toMatchObject({ kind: 'inactive' });
  });
});

describe('eligibility', () => {
  const settings = assignSettings({ requireRegion: true, growth: { days: 90, tiers: ['B', 'C'] } });
  const reps = [
    rep('Away', { awayFrom: AS_OF - 2, awayTo: AS_OF }),
    rep('Back', { awayFrom: AS_OF - 10, awayTo: AS_OF - 1 }),
    rep('New', { startDay: AS_OF - 30 }),
    rep('West', { regions: ['west'] }),
    rep('Gone', { active: false }),
  ];
  /** The roster's reps by name, and an A-tier customer in region EAST that no one holds. */
  const fixture = () => {
    const roster = makeRoster(reps, settings, AS_OF);
    return {
      get: (name: string) => roster.reps.find((r) => r.rep.name === name)!,
      candidate: { ...profileOf({ tier: 'A', region: ' EAST ', industry: '' }), holder: null, cooldownFrom: none },
    };
  };

  it('keeps new customers from a rep away on the as-of day, but lets it keep its own', () => {
    const { get, candidate } = fixture();
    expect(barrier(get('Away'), candidate, settings)).toBe('away');
    expect(barrier(get('Away'), { ...candidate, holder: get('Away') }, settings)).toBeNull();
    expect(barrier(get('Back'), candidate, settings)).toBeNull();
  });

  it('requires the region only when settings say so, comparing regions loosely', () => {
    const { get, candidate } = fixture();
    expect(barrier(get('West'), candidate, settings)).toBe('region');
    expect(barrier(get('West'), candidate, { ...settings, requireRegion: false })).toBeNull();
  });

  it('keeps a new rep to the tiers of the growth rule, and a recycled customer from its last rep', () => {
    const { get, candidate } = fixture();
    expect(barrier(get('New'), candidate, settings)).toBe('growth');
    expect(barrier(get('New'), { ...candidate, tier: 'B' }, settings)).toBeNull();
    const back = get('Back');
    expect(barrier(back, { ...candidate, cooldownFrom: new Map([[back.index, AS_OF + 5]]) }, settings)).toBe('cooldown');
    expect(barrier(get('Gone'), candidate, settings)).toBe('inactive');
  });

  it('nests the A cap inside the holding limit', () => {
    const capped = makeRoster([rep('Ann', { capacity: 5, aCap: 9 }), rep('Bob', { capacity: null, aCap: null })], { ...settings, defaultACap: 3 }, AS_OF);
    expect(capped.reps.map((r) => [r.capacity, r.aCap])).toEqual([
      [5, 5],
      [null, 3],
    ]);
  });
});
