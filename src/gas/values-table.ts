import { ColumnCells, columnTable } from '../core/column-cells.js';
import { isBlankRow, type Table } from '../core/table.js';
import { coreCell } from './cell-values.js';

/**
 * A tab from the values one getValues gave (`width` cells a row), held by column
 * (ColumnCells): the 500,000 rows of a Deals tab are read cell by cell into typed arrays,
 * the text cells keeping the strings getValues made, and no second array per row is built;
 * rows are made from the view only for a tab the core reads by row (the Customers). The
 * first row holding anything is the header, as in the local shells; in a tab that holds
 * nothing, the first row is.
 */
export function valuesTable(tab: string, values: readonly (readonly unknown[])[], width: number, dayOf: (date: Date) => Date): Table {
  const cellsOf = (row: readonly unknown[]) => row.map((value) => coreCell(value, dayOf));
  let at = 0;
  while (at < values.length && isBlankRow(cellsOf(values[at]))) at++;
  if (at === values.length) at = 0;
  const header = values.length > 0 ? cellsOf(values[at]) : [];
  const rowCount = Math.max(0, values.length - at - 1);
  const cells = new ColumnCells(width, [], rowCount);
  for (let r = 0; r < rowCount; r++) {
    const row = values[at + 1 + r];
    for (let c = 0; c < row.length; c++) cells.put(r, c, coreCell(row[c], dayOf));
  }
  cells.end(rowCount);
  return columnTable(tab, header, at + 1, cells);
}
