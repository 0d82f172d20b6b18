import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvFormat } from '../../../src/node/csv/format.js';
import { decodeCsvBytes } from '../../../src/node/csv/encoding.js';
import { readGuarded } from '../../../src/node/csv/formula-guard.js';
import { cellText, serializeCsv } from '../../../src/node/csv/serialize.js';
import { parseCsv } from '../../../src/node/csv/tokenize.js';
import { csvFormat, fieldText } from './arbitraries.js';

const utf8: CsvFormat = { encoding: 'utf-8', delimiter: ',', newline: '\n' };

describe('cellText', () => {
  it('writes dates as ISO days, numbers as shortest round-trip text and booleans as TRUE/FALSE', () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(null)).toBe('');
  });

  it('refuses an invalid date rather than writing "Invalid Date"', () => {
    expect(() => cellText(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('serializeCsv', () => {
  it('quotes only the fields that need it', () => {
    const bytes = serializeCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 12.5, null]], utf8);
    expect(new TextDecoder().decode(bytes)).toBe('plain,"a,b","say ""hi""","two\nlines",12.5,\n');
  });

  it('writes the format it is given', () => {
    const bytes = serializeCsv([['客户编号', '金额'], ['C1', 3]], { encoding: 'gb18030', delimiter: ';', newline: '\r\n' });
    expect(decodeCsvBytes(bytes)).toEqual({ text: '客户编号;金额\r\nC1;3\r\n', encoding: 'gb18030' });
  });

  it('reads back every field exactly as written, once the formula guard is taken off, in any format (fuzz)', () => {
    const rows = fc.array(fc.array(fieldText, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, csvFormat, (table, format) => {
        const { text, encoding } = decodeCsvBytes(serializeCsv(table, format));
        if (/[^\x00-\x7f]/.test(text)) expect(encoding).toBe(format.encoding);
        expect(parseCsv(text, format.delimiter).map((fields) => fields.map(readGuarded))).toEqual(table);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cellText of dates', () => {
  it('writes the same day as the ISO form for any date (fuzz)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(cellText(date)).toBe(date.toISOString().slice(0, 10));
      }),
    );
  });
});
