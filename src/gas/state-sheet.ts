import { OWN_TABS } from '../app/owned-columns.js';
import type { StateStore } from '../app/ports.js';
import type { JsonSlot } from '../app/server/ports.js';
import { describeState, type StateLoss } from '../app/state-contents.js';
import { readSavedState } from '../app/saved-state.js';
import { readStateChunks, stateToChunks, type StateProblem } from '../app/state-text.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Plain text: a chunk of JSON must never be read as a number, a date or a formula. */
const PLAIN_TEXT = '@';

/** Column A holds the state, column B the results of an unfinished long job. */
const STATE_COLUMN = 1;
const RESULTS_COLUMN = 2;

/** Chunks per setValues: 100 cells of 30,000 characters stay far below a request's 10 MB. */
const CELLS_PER_WRITE = 100;

/**
 * The bulky state in the hidden `TW State` tab (DESIGN §6: document properties hold 9 KB
 * per value), as checked chunks over the cells of column A (src/app/state-text.ts). Read
 * once per execution.
 *
 * A state that does not read back, or reads back in a shape the schema refuses, is never
 * overwritten in silence: the first save after
 * such a read copies the unreadable cells to a hidden tab of their own and calls `onLoss`
 * (the shell logs it and the sidebar shows it). The tab is protected warning-only, so a
 * person editing it by hand is warned first (Sheet.protect, Protection.setWarningOnly).
 */
export class StateSheet implements StateStore {
  private cached: { value: unknown; cells: unknown[]; problem: StateProblem | null } | null = null;

  constructor(private readonly spreadsheet: Spreadsheet, private readonly onLoss: (loss: StateLoss) => void, private readonly now: () => Date) {}

  load(): unknown {
    return this.read().value;
  }

  /** Why the saved state does not read back, while it has not been overwritten; null when it reads. */
  unreadable(): StateProblem | null {
    return this.read().problem;
  }

  private read() {
    if (this.cached) return this.cached;
    const sheet = this.spreadsheet.getSheetByName(OWN_TABS.state);
    const rows = sheet ? sheet.getLastRow() : 0;
    const cells = sheet && rows > 0 ? sheet.getRange(1, STATE_COLUMN, rows, 1).getValues().map((row) => row[0]) : [];
    const reading = readSavedState(cells);
    this.cached = { value: reading.state, cells, problem: reading.problem };
    return this.cached;
  }

  save(state: unknown): void {
    const before = this.read();
    if (before.problem) this.onLoss({ at: this.now().toISOString(), ...before.problem, lost: [...before.problem.lost], keptIn: this.keep(before.cells) });
    const sheet = this.spreadsheet.getSheetByName(OWN_TABS.state) ?? this.createTab(OWN_TABS.state);
    // A TW State tab from before it was protected gets its protection now.
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) protectWarningOnly(sheet);
    const chunks = stateToChunks(state, describeState(state));
    this.writeColumn(sheet, STATE_COLUMN, chunks, before.cells.length);
    this.cached = { value: state, cells: chunks, problem: null };
  }

  /**
   * The results of an unfinished long job (src/app/server/job-results.ts), as checked
   * chunks in column B: results that do not read back read as none, and the job computes
   * them again.
   */
  results(): JsonSlot {
    const column = (): { sheet: Sheet | null; cells: unknown[] } => {
      const sheet = this.spreadsheet.getSheetByName(OWN_TABS.state);
      const rows = sheet ? sheet.getLastRow() : 0;
      return { sheet, cells: sheet && rows > 0 ? sheet.getRange(1, RESULTS_COLUMN, rows, 1).getValues().map((row) => row[0]) : [] };
    };
    return {
      read: () => readStateChunks(column().cells).state,
      write: (value) => {
        const sheet = this.spreadsheet.getSheetByName(OWN_TABS.state) ?? this.createTab(OWN_TABS.state);
        this.writeColumn(sheet, RESULTS_COLUMN, stateToChunks(value), sheet.getLastRow());
      },
      clear: () => {
        const { sheet, cells } = column();
        if (sheet && cells.some((cell) => cell !== '')) sheet.getRange(1, RESULTS_COLUMN, cells.length, 1).clearContent();
      },
    };
  }

  /** Writes `chunks` down one column from row 1, CELLS_PER_WRITE at a time, and clears what an earlier, longer save left below. */
  private writeColumn(sheet: Sheet, column: number, chunks: readonly string[], rowsBefore: number): void {
    this.fit(sheet, chunks.length);
    for (let start = 0; start < chunks.length; start += CELLS_PER_WRITE) {
      const part = chunks.slice(start, start + CELLS_PER_WRITE);
      sheet.getRange(start + 1, column, part.length, 1).setValues(part.map((chunk) => [chunk]));
    }
    if (rowsBefore > chunks.length) sheet.getRange(chunks.length + 1, column, rowsBefore - chunks.length, 1).clearContent();
  }

  /** Copies the unreadable cells, as they were, to a hidden tab named for the moment; returns its name. */
  private keep(cells: readonly unknown[]): string {
    const name = `${OWN_TABS.state} unreadable ${this.now().toISOString().slice(0, 16).replace('T', ' ')}`;
    const sheet = this.createTab(name);
    this.fit(sheet, cells.length);
    sheet.getRange(1, 1, cells.length, 1).setValues(cells.map((cell) => [cell]));
    return name;
  }

  private createTab(name: string): Sheet {
    const sheet = this.spreadsheet.insertSheet(name);
    sheet.getRange(1, 1, sheet.getMaxRows(), RESULTS_COLUMN).setNumberFormat(PLAIN_TEXT);
    protectWarningOnly(sheet);
    sheet.hideSheet();
    return sheet;
  }

  private fit(sheet: Sheet, rows: number): void {
    if (rows <= sheet.getMaxRows()) return;
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    sheet.getRange(1, 1, sheet.getMaxRows(), RESULTS_COLUMN).setNumberFormat(PLAIN_TEXT);
  }
}

/** Warning-only: anyone who may edit the book still can, after a warning; scripts are not stopped. */
function protectWarningOnly(sheet: Sheet): void {
  sheet.protect().setWarningOnly(true).setDescription('Tierwise keeps its state here (proposals, the undo record, cooldowns): editing it by hand can lose them.');
}
