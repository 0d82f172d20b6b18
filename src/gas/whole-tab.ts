import type { Cell } from '../core/table.js';
import { ownedValue } from './cell-values.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Replaces the whole content of one of our own tabs with `rows` in one setValues, growing
 * the grid first when needed (Apps Script refuses a range past it). `minColumns` keeps
 * room to the right, e.g. for the dashboard's charts.
 */
export function writeWholeTab_(sheet: Sheet, rows: readonly (readonly Cell[])[], minColumns: number): void {
  sheet.clearContents();
  const width = Math.max(1, ...rows.map((r) => r.length));
  const columns = Math.max(width, minColumns);
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (columns > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  if (rows.length === 0) return;
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((row) => Array.from({ length: width }, (_, c) => ownedValue(row[c] ?? null))));
}
