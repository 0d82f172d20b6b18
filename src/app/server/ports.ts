import type { Settings } from '../../core/settings/schema.js';
import type { Clock, OwnedColumn, StateStore, Workbook } from '../ports.js';

/**
 * The ports the server functions need beyond the use cases' own (src/app/ports.ts). The
 * Apps Script shell implements them over SpreadsheetApp, document properties, LockService
 * and ScriptApp (src/gas); a local preview server implements them in memory.
 */

/** The book, with the two things a long job and the Sheets touches need. */
export interface ServerBook extends Workbook {
  /**
   * Writes rows [from, to) of owned columns: the same as writeOwnedColumns when the range
   * covers every row, so a long job can write in chunks and stop between them.
   */
  writeOwnedRows(tab: string, columns: readonly OwnedColumn[], from: number, to: number): void;
  /**
   * Native touches after a write (number formats, tier colours, the optional warning-only
   * list of reps on the Owner column); each replaces its earlier self, never stacks.
   */
  touchUp(tab: string, options: TouchUp): void;
  /**
   * Makes the writes so far durable. Sheets batches a script's writes and applies them when
   * the script flushes or ends normally; an execution stopped at its time limit loses those
   * not flushed (SpreadsheetApp.flush reference), so a job flushes before it records progress.
   */
  flush(): void;
}

export interface TouchUp {
  /** The reps for the Owner column's warning-only list; null removes our list. */
  readonly ownerChoices: OwnerChoices | null;
  readonly ownerHeader: string | null;
}

/** The active reps' names, and the cells of the Reps tab that hold every rep's name. */
export interface OwnerChoices {
  readonly names: readonly string[];
  /**
   * Where the names stand: a shell whose list rules hold fewer names than the team has
   * (Sheets: 500) offers the cells instead. `column` is 0-based as in the table read,
   * `firstRow` the 1-based sheet row of the first rep.
   */
  readonly cells: { readonly tab: string; readonly column: number; readonly firstRow: number; readonly rows: number };
}

/** The settings as stored: raw, validated by the caller (a stored value may be from an older version or hand-edited). */
export interface SettingsStore {
  /** Null when nothing is saved; the stored text itself when it is not JSON (unreadable, not absent). */
  load(): unknown;
  save(settings: Settings): void;
}

/** Who is calling; '' when the platform does not say (a consumer account seen from another domain). */
export interface CurrentUser {
  readonly email: string;
}

export interface BookClock extends Clock {
  /** Today in the book's time zone, as a day number (src/core/parse/days.ts). */
  today(): number;
  /** The hour (0–23) now in the book's time zone. */
  hour(): number;
  readonly timeZone: string;
}

/** The document lock: mutual exclusion, but it cannot say who holds it (DESIGN §6). */
export interface DocumentLock {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/** A small JSON value kept beside the document (document properties in Sheets). */
export interface JsonSlot {
  read(): unknown;
  write(value: unknown): void;
  clear(): void;
}

/** The one time-driven trigger this user may hold for this document. */
export interface Triggers {
  /** Ids of this user's scheduler triggers for this document. */
  mine(): string[];
  /** Creates the hourly trigger and returns its id. */
  createHourly(): string;
  remove(id: string): void;
  /** False when the user must authorize the add-on again (a trigger must then stop). */
  authorized(): boolean;
}

export interface ServerContext {
  readonly book: ServerBook;
  readonly state: StateStore;
  /** What is wrong with the saved state, or was lost from it, in a sentence; null when nothing (shells without a damage check leave it out). */
  readonly stateReport?: () => string | null;
  readonly settings: SettingsStore;
  readonly user: CurrentUser;
  readonly clock: BookClock;
  readonly lock: DocumentLock;
  /** Who runs what since when: LockService cannot say (DESIGN §6). */
  readonly lease: JsonSlot;
  /** The cursor of an unfinished long job. */
  readonly job: JsonSlot;
  /** What an unfinished long job computed, so a resumed run writes on without computing again (job-results.ts). */
  readonly results: JsonSlot;
  /** Who owns the schedule, its trigger and the spreadsheet id, recorded at install. */
  readonly schedule: JsonSlot;
  readonly triggers: Triggers;
  /** The spreadsheet's id, recorded at install so the trigger can open it. */
  readonly bookId: string;
  /** Milliseconds one execution may run before the platform stops it. */
  readonly executionLimitMs: number;
  /** When this execution started (ms since the epoch): long jobs stop in time from it. */
  readonly startedMs: number;
}
