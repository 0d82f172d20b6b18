import { describe, expect, it } from 'vitest';
import { ColumnCells } from '../../src/core/column-cells.js';

describe('ColumnCells without a list of the shell', () => {
  it('leaves a cell that points into a shared-string list empty when the shell gave it none', () => {
    const cells = new ColumnCells(1);
    cells.listedText(0, 0, 0);
    cells.end(1);
    expect(cells.cell(0, 0)).toBeNull();
  });
});
