import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnCells, columnTable } from '../../src/core/column-cells.js';
import type { Cell } from '../../src/core/table.js';

/**
 * The by-column store the .xlsx and CSV readers fill must read back as the plain rows a
 * reader of rows would have built from the same writes: the last write to a place wins,
 * a null or a missing listed text leaves the place as it was, and a row is as wide as the
 * header or as its last cell.
 */

const LISTED = ['Customer ID', 'won', ''];

type Write =
  | { row: number; column: number; kind: 'put'; cell: Cell }
  | { row: number; column: number; kind: 'listed'; index: number };

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double({ noNaN: true }),
  fc.boolean(),
  // A few times only, so equal dates recur; NaN is an invalid date.
  fc.constantFrom(0, 86_400_000, 1_700_000_000_000, Number.NaN).map((time) => new Date(time)),
  fc.constantFrom('C1', '', ' ', '=1+1'),
  fc.constant(null),
);

const write = (rows: number, columns: number): fc.Arbitrary<Write> =>
  fc.record({ row: fc.nat(rows - 1), column: fc.nat(columns - 1) }).chain(({ row, column }) =>
    fc.oneof(
      cell.map((c) => ({ row, column, kind: 'put' as const, cell: c })),
      // Index 3 is past the list: the shell named a text it does not have.
      fc.nat(LISTED.length).map((index) => ({ row, column, kind: 'listed' as const, index })),
    ),
  );

/** What a reader of rows builds from the same writes: rows `minWidth` wide, longer up to their last cell. */
function modelRows(minWidth: number, rowCount: number, writes: readonly Write[]): Cell[][] {
  const rows = Array.from({ length: rowCount }, () => new Array<Cell>(minWidth).fill(null));
  for (const w of writes) {
    const value = w.kind === 'put' ? w.cell : (LISTED[w.index] ?? null);
    if (value === null || w.row >= rowCount) continue;
    const row = rows[w.row];
    while (row.length <= w.column) row.push(null);
    row[w.column] = value;
  }
  return rows;
}

function fill(cells: ColumnCells, writes: readonly Write[]): void {
  for (const w of writes) {
    if (w.kind === 'put') cells.put(w.row, w.column, w.cell);
    else cells.listedText(w.row, w.column, w.index);
  }
}

describe('ColumnCells', () => {
  it('reads back every cell, width and row a reader of rows would build from the same writes, however far it grew (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ minWidth: fc.nat(4), capacity: fc.integer({ min: 0, max: 3 }), rows: fc.integer({ min: 1, max: 12 }) }).chain((shape) =>
          fc.record({
            shape: fc.constant(shape),
            // Columns up to three past the header's width, so some rows are wider than it.
            writes: fc.array(write(shape.rows, shape.minWidth + 3), { maxLength: 40 }),
            rowCount: fc.nat(shape.rows),
          }),
        ),
        ({ shape, writes, rowCount }) => {
          const cells = new ColumnCells(shape.minWidth, LISTED, shape.capacity);
          fill(cells, writes);
          cells.end(rowCount);
          const rows = modelRows(shape.minWidth, rowCount, writes);
          expect(cells.rowCount).toBe(rowCount);
          rows.forEach((row, r) => {
            expect(cells.width(r)).toBe(row.length);
            // One past the row: null, as past the end of a row array.
            for (let c = 0; c <= row.length; c++) expect(cells.cell(r, c)).toEqual(row[c] ?? null);
          });
          const header = Array.from({ length: shape.minWidth }, (_, c) => `H${c}`);
          expect(columnTable('Deals', header, 1, cells).rows).toEqual(rows);
        },
      ),
      // Each run is a whole book of writes: fifty keep the test quick and still meet every kind of cell.
      { numRuns: 50 },
    );
  });

  it('keeps a row past the first capacity, and every row before it, once the columns have grown', () => {
    const cells = new ColumnCells(2, [], 2);
    cells.number(0, 0, 1);
    cells.text(1, 1, 'b');
    cells.boolean(9, 0, true);
    cells.end(10);
    expect([cells.cell(0, 0), cells.cell(1, 1), cells.cell(9, 0), cells.cell(9, 1)]).toEqual([1, 'b', true, null]);
    // A row never written reads as blank, before and past the rows it holds.
    expect([cells.cell(5, 0), cells.cell(40, 0)]).toEqual([null, null]);
  });

  it('takes a capacity below one as one', () => {
    const cells = new ColumnCells(1, [], 0);
    cells.number(3, 0, 7);
    expect(cells.cell(3, 0)).toBe(7);
  });

  it('reads false and true as written, and a later write to the same place wins', () => {
    const cells = new ColumnCells(2, LISTED, 4);
    cells.boolean(0, 0, false);
    cells.boolean(0, 1, true);
    cells.number(1, 0, 5);
    cells.listedText(1, 0, 1);
    cells.put(1, 0, null);
    expect([cells.cell(0, 0), cells.cell(0, 1), cells.cell(1, 0)]).toEqual([false, true, 'won']);
  });

  it('gives equal date cells as one Date object, in the header columns and past them, as Apps Script does per day', () => {
    const cells = new ColumnCells(1, [], 2);
    const time = Date.UTC(2024, 2, 5);
    cells.date(0, 0, time);
    cells.put(1, 0, new Date(time));
    cells.date(2, 3, time);
    cells.date(3, 0, Number.NaN);
    const first = cells.cell(0, 0);
    expect(first).toEqual(new Date(time));
    expect(cells.cell(1, 0)).toBe(first);
    expect(cells.cell(2, 3)).toBe(first);
    expect(cells.cell(0, 0)).toBe(first);
    expect(String(cells.cell(3, 0))).toBe('Invalid Date');
  });

  it('makes a row as wide as its last cell past the header, with nulls between', () => {
    const cells = new ColumnCells(2, [], 4);
    cells.text(0, 5, 'stray');
    cells.text(0, 3, 'nearer');
    cells.end(2);
    expect([cells.width(0), cells.width(1)]).toEqual([6, 2]);
    expect(columnTable('Deals', ['A', 'B'], 3, cells).rows).toEqual([[null, null, null, 'nearer', null, 'stray'], [null, null]]);
  });

  it('has no source text to point into', () => {
    const cells = new ColumnCells(1);
    cells.text(0, 0, 'x');
    expect([cells.source, cells.spanStart(), cells.spanEnd()]).toEqual([null, -1, -1]);
  });
});

describe('columnTable', () => {
  it('holds the tab, header and header row it was given, and makes its rows once', () => {
    const cells = new ColumnCells(1, [], 2);
    cells.number(0, 0, 3);
    cells.end(1);
    const table = columnTable('Deals', ['Amount'], 4, cells);
    expect([table.tab, table.header, table.headerRow, table.cells]).toEqual(['Deals', ['Amount'], 4, cells]);
    expect(table.rows).toBe(table.rows);
  });

  it('makes rows as wide as the header when the cells are narrower', () => {
    const cells = new ColumnCells(1, [], 2);
    cells.number(0, 0, 3);
    cells.end(1);
    expect(columnTable('Deals', ['Amount', 'Stage', 'Date'], 1, cells).rows).toEqual([[3, null, null]]);
  });
});
