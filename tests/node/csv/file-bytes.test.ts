import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileBytes } from '../../../src/node/csv/file-bytes.js';

describe('FileBytes', () => {
  it('holds the pieces appended, in order, however well or badly their share foretold the size (property)', () => {
    const piece = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.double({ min: 0, max: 1, noNaN: true }))), (pieces) => {
        const file = new FileBytes();
        for (const [bytes, done] of pieces) file.append(bytes, done);
        const expected = Buffer.concat(pieces.map(([bytes]) => (typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes)));
        expect(Buffer.from(file.bytes()).toString('hex')).toBe(expected.toString('hex'));
      }),
    );
  });
});
