import type { Cell, Table } from '../core/table.js';
import type { Settings } from '../core/settings/schema.js';

/** One owned column to write: its header and one value per data row of the tab as read. */
export interface OwnedColumn {
  readonly header: string;
  readonly values: readonly Cell[];
}

/** One cell of a user column (the Owner column), by its 0-based data row index. */
export interface CellWrite {
  readonly row: number;
  readonly value: Cell;
}

/**
 * The book, as both shells present it (xlsx/CSV in Node, SpreadsheetApp in Apps Script).
 * The app decides every value; a shell only finds the place and writes it.
 */
export interface Workbook {
  /** The tab as it is now, or null when the book has no tab of that name. */
  readTable(tab: string): Table | null;
  /**
   * Writes owned columns of `tab`, each found by its exact header wherever it has moved
   * and created at the right end when missing. Values align with the rows last read.
   */
  writeOwnedColumns(tab: string, columns: readonly OwnedColumn[]): void;
  /** Sets cells of one existing user column, found by its header text. */
  writeCells(tab: string, header: string, cells: readonly CellWrite[]): void;
  /** Appends rows to one of our tabs, creating it with `header` when missing. */
  appendRows(tab: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void;
  /** Replaces the whole content of one of our own tabs (the dashboard). */
  replaceTab(tab: string, rows: readonly (readonly Cell[])[]): void;
  /**
   * Creates a tab the book lacks, for the user to own from then on: the Customers tab an
   * orders-only book is given (rows[0] is its header). Text is written as text.
   */
  createTab(tab: string, rows: readonly (readonly Cell[])[]): void;
}

/** Bulky state that lives in the book itself (the hidden `TW State` tab, `tw-state.json`). */
export interface StateStore {
  load(): unknown;
  save(state: unknown): void;
}

export interface Clock {
  /** The wall clock, for `TW Log` times only: nothing else we write depends on it. */
  now(): Date;
}

/** What every use case is given: the book's ports, the settings and the as-of day. */
export interface UseCaseRequest {
  readonly workbook: Workbook;
  readonly state: StateStore;
  readonly clock: Clock;
  readonly settings: Settings;
  readonly asOfDay: number;
}

/** A use case that changes owners or logs: who asked, written into `TW Log` (`cli`, a user's e-mail, or `schedule`). */
export interface ActorRequest extends UseCaseRequest {
  readonly actor: string;
}
