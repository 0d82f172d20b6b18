import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentDistance, nearestName } from '../../src/core/nearest-name.js';

const settingKeys = ['version', 'tabs', 'columns', 'parse', 'score', 'tiers', 'rfm', 'clv', 'assign', 'pool', 'managers', 'schedule', 'sheets', 'locale'];
const flags = ['--out', '--in-place', '--settings', '--as-of', '--json', '--help', '--dry-run'];

describe('nearestName', () => {
  it('finds the name meant by a dropped letter, a swap of two letters, an extra letter or a wrong one', () => {
    expect(nearestName('colums', settingKeys)).toBe('columns');
    expect(nearestName('--in-plcae', flags)).toBe('--in-place');
    expect(nearestName('--jsonn', flags)).toBe('--json');
    expect(nearestName('binnig', ['binning', 'segments'])).toBe('binning');
    expect(nearestName('--dry-rum', flags)).toBe('--dry-run');
  });

  it('ignores case', () => {
    expect(nearestName('Columns', settingKeys)).toBe('columns');
    expect(nearestName('LOCALE', settingKeys)).toBe('locale');
  });

  it('suggests nothing for a name too far from every candidate', () => {
    expect(nearestName('weights', settingKeys)).toBeNull();
    expect(nearestName('xyz', settingKeys)).toBeNull();
    expect(nearestName('--verbose', flags)).toBeNull();
    expect(nearestName('anything', [])).toBeNull();
  });

  it('takes the first listed among equally near names', () => {
    expect(nearestName('ab', ['aa', 'bb'])).toBe('aa');
    expect(nearestName('ab', ['bb', 'aa'])).toBe('bb');
  });

  it('property: a suggestion is always one of the candidates, and an exact candidate returns itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 8 }), (name, candidates) => {
        const suggestion = nearestName(name, candidates);
        if (suggestion !== null) expect(candidates).toContain(suggestion);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 8 }), fc.nat(), (candidates, pick) => {
        const exact = candidates[pick % candidates.length];
        // Another candidate may differ only in case; the first case-insensitive equal one is returned.
        const first = candidates.find((c) => c.toLowerCase() === exact.toLowerCase());
        expect(nearestName(exact, candidates)).toBe(first);
      }),
    );
  });
});

describe('alignmentDistance', () => {
  it('counts a swap of two adjacent letters as one edit, and each insertion, deletion or change as one', () => {
    expect(alignmentDistance('plcae', 'place')).toBe(1);
    expect(alignmentDistance('colums', 'columns')).toBe(1);
    expect(alignmentDistance('kitten', 'sitting')).toBe(3);
    expect(alignmentDistance('', 'abc')).toBe(3);
    expect(alignmentDistance('abc', 'abc')).toBe(0);
  });

  it('edits no substring twice (optimal string alignment, not unrestricted Damerau-Levenshtein)', () => {
    // Unrestricted Damerau-Levenshtein gives 2 (ca → ac → abc); OSA may not edit the swapped pair again.
    expect(alignmentDistance('ca', 'abc')).toBe(3);
  });

  it('property: symmetric, zero only for equal strings, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const d = alignmentDistance(a, b);
        expect(alignmentDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
      }),
    );
  });
});
