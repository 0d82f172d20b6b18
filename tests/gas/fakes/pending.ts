/**
 * Writes held until flush. The SpreadsheetApp reference says of `flush()`: "Applies all
 * pending Spreadsheet changes. Spreadsheet operations are sometimes bundled together to
 * improve performance"; the `Lock.releaseLock()` reference asks for a flush before a
 * release for the same reason. So a script's writes are durable once it calls `flush()` or
 * its execution ends normally; an execution the platform stops (the time limit) loses the
 * writes it had not flushed. Reads by the same script see its own writes (Sheets applies
 * the pending changes before a read), so the stand-in writes at once and keeps, for each
 * cell a script changed since the last flush, what it held before: `drop()` puts it back.
 *
 * Only cell contents and attributes (values, formulas, notes, formats, validation) are
 * held. A change of structure (lines or sheets inserted or deleted) settles what is
 * pending first, since the cells' places move; Google does not document the order.
 */
import type { Layer } from './grid.js';

interface Held {
  readonly layer: Layer<unknown>;
  readonly row: number;
  readonly column: number;
  readonly before: unknown;
}

export class PendingWrites {
  private held: Held[] = [];
  /** Script calls in progress: writes are held only while the script is the writer, not a test setting up a book. */
  private depth = 0;

  /** Runs one call of the script: the writes it makes are held until flushed. */
  during<T>(call: () => T): T {
    this.depth += 1;
    try {
      return call();
    } finally {
      this.depth -= 1;
    }
  }

  /** Called by a layer before it changes a cell. */
  note(layer: Layer<unknown>, row: number, column: number, before: unknown): void {
    if (this.depth > 0) this.held.push({ layer, row, column, before });
  }

  get count(): number {
    return this.held.length;
  }

  /** `flush()`, or an execution that ended normally: what was written stays. */
  settle(): void {
    this.held = [];
  }

  /** The platform stopped the execution: every cell written since the last flush is as it was before. */
  drop(): void {
    for (let i = this.held.length - 1; i >= 0; i--) {
      const { layer, row, column, before } = this.held[i]!;
      layer.restore(row, column, before);
    }
    this.held = [];
  }
}
