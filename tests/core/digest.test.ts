import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Digest } from '../../src/core/digest.js';

/** What a saved result's seal is made of (src/app/saved-computations.ts): texts, numbers and columns of numbers. */
type Part = { text: string } | { number: number } | { integer: number } | { numbers: number[] };

const part: fc.Arbitrary<Part> = fc.oneof(
  fc.string({ maxLength: 7 }).map((text) => ({ text })),
  fc.double().map((number) => ({ number })),
  fc.integer().map((integer) => ({ integer })),
  fc.array(fc.double(), { maxLength: 4 }).map((numbers) => ({ numbers })),
);

function digestOf(parts: readonly Part[]): string {
  const digest = new Digest();
  for (const p of parts) {
    if ('text' in p) digest.text(p.text);
    else if ('number' in p) digest.number(p.number);
    else if ('integer' in p) digest.integer(p.integer);
    // Part of a larger column, as a packed column is read: only its own values count.
    else digest.numbers(new Float64Array([7, ...p.numbers, 7]).subarray(1, p.numbers.length + 1));
  }
  return digest.hex();
}

describe('Digest', () => {
  it('gives the seals an earlier version saved, so a saved result still reads as current after an upgrade', () => {
    const d = () => new Digest();
    expect({
      nothing: d().hex(),
      a: d().text('a').hex(),
      ab: d().text('ab').hex(),
      abc: d().text('abc').hex(),
      wide: d().text('王伟😀').hex(),
      number: d().number(0.1).hex(),
      integer: d().integer(7).hex(),
      numbers: d().numbers(new Float64Array([1.5, -2, 1e300])).hex(),
    }).toEqual({
      nothing: 'ebb6c228b6399038',
      a: 'd14f3ab93e20951c',
      ab: '0b794ba787f6223c',
      abc: '1053f7cf46a38519',
      wide: 'a093ea91b52a5ce6',
      number: 'f90f646bd99b4469',
      integer: 'bbf57fbf5dd2c25c',
      numbers: 'c5f6b0befaf56a4f',
    });
  });

  it('is 16 hex digits, the same for the same input, and different when any one part changes (property)', () => {
    const changed = fc.tuple(fc.array(part, { minLength: 1, maxLength: 4 }), fc.nat(), part).filter(([parts, i, other]) => differs(parts[i % parts.length], other));
    fc.assert(
      fc.property(changed, ([parts, i, other]) => {
        const digest = digestOf(parts);
        expect(digest).toMatch(/^[0-9a-f]{16}$/);
        expect(digestOf(structuredClone(parts))).toBe(digest);
        expect(digestOf(parts.map((p, j) => (j === i % parts.length ? other : p)))).not.toBe(digest);
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart texts that split the same letters differently', () => {
    expect(digestOf([{ text: 'ab' }, { text: 'c' }])).not.toBe(digestOf([{ text: 'a' }, { text: 'bc' }]));
  });

  it('tells 0.1 + 0.2 from 0.3, and a column from the same values with one more', () => {
    expect(digestOf([{ number: 0.1 + 0.2 }])).not.toBe(digestOf([{ number: 0.3 }]));
    expect(digestOf([{ numbers: [1, 2] }])).not.toBe(digestOf([{ numbers: [1, 2, 0] }]));
  });

  it('reads a column held inside a larger buffer as that column alone', () => {
    const packed = new Float64Array([9, 1, 2, 9]);
    expect(new Digest().numbers(packed.subarray(1, 3)).hex()).toBe(new Digest().numbers(new Float64Array([1, 2])).hex());
  });
});

/** A part of the same kind with another value (0 and -0 are different doubles); a part of another kind may share its words. */
function differs(p: Part, q: Part): boolean {
  const [a, b] = [Object.values(p)[0] as unknown, Object.values(q)[0] as unknown];
  if (Object.keys(p)[0] !== Object.keys(q)[0]) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));
  return !Object.is(a, b);
}
