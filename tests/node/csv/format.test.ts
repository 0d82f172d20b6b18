import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectNewline, FORMAT_CHARS } from '../../../src/node/csv/format.js';

describe('detectDelimiter', () => {
  it('finds commas, semicolons and tabs', () => {
    expect(detectDelimiter('Customer ID,Name\nC1,Acme\n')).toBe(',');
    expect(detectDelimiter('Customer ID;Name\nC1;Acme\n')).toBe(';');
    expect(detectDelimiter('Customer ID\tName\nC1\tAcme\n')).toBe('\t');
  });

  it('prefers the delimiter that splits every line alike over one that appears inside values', () => {
    expect(detectDelimiter('Name;Amount\nA;1,5\nB;2\nC;3,25\n')).toBe(';');
    expect(detectDelimiter('Name,Regions\nBob,North;South;East\nAnn,West\n')).toBe(',');
  });

  it('ignores delimiters inside quoted fields', () => {
    expect(detectDelimiter('Name;Note\n"A, B, C";x\n"D, E";y\n')).toBe(';');
  });

  it('skips blank lines and reads a single column as comma separated', () => {
    expect(detectDelimiter('\n\nA\tB\n\nc\td\n')).toBe('\t');
    expect(detectDelimiter('Customer ID\nC1\nC2\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('detectNewline', () => {
  it('reads the line break after the first record, outside quotes', () => {
    expect(detectNewline('a,b\r\nc,d\r\n', ',')).toBe('\r\n');
    expect(detectNewline('a,b\nc,d\n', ',')).toBe('\n');
    expect(detectNewline('"x\ny",b\r\nc,d\r\n', ',')).toBe('\r\n');
  });

  it('uses CRLF when the text has no line break', () => {
    expect(detectNewline('a,b', ',')).toBe('\r\n');
  });
});

describe('FORMAT_CHARS', () => {
  const fragment = fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', '\r\n');
  const around = (target: number) => fc.integer({ min: target - 12, max: target + 4 });
  // Long texts cut near the sample's end: a first record that long, or many short records.
  const text = fc.oneof(
    fc.tuple(around(FORMAT_CHARS), fc.array(fragment, { maxLength: 12 })).map(([length, tail]) => `A,${'a'.repeat(length)}${tail.join('')}`),
    fc.tuple(around(FORMAT_CHARS), fc.array(fragment, { maxLength: 12 })).map(([length, tail]) => `A;B\n${'x;y\n'.repeat(length / 4)}${tail.join('')}`),
  );

  it('is as much of a text as detection reads: its start judges as the whole text (property)', () => {
    fc.assert(
      fc.property(text, (whole) => {
        const start = whole.slice(0, FORMAT_CHARS);
        const delimiter = detectDelimiter(whole);
        expect(detectDelimiter(start)).toBe(delimiter);
        expect(detectNewline(start, delimiter)).toBe(detectNewline(whole, delimiter));
      }),
      { numRuns: 200 },
    );
  });
});
