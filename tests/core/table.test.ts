import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnCells } from '../../src/core/column-cells.js';
import { type Cell, compareSpans, headerIndex, isBlankCell, isBlankRowAt, tableCells } from '../../src/core/table.js';

describe('compareSpans', () => {
  it('orders two spans of text as their strings would order (property)', () => {
    // A span with text either side of it, so its bounds matter.
    const span = fc
      .tuple(fc.string({ maxLength: 3 }), fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'é', '😀'), maxLength: 6 }), fc.string({ maxLength: 3 }))
      .map(([before, text, after]) => ({ source: before + text + after, start: before.length, end: before.length + text.length, text }));
    fc.assert(
      fc.property(span, span, (a, b) => {
        const order = Math.sign(compareSpans(a.source, a.start, a.end, b.source, b.start, b.end));
        expect(order).toBe(a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
      }),
    );
  });

  it('puts a span before a longer one it begins, and equal spans level', () => {
    expect(compareSpans('xabz', 1, 3, 'abc', 0, 3)).toBeLessThan(0);
    expect(compareSpans('abc', 0, 3, 'xab', 1, 3)).toBeGreaterThan(0);
    expect(compareSpans('-C10-', 1, 4, 'C10', 0, 3)).toBe(0);
  });
});

describe('blank cells and rows', () => {
  it('takes null and text of spaces only for blank, and any number, boolean or date for a value', () => {
    for (const cell of [null, '', '   ', '\t']) expect(isBlankCell(cell), JSON.stringify(cell)).toBe(true);
    for (const cell of ['x', ' 0 ', 0, false, new Date(0)] as Cell[]) expect(isBlankCell(cell), String(cell)).toBe(false);
  });

  it('takes a row for blank when every cell in it is, whether held as rows or by column', () => {
    const rows: Cell[][] = [[null, ' ', ''], [null, '', 'x'], [0], []];
    const byColumn = new ColumnCells(3, [], 4);
    byColumn.text(0, 1, ' ');
    byColumn.text(1, 2, 'x');
    byColumn.number(2, 0, 0);
    for (const cells of [tableCells({ tab: 'Deals', header: [], headerRow: 1, rows }), byColumn]) {
      expect([0, 1, 2].map((row) => isBlankRowAt(cells, row))).toEqual([true, false, false]);
    }
    expect(isBlankRowAt(tableCells({ tab: 'Deals', header: [], headerRow: 1, rows }), 3)).toBe(true);
  });

  it('has no source text to point into when the tab is held as rows', () => {
    const cells = tableCells({ tab: 'Deals', header: ['A'], headerRow: 1, rows: [['x']] });
    expect([cells.source, cells.spanStart(0, 0), cells.spanEnd(0, 0)]).toEqual([null, -1, -1]);
  });
});

describe('headerIndex', () => {
  it('finds an owned column by its exact text, spaces around it on either side ignored, past cells that are not text', () => {
    const header: Cell[] = [42, null, 'tw score', ' TW Score ', 'TW Tier'];
    expect(headerIndex(header, 'TW Score')).toBe(3);
    expect(headerIndex(header, '  TW Tier ')).toBe(4);
    expect(headerIndex(header, 'TW Owner')).toBe(-1);
  });
});
