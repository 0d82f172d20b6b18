import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packGroups, unpackGroups } from '../../src/app/packed-groups.js';
import type { CompanyGroup, DuplicateBasis } from '../../src/core/assign/duplicates.js';

const BASES: readonly DuplicateBasis[] = ['name', 'email', 'domain', 'phone'];
const COUNT = 60_000;

const groups: fc.Arbitrary<CompanyGroup[]> = fc.array(
  fc.record({
    members: fc.array(fc.nat({ max: COUNT - 1 }), { minLength: 2, maxLength: 6 }),
    basis: fc.subarray([...BASES], { minLength: 1 }),
  }),
  { maxLength: 30 },
);

describe('same-company groups packed for the saved state', () => {
  it('read back exactly as they were packed, positions, order and keys (property)', () => {
    fc.assert(
      fc.property(groups, (g) => {
        expect(unpackGroups(packGroups(g), COUNT)).toEqual(g);
      }),
    );
  });

  it('take a few characters a member: 10,000 pairs among 50,000 customers in under 7 each', () => {
    const pairs = Array.from({ length: 10_000 }, (_, i): CompanyGroup => ({ members: [i * 5, i * 5 + 1], basis: ['name'] }));
    expect(packGroups(pairs).length).toBeLessThan(20_000 * 7);
  });

  const damaged: [string, string][] = [
    ['a position past the last customer', 'n:0,1ahs'],
    ['a key that is not a key', 'x:0,1'],
    ['a group of one', 'n:0'],
    ['no keys', ':0,1'],
    ['no colon', 'n0,1'],
    ['a position that is not a number', 'n:0,-1'],
    ['an empty group', 'n:0,1;'],
  ];
  it.each(damaged)('read as none when the text holds %s', (_, text) => {
    expect(unpackGroups(text, COUNT)).toBeNull();
  });
});
