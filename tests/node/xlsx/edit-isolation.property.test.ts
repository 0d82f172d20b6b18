import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankCell, type Cell } from '../../../src/core/table.js';
import { tabEditsOf } from '../../../src/node/book/edits.js';
import { readXlsx, writeXlsx } from '../../../src/node/xlsx/index.js';
import { cellElements, sheetCells, zipParts } from './book-compare.js';
import { writeRichBook } from './rich-book.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-prop-'));
const rich = join(dir, 'rich.xlsx');
writeRichBook(rich);
const DAY = 86_400_000;

// Cells in and around the rich book's used range, away from the shared formula's first
// cell (C5), which a save refuses to overwrite on purpose.
const ref = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 9 })).filter(([row, column]) => !(row === 5 && column === 2));
const value: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.boolean(),
  fc.integer({ min: 1, max: 2_900_000 }).map((days) => new Date(Date.UTC(1900, 2, 1) + days * DAY)),
  fc.constant(null),
);

// The reader ends a table at its last row with something in it; a row of blanks or spaces
// written below the data is in the file but is not read back as a row (the documented rule).
function dropTrailingBlankRows(cells: Map<string, Cell>): void {
  let last = 0;
  for (const [key, cell] of cells) if (!isBlankCell(cell)) last = Math.max(last, Number(key.split(':')[0]));
  for (const key of [...cells.keys()]) if (Number(key.split(':')[0]) > last) cells.delete(key);
}

describe('writeXlsx edits', () => {
  it('never change a cell outside the edit set, and edited cells read back as written', async () => {
    const original = sheetCells((await readXlsx(rich, ['Customers'])).tables.get('Customers')!);
    const originalXml = cellElements(zipParts(rich).get('xl/worksheets/sheet1.xml')!.content.toString());
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(ref, value), { selector: ([[row, column]]) => `${row}:${column}`, maxLength: 15 }), async (list) => {
        const rows = tabEditsOf(list.map(([[row, column], cell]) => [row, column, cell] as const));
        const out = join(dir, `out-${++run}.xlsx`);
        await writeXlsx(rich, out, { cells: new Map([['Customers', rows]]), ownTabs: new Map() });
        const expected = new Map(original);
        for (const [[row, column], cell] of list) {
          if (cell === null || (typeof cell === 'string' && cell === '')) expected.delete(`${row}:${column}`);
          else expected.set(`${row}:${column}`, cell);
        }
        dropTrailingBlankRows(expected);
        const table = (await readXlsx(out, ['Customers'])).tables.get('Customers');
        const after = table ? sheetCells(table) : new Map<string, Cell>();
        for (const [key, cell] of after) if (cell === '') after.delete(key);
        expect(after).toEqual(expected);
        const afterXml = cellElements(zipParts(out).get('xl/worksheets/sheet1.xml')!.content.toString());
        const edited = new Set(list.map(([[row, column]]) => `${String.fromCharCode(65 + column)}${row}`));
        for (const [cellRef, element] of originalXml) if (!edited.has(cellRef)) expect(afterXml.get(cellRef)).toBe(element);
      }),
      { numRuns: 60 },
    );
  });
});
