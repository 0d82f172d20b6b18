import { OWN_TABS } from '../app/owned-columns.js';
import type { StateStore } from '../app/ports.js';
import { stateFromChunks, stateToChunks } from '../app/state-text.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Plain text: a chunk of JSON must never be read as a number, a date or a formula. */
const PLAIN_TEXT = '@';

/**
 * The bulky state in the hidden `TW State` tab (DESIGN §6: document properties hold 9 KB
 * per value), as JSON text split over the cells of column A. Read once per execution.
 */
export class StateSheet implements StateStore {
  private cached: { value: unknown; rows: number } | null = null;

  constructor(private readonly spreadsheet: Spreadsheet) {}

  load(): unknown {
    if (this.cached) return this.cached.value;
    const sheet = this.spreadsheet.getSheetByName(OWN_TABS.state);
    const rows = sheet ? sheet.getLastRow() : 0;
    const cells = sheet && rows > 0 ? sheet.getRange(1, 1, rows, 1).getValues().map((row) => row[0]) : [];
    this.cached = { value: stateFromChunks(cells), rows };
    return this.cached.value;
  }

  save(state: unknown): void {
    const before = this.cached ? this.cached.rows : (this.load(), this.cached!.rows);
    let sheet = this.spreadsheet.getSheetByName(OWN_TABS.state);
    if (!sheet) {
      sheet = this.spreadsheet.insertSheet(OWN_TABS.state);
      sheet.getRange(1, 1, sheet.getMaxRows(), 1).setNumberFormat(PLAIN_TEXT);
      sheet.hideSheet();
    }
    const chunks = stateToChunks(state);
    if (chunks.length > sheet.getMaxRows()) {
      const added = chunks.length - sheet.getMaxRows();
      sheet.insertRowsAfter(sheet.getMaxRows(), added);
      sheet.getRange(1, 1, sheet.getMaxRows(), 1).setNumberFormat(PLAIN_TEXT);
    }
    sheet.getRange(1, 1, chunks.length, 1).setValues(chunks.map((chunk) => [chunk]));
    if (before > chunks.length) sheet.getRange(chunks.length + 1, 1, before - chunks.length, 1).clearContent();
    this.cached = { value: state, rows: chunks.length };
  }
}
