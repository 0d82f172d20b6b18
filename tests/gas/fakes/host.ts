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
  /** The execution now running. */
  execution(): Execution;
  spreadsheetById(id: string): FakeSpreadsheet | undefined;
  /**
   * Fails unless the current AuthMode allows `what` (see execution.ts). Apps Script's own
   * wording for this case could not be confirmed; the message names the method.
   */
  requireAuthorization(method: string, what: 'document' | 'services'): void;
}
