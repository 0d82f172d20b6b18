import type { CellWrite, OwnedColumn } from '../../app/ports.js';
import type { ServerBook, TouchUp } from '../../app/server/ports.js';
import { type Cell, type Table, headerIndex } from '../../core/table.js';
import type { MemoryWorkbook } from '../book/memory-workbook.js';

/**
 * The server functions' book port over a local book held in memory. Writing rows
 * [from, to) of owned columns is a full-column write that keeps the other rows' current
 * values, so chunked jobs behave as they do in Sheets. `onCellsWritten` lets the preview
 * pretend writes take time, to show a rescore resuming over several calls.
 */
export class PreviewBook implements ServerBook {
  /** The Sheets touches asked for, last one per tab (a local book has no formats to set). */
  readonly touches = new Map<string, TouchUp>();

  constructor(private readonly workbook: MemoryWorkbook, private readonly onCellsWritten: (cells: number) => void = () => {}) {}

  readTable(tab: string): Table | null {
    return this.workbook.readTable(tab);
  }

  writeOwnedColumns(tab: string, columns: readonly OwnedColumn[]): void {
    this.workbook.writeOwnedColumns(tab, columns);
    this.onCellsWritten((columns[0]?.values.length ?? 0) * columns.length);
  }

  writeOwnedRows(tab: string, columns: readonly OwnedColumn[], from: number, to: number): void {
    const table = this.workbook.readTable(tab);
    if (!table) throw new Error(`The book has no tab ${tab}`);
    const merged = columns.map((column) => {
      const at = headerIndex(table.header, column.header);
      const values: Cell[] = table.rows.map((row, r) => (r >= from && r < to ? column.values[r] : at < 0 ? null : (row[at] ?? null)));
      return { header: column.header, values };
    });
    this.workbook.writeOwnedColumns(tab, merged);
    this.onCellsWritten((to - from) * columns.length);
  }

  /** A local book's writes are in memory until the command saves it whole: nothing to flush. */
  flush(): void {}

  touchUp(tab: string, options: TouchUp): void {
    this.touches.set(tab, options);
  }

  writeCells(tab: string, header: string, cells: readonly CellWrite[]): void {
    this.workbook.writeCells(tab, header, cells);
  }

  appendRows(tab: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.workbook.appendRows(tab, header, rows);
  }

  replaceTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    this.workbook.replaceTab(tab, rows);
  }

  createTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    this.workbook.createTab(tab, rows);
  }
}
