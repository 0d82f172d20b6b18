import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { tabEditsOf, type TabEdits } from '../../../src/node/book/edits.js';
import type { CsvFormat } from '../../../src/node/csv/format.js';
import { rewriteCsvText } from '../../../src/node/csv/rewrite.js';
import { cellText } from '../../../src/node/csv/serialize.js';
import { parseCsv } from '../../../src/node/csv/tokenize.js';
import { fieldText } from './arbitraries.js';

const format: CsvFormat = { encoding: 'utf-8', delimiter: ',', newline: '\r\n' };

function editsOf(cells: [number, number, Cell][]): TabEdits {
  return tabEditsOf(cells);
}

describe('rewriteCsvText', () => {
  it('copies unedited records with their own line breaks, even where they are mixed', () => {
    expect(rewriteCsvText('A,B\r\n1,2\n3,4\r\n', format, editsOf([[3, 1, 'x']]))).toBe('A,B\r\n1,2\n3,x\r\n');
  });

  it('keeps the text of untouched fields around an edited one', () => {
    expect(rewriteCsvText('"A",B,"C, D"\n"x",1.0,"y"\n', format, editsOf([[2, 1, 'new']]))).toBe('"A",B,"C, D"\n"x",new,"y"\n');
  });

  it('keeps a record emptied by an edit between a bare CR and an LF as a record of its own', () => {
    const text = 'H1,H2\n\ra\n';
    const after = parseCsv(rewriteCsvText(text, format, editsOf([[3, 0, null]])), ',');
    expect(after).toHaveLength(3);
  });

  it('refuses rows and columns outside the sheet', () => {
    expect(() => rewriteCsvText('A\n', format, editsOf([[0, 0, 'x']]))).toThrow(RangeError);
    expect(() => rewriteCsvText('A\n', format, editsOf([[1, -1, 'x']]))).toThrow(RangeError);
  });

  const messyText = fc
    .array(fc.constantFrom('a', '1', ' ', ',', '"', '""', '\n', '\r\n', '\r', '客'), { maxLength: 40 })
    .map((parts) => `H1,H2\n${parts.join('')}`);
  const cell: fc.Arbitrary<Cell> = fc.oneof(fieldText, fc.integer(), fc.constant(null));

  it('changes only the edited values of any text, however it is quoted (fuzz)', () => {
    fc.assert(
      fc.property(messyText, fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), cell), { maxLength: 6 }), (text, cells) => {
        const before = parseCsv(text, ',');
        const after = parseCsv(rewriteCsvText(text, format, editsOf(cells)), ',');
        const expected = new Map(cells.map(([row, column, value]) => [`${row}:${column}`, cellText(value)]));
        expect(after.length).toBe(Math.max(before.length, ...cells.map(([row]) => row)));
        after.forEach((fields, index) => {
          for (let column = 0; column < Math.max(fields.length, before[index]?.length ?? 0); column += 1) {
            expect(fields[column] ?? '').toBe(expected.get(`${index + 1}:${column}`) ?? before[index]?.[column] ?? '');
          }
        });
      }),
      { numRuns: 3000 },
    );
  });
});
