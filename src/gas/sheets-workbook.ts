import type { CellWrite, OwnedColumn } from '../app/ports.js';
import type { ServerBook, TouchUp } from '../app/server/ports.js';
import { columnLetter } from '../core/parse/headers.js';
import { isBlankRow, type Cell, type Table, headerIndex } from '../core/table.js';
import { coreCell, literalText, ownedValue, sheetDays } from './cell-values.js';
import { touchUpColumns } from './sheet-touches.js';
import { wallClockIn } from './zone-time.js';
import { drawDashboard_ } from './dashboard-sheet.js';
import { writeWholeTab_ } from './whole-tab.js';
import { OWN_TABS } from '../app/owned-columns.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A tab as last read: where its header is and which columns hold anything. */
interface ReadTab {
  readonly sheet: Sheet;
  readonly table: Table;
  /** Header text by 1-based sheet column, as it is now (our new columns included). */
  readonly header: Cell[];
  /** The last column holding anything, header or not: new columns go to its right. */
  lastColumn: number;
  /** Written since read: the next read goes to the sheet again. */
  written: boolean;
}

/**
 * The Workbook port over SpreadsheetApp (DESIGN §3, §6). Every Apps Script call is a round
 * trip, so the number of calls never depends on the number of rows: one getValues per tab
 * read, one setValues per contiguous block of owned columns per chunk, one append per log.
 * No getFormulas is needed: we only ever write columns we own and the Owner cells a use
 * case names, so no user formula can be under a write.
 */
export class SheetsWorkbook implements ServerBook {
  private readonly tabs = new Map<string, ReadTab>();
  private readonly dayOf: (date: Date) => Date;

  constructor(private readonly spreadsheet: Spreadsheet, readonly timeZone: string) {
    this.dayOf = sheetDays(wallClockIn(timeZone));
  }

  /**
   * The tab as it is now. A tab read earlier in this execution is handed out again unless
   * we wrote to it since: a read costs a round trip, and only our own writes change it
   * while we hold the lock.
   */
  readTable(tab: string): Table | null {
    const known = this.tabs.get(tab);
    if (known && !known.written) return known.table;
    const sheet = this.spreadsheet.getSheetByName(tab);
    if (!sheet) return null;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const values = lastRow > 0 && lastColumn > 0 ? sheet.getRange(1, 1, lastRow, lastColumn).getValues() : [];
    // getValues hands out fresh arrays: convert them in place rather than copy half a million rows.
    const rows = values as Cell[][];
    for (const row of values) for (let c = 0; c < row.length; c++) row[c] = coreCell(row[c], this.dayOf);
    // The first row holding anything is the header, as in the local shells.
    let at = rows.findIndex((row) => !isBlankRow(row));
    if (at < 0) at = 0;
    const header = rows[at] ?? [];
    const table: Table = { tab: sheet.getName(), header, rows: rows.slice(at + 1), headerRow: at + 1 };
    this.tabs.set(tab, { sheet, table, header: [...header], lastColumn, written: false });
    return table;
  }

  writeOwnedColumns(tab: string, columns: readonly OwnedColumn[]): void {
    const read = this.readTab(tab);
    this.writeOwnedRows(tab, columns, 0, read.table.rows.length);
  }

  writeOwnedRows(tab: string, columns: readonly OwnedColumn[], from: number, to: number): void {
    const read = this.readTab(tab);
    const positions = this.ownedPositions(read, columns);
    if (to <= from) return;
    read.written = true;
    // One setValues per run of adjacent columns: the columns sit wherever the user moved them.
    const order = columns.map((_, i) => i).sort((a, b) => positions[a] - positions[b]);
    for (let start = 0; start < order.length; ) {
      let end = start + 1;
      while (end < order.length && positions[order[end]] === positions[order[end - 1]] + 1) end++;
      const block = order.slice(start, end).map((i) => columns[i].values);
      const rows: (string | number | boolean)[][] = new Array(to - from);
      for (let r = from; r < to; r++) {
        const row: (string | number | boolean)[] = new Array(block.length);
        for (let c = 0; c < block.length; c++) row[c] = ownedValue(block[c][r] ?? null);
        rows[r - from] = row;
      }
      read.sheet.getRange(read.table.headerRow + 1 + from, positions[order[start]], to - from, block.length).setValues(rows);
      start = end;
    }
  }

  /** 1-based columns of each owned column, found by header; missing ones are created at the right end. */
  private ownedPositions(read: ReadTab, columns: readonly OwnedColumn[]): number[] {
    const found = columns.map((column) => headerIndex(read.header, column.header) + 1);
    const missing = columns.filter((_, i) => found[i] === 0);
    if (missing.length > 0) {
      const first = read.lastColumn + 1;
      const maxColumns = read.sheet.getMaxColumns();
      const needed = first + missing.length - 1;
      if (needed > maxColumns) read.sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
      read.sheet.getRange(read.table.headerRow, first, 1, missing.length).setValues([missing.map((c) => c.header)]);
      missing.forEach((column, k) => {
        read.header[first - 1 + k] = column.header;
        found[columns.indexOf(column)] = first + k;
      });
      read.lastColumn = needed;
    }
    return found;
  }

  flush(): void {
    SpreadsheetApp.flush();
  }

  touchUp(tab: string, options: TouchUp): void {
    const read = this.readTab(tab);
    touchUpColumns(read.sheet, read.header, read.table, options);
  }

  /**
   * Owner cells, only for apply, undo, recycle and claim; a name goes in as literal text.
   * An apply touches rows all over the tab but writes a few distinct names, so the cells
   * are grouped by what is written: one RangeList and one setValue per value, however
   * many rows change.
   */
  writeCells(tab: string, header: string, cells: readonly CellWrite[]): void {
    const read = this.readTab(tab);
    const column = headerIndex(read.header, header) + 1;
    if (column === 0) throw new Error(`${tab} has no column ${header}`);
    read.written = true;
    // A row named twice takes the later value, as writing the cells in turn would.
    const letter = columnLetter(column - 1);
    const byCell = new Map<string, string | number | boolean>();
    for (const cell of cells) byCell.set(`${letter}${read.table.headerRow + 1 + cell.row}`, literalText(cell.value));
    const cellsOf = new Map<string | number | boolean, string[]>();
    for (const [a1, value] of byCell) {
      const list = cellsOf.get(value);
      if (list) list.push(a1);
      else cellsOf.set(value, [a1]);
    }
    for (const [value, a1s] of cellsOf) read.sheet.getRangeList(a1s).setValue(value);
  }

  appendRows(tab: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    if (rows.length === 0) return;
    const sheet = this.spreadsheet.getSheetByName(tab) ?? this.createOwnTab(tab, header);
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    const lastRow = Math.max(sheet.getLastRow(), 1);
    const maxRows = sheet.getMaxRows();
    if (lastRow + rows.length > maxRows) sheet.insertRowsAfter(maxRows, lastRow + rows.length - maxRows);
    const block = rows.map((row) => Array.from({ length: width }, (_, c) => ownedValue(row[c] ?? null)));
    sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(block);
  }

  replaceTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    const sheet = this.spreadsheet.getSheetByName(tab) ?? this.spreadsheet.insertSheet(tab);
    // The dashboard also gets its native charts (issue 6), redrawn rather than stacked.
    if (tab === OWN_TABS.dashboard) drawDashboard_(sheet, rows);
    else writeWholeTab_(sheet, rows, 0);
  }

  createTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    if (this.spreadsheet.getSheetByName(tab)) throw new Error(`The book already has a tab ${tab}`);
    const sheet = this.spreadsheet.insertSheet(tab);
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    // The user's tab from now on: ids such as 00123 or 12923 stay the text the deals wrote.
    if (rows.length > 0) sheet.getRange(1, 1, rows.length, width).setValues(rows.map((row) => Array.from({ length: width }, (_, c) => literalText(row[c] ?? null))));
    sheet.setFrozenRows(1);
    this.tabs.delete(tab);
  }

  private createOwnTab(tab: string, header: readonly string[]): Sheet {
    const sheet = this.spreadsheet.insertSheet(tab);
    sheet.getRange(1, 1, 1, header.length).setValues([header.map((h) => ownedValue(h))]);
    sheet.setFrozenRows(1);
    return sheet;
  }

  private readTab(tab: string): ReadTab {
    const read = this.tabs.get(tab);
    if (read) return read;
    if (!this.readTable(tab)) throw new Error(`The book has no tab ${tab}`);
    return this.tabs.get(tab) as ReadTab;
  }
}
