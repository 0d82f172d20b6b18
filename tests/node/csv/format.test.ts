import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectNewline } from '../../../src/node/csv/format.js';

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
