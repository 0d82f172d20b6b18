/**
 * A sheet's cells as sparse layers (value, formula, note, number format, validation),
 * 0-based internally. Layers are row arrays created on first write, so a 50,000-row sheet
 * costs memory only for the cells that hold something, and inserting or deleting columns
 * moves every attribute of a cell together, as in Sheets.
 */
import type { PendingWrites } from './pending.js';
export class Layer<T> {
  private rows: (T | undefined)[][] = [];

  /** `pending`: where a script's writes are held until flushed (pending.ts); none for a layer no script writes. */
  constructor(private readonly pending: PendingWrites | null = null) {}

  get(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    this.pending?.note(this as Layer<unknown>, row, column, this.get(row, column));
    this.restore(row, column, value);
  }

  /** Sets a cell without holding it as pending: the pending writes' own undo. */
  restore(row: number, column: number, value: T | undefined): void {
    if (value === undefined) {
      const cells = this.rows[row];
      if (cells && column < cells.length) cells[column] = undefined;
      return;
    }
    (this.rows[row] ??= [])[column] = value;
  }

  /** The row's cells from `column`, `count` long, `fill` where empty. */
  readRow<F>(row: number, column: number, count: number, fill: F, out: (T | F)[]): void {
    const cells = this.rows[row];
    for (let c = 0; c < count; c++) out[c] = cells?.[column + c] ?? fill;
  }

  insertRows(at: number, count: number): void {
    this.pending?.settle();
    if (at < this.rows.length) this.rows.splice(at, 0, ...Array.from({ length: count }, (): (T | undefined)[] => []));
  }

  deleteRows(at: number, count: number): void {
    this.pending?.settle();
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    this.pending?.settle();
    for (const cells of this.rows) if (cells && at < cells.length) cells.splice(at, 0, ...new Array<T | undefined>(count));
  }

  deleteColumns(at: number, count: number): void {
    this.pending?.settle();
    for (const cells of this.rows) if (cells) cells.splice(at, count);
  }

  /** 0-based index of the last row holding anything, -1 when empty. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) if (this.rows[r]?.some((v) => v !== undefined)) return r;
    return -1;
  }

  /** 0-based index of the last column holding anything, -1 when empty. */
  lastColumn(): number {
    let last = -1;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length - 1; c > last; c--) if (cells[c] !== undefined) { last = c; break; }
    }
    return last;
  }

  clear(): void {
    this.pending?.settle();
    this.rows = [];
  }
}

/** A date cell: Sheets keeps a serial number, Apps Script hands out a new Date on every read. */
export class DateCell {
  constructor(readonly ms: number) {}
}

export type CellValue = string | number | boolean | DateCell;

export class CellGrid<Validation> {
  readonly values: Layer<CellValue>;
  readonly formulas: Layer<string>;
  readonly notes: Layer<string>;
  readonly formats: Layer<string>;
  readonly validations: Layer<Validation>;
  private readonly layers: readonly Layer<unknown>[];

  constructor(pending: PendingWrites | null = null) {
    this.values = new Layer(pending);
    this.formulas = new Layer(pending);
    this.notes = new Layer(pending);
    this.formats = new Layer(pending);
    this.validations = new Layer(pending);
    this.layers = [this.values, this.formulas, this.notes, this.formats, this.validations];
  }

  insertRows(at: number, count: number): void {
    for (const layer of this.layers) layer.insertRows(at, count);
  }

  deleteRows(at: number, count: number): void {
    for (const layer of this.layers) layer.deleteRows(at, count);
  }

  insertColumns(at: number, count: number): void {
    for (const layer of this.layers) layer.insertColumns(at, count);
  }

  deleteColumns(at: number, count: number): void {
    for (const layer of this.layers) layer.deleteColumns(at, count);
  }

  /** Content is a value or a formula; notes and formats do not move getLastRow, as in Sheets. */
  lastContentRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }

  lastContentColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn());
  }
}
