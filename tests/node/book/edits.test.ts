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
  it('keeps the last value written to each cell, whether written alone or in a column', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 10 }), (writes) => {
        const byRow = applied(writes).byRow();
        const cells = new Map<string, Cell>();
        for (const [row, columns] of byRow) for (const [column, v] of columns) cells.set(`${row}:${column}`, v);
        expect(cells).toEqual(expectedCells(writes));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every edited row in order, with its cells in column order, row by row as by Map', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 10 }), (writes) => {
        const edits = applied(writes);
        const byRow = edits.byRow();
        const rowWise = edits.rowWise();
        expect(rowWise.rows).toEqual([...byRow.keys()].sort((a, b) => a - b));
        const columns: number[] = [];
        const values: Cell[] = [];
        for (const row of rowWise.rows) {
          rowWise.cellsOf(row, columns, values);
          expect(columns).toEqual([...(byRow.get(row)?.keys() ?? [])].sort((a, b) => a - b));
          expect(new Map(columns.map((column, i) => [column, values[i]]))).toEqual(byRow.get(row));
        }
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
    expect(edits.byRow().get(2)?.get(0)).toBe('A');
  });
});
