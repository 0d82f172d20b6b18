import { CannotRun } from '../app/cannot-run.js';

/**
 * A menu item's run: its outcome as a toast on the spreadsheet, and a problem the user can
 * act on as an alert. Bugs are thrown, so Apps Script records them.
 */
export function fromMenu<T>(title: string, run: () => T, describe: (result: T) => string): void {
  try {
    const result = run();
    SpreadsheetApp.getActiveSpreadsheet().toast(describe(result), `Tierwise: ${title}`);
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    SpreadsheetApp.getUi().alert(`Tierwise: ${title}`, error.message, SpreadsheetApp.getUi().ButtonSet.OK);
  }
}
