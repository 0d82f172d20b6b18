import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packNumbers, unpackNumbers } from '../../src/app/packed-numbers.js';

const bytesOf = (values: Float64Array) => Array.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

describe('a packed column of numbers', () => {
  it('gives back the same doubles bit for bit, NaN, -0 and the infinities included (property)', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 60 }), (values) => {
        const text = packNumbers(values);
        expect(text).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        expect(bytesOf(unpackNumbers(text)!)).toEqual(bytesOf(values));
      }),
    );
  });

  it('reads a column packed from a view into a larger buffer as that view alone', () => {
    const buffer = new Float64Array([1.5, -0, NaN, 7e-310, 2]);
    expect(Array.from(unpackNumbers(packNumbers(buffer.subarray(1, 4)))!)).toEqual([-0, NaN, 7e-310]);
  });

  it('is about 11 characters a number, half what JSON writes for a computed double', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sqrt(i + 2) * 1234.5);
    expect(packNumbers(values).length).toBeLessThan(10_700);
    expect(JSON.stringify(Array.from(values)).length).toBeGreaterThan(18_000);
  });

  it.each([
    ['a length that is not whole groups of four', 'AAAAAAAAAAA'],
    ['bytes that are not whole numbers', 'AAAA'],
    ['a character outside the alphabet', 'AAAAAAAAAA-='],
    ['padding in the middle', 'AA==AAAAAAA='],
    ['text beyond ASCII', 'AAAAAAAAAA€='],
  ])('is refused when the text has %s', (_, text) => {
    expect(unpackNumbers(text)).toBeNull();
  });
});
