import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { TabEdits, tabEditsOf } from '../../../src/node/book/edits.js';
import { rewriteCsvText } from '../../../src/node/csv/rewrite.js';

type Write = { kind: 'cell'; row: number; column: number; value: Cell } | { kind: 'column'; column: number; firstRow: number; values: Cell[] };

const value: fc.Arbitrary<Cell> = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 }), fc.constant(null));
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), row: fc.integer({ min: 1, max: 8 }), column: fc.integer({ min: 0, max: 4 }), value }),
  fc.record({
    kind: fc.constant('column' as const),
    column: fc.integer({ min: 0, max: 4 }),
    firstRow: fc.integer({ min: 1, max: 4 }),
    values: fc.array(value, { maxLength: 6 }),
  }),
);

/** The cells the writes leave, the last write to a cell winning. */
function expectedCells(writes: readonly Write[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const w of writes) {
    if (w.kind === 'cell') cells.set(`${w.row}:${w.column}`, w.value);
    else w.values.forEach((v, offset) => cells.set(`${w.firstRow + offset}:${w.column}`, v));
  }
  return cells;
}

function applied(writes: readonly Write[]): TabEdits {
  const edits = new TabEdits();
  for (const w of writes) {
    if (w.kind === 'cell') edits.setCell(w.row, w.column, w.value);
    else edits.setColumn(w.column, w.firstRow, w.values);
  }
  return edits;
}

describe('TabEdits', () => {
  it('keeps the last value written to each cell, whether written alone or in a column, and gives them row by row in order', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 10 }), (writes) => {
        const edited = applied(writes).rowWise();
        const expected = expectedCells(writes);
        const cells = new Map<string, Cell>();
        const columns: number[] = [];
        const values: Cell[] = [];
        for (const row of edited.rows) {
          edited.cellsOf(row, columns, values);
          expect(columns.length).toBeGreaterThan(0);
          expect(columns).toEqual([...columns].sort((x, y) => x - y));
          columns.forEach((column, i) => cells.set(`${row}:${column}`, values[i]));
        }
        expect(edited.rows).toEqual([...new Set([...expected.keys()].map((key) => Number(key.split(':')[0])))].sort((x, y) => x - y));
        expect(cells).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('rewrites a CSV file the same whether cells came in columns or one by one', () => {
    const format = { encoding: 'utf-8', delimiter: ',', newline: '\n' } as const;
    const text = 'A,B,C\n1,"x, y",3\n\n4,5\n6,7,8\n';
    fc.assert(
      fc.property(fc.array(write, { maxLength: 8 }), (writes) => {
        const single = tabEditsOf([...expectedCells(writes)].map(([key, v]) => [...(key.split(':').map(Number) as [number, number]), v] as const));
        expect(rewriteCsvText(text, format, applied(writes))).toBe(rewriteCsvText(text, format, single));
      }),
      { numRuns: 2000 },
    );
  });

  it('is empty until a cell is written', () => {
    const edits = new TabEdits();
    edits.setColumn(3, 2, []);
    expect(edits.isEmpty).toBe(true);
    edits.setCell(1, 3, 'TW Score');
    expect(edits.isEmpty).toBe(false);
  });

  it('gives a written column its own copy, so later changes to the caller\'s array are not saved', () => {
    const values: Cell[] = ['A', 'B'];
    const edits = new TabEdits();
    edits.setColumn(0, 2, values);
    values[0] = 'changed';
    const columns: number[] = [];
    const row: Cell[] = [];
    edits.rowWise().cellsOf(2, columns, row);
    expect(row).toEqual(['A']);
  });
});
