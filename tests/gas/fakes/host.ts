/** What every service stand-in reads from the environment it lives in. */
import type { FakeClock } from './clock.js';
import type { Execution } from './execution.js';
import type { Platform } from './platform.js';
import type { FakeSpreadsheet } from './spreadsheet.js';
import type { Surface } from './surface.js';

export interface Host extends Surface {
  readonly clock: FakeClock;
  readonly scriptTimeZone: string;
  /** The context switches the documentation leaves open (platform.ts). */
  readonly platform: Platform;
  /** A single write's values may take at most this many bytes as JSON. */
  readonly maxWriteBytes: number;
  /** The execution now running. */
  execution(): Execution;
  spreadsheetById(id: string): FakeSpreadsheet | undefined;
  /**
   * Fails unless the current AuthMode allows `what` (see execution.ts). Apps Script's own
   * wording for this case could not be confirmed; the message names the method.
   */
  requireAuthorization(method: string, what: 'document' | 'services'): void;
  /**
   * Charges the time Sheets takes for `cells` cells read, or written with contents (values
   * and formulas; a format or a note over a range is one change, charged per call only) (the environment's
   * `msPerCellRead` / `msPerCellWritten`), then stops the execution as Apps Script does if
   * it ran past its limit: a write so stopped writes nothing.
   */
  chargeCells(kind: 'read' | 'written', cells: number): void;
}
