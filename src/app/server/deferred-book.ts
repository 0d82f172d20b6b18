import type { Cell, Table } from '../../core/table.js';
import type { CellWrite, OwnedColumn, Workbook } from '../ports.js';

/**
 * The book as a use case sees it during a long job: reads go through (and are kept for
 * the job's fingerprint), owned-column writes are held back so the job can write them in
 * chunks (job.ts), and whole-tab writes (the dashboard) wait until the last chunk is
 * written, so a stopped job neither spends its time on them nor shows a half-done book's
 * dashboard. Every other write goes straight through.
 */
export class DeferredBook implements Workbook {
  readonly tablesRead = new Map<string, Table>();
  readonly held = new Map<string, OwnedColumn[]>();
  /** Whole tabs to write once the job has written its last row. */
  readonly heldTabs = new Map<string, readonly (readonly Cell[])[]>();

  constructor(private readonly book: Workbook) {}

  readTable(tab: string): Table | null {
    const table = this.book.readTable(tab);
    if (table) this.tablesRead.set(tab, table);
    return table;
  }

  writeOwnedColumns(tab: string, columns: readonly OwnedColumn[]): void {
    const held = this.held.get(tab) ?? [];
    for (const column of columns) {
      const at = held.findIndex((c) => c.header === column.header);
      if (at >= 0) held[at] = column;
      else held.push(column);
    }
    this.held.set(tab, held);
  }

  writeCells(tab: string, header: string, cells: readonly CellWrite[]): void {
    this.book.writeCells(tab, header, cells);
  }

  appendRows(tab: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.book.appendRows(tab, header, rows);
  }

  replaceTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    this.heldTabs.set(tab, rows);
  }

  createTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    // Goes through at once: the job writes its owned columns into this tab.
    this.book.createTab(tab, rows);
  }
}
