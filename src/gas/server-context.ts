import { CannotRun } from '../app/cannot-run.js';
import { LOG_HEADER, OWN_TABS } from '../app/owned-columns.js';
import { StateLoss, stateLossMessage, unreadableStateMessage } from '../app/state-contents.js';
import type { BookClock, DocumentLock, ServerContext } from '../app/server/ports.js';
import { PROPERTY, propertySlot, settingsProperty } from './document-slots.js';
import { scheduleTriggers } from './schedule-trigger.js';
import { SheetsWorkbook } from './sheets-workbook.js';
import { StateSheet } from './state-sheet.js';
import { wallClockIn } from './zone-time.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Apps Script stops an execution after 6 minutes (Quotas page: script runtime). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

function bookClock(timeZone: string): BookClock {
  const wallTime = wallClockIn(timeZone);
  return {
    timeZone,
    now: () => new Date(),
    today: () => wallTime(Date.now()).day,
    hour: () => wallTime(Date.now()).hour,
  };
}

/**
 * The document lock. `LockService.getDocumentLock()` returns null "if the script is not
 * contained in a document"; a run that must write then stops with a sentence instead of a
 * TypeError. The `Lock.releaseLock` reference asks for `SpreadsheetApp.flush()` before the
 * release when working with a spreadsheet, so the next holder reads what this one wrote.
 */
function documentLock(): DocumentLock {
  const lock = LockService.getDocumentLock();
  return {
    tryLock(ms) {
      if (!lock) throw new CannotRun('Apps Script gave Tierwise no document lock here (LockService.getDocumentLock() returned null), so it cannot write safely; nothing was changed. Open the spreadsheet and use Extensions → Tierwise.');
      return lock.tryLock(ms);
    },
    release() {
      SpreadsheetApp.flush();
      lock?.releaseLock();
    },
  };
}

/** `PropertiesService.getDocumentProperties()` is null outside a document (its reference): say so. */
export function documentProperties(): GoogleAppsScript.Properties.Properties {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) throw new CannotRun(NO_DOCUMENT_PROPERTIES);
  return properties;
}

export const NO_DOCUMENT_PROPERTIES =
  'Apps Script gave Tierwise no document properties here (PropertiesService.getDocumentProperties() returned null), so it cannot read its settings or its schedule; nothing ran.';

/** The active user's e-mail, or the account the script runs as where Google withholds it. */
function currentEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}

export function contextFor(spreadsheet: Spreadsheet, properties: GoogleAppsScript.Properties.Properties): ServerContext {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const book = new SheetsWorkbook(spreadsheet, timeZone);
  const email = currentEmail();
  const lossSlot = propertySlot(properties, PROPERTY.stateLoss);
  // A state that does not read back is started fresh only out loud: TW Log, and the sidebar (stateReport).
  const state = new StateSheet(spreadsheet, (loss) => {
    lossSlot.write(loss);
    const now = new Date();
    book.appendRows(OWN_TABS.log, [...LOG_HEADER], [[now, `state-${now.toISOString()}`, 'state', '', '', '', stateLossMessage(loss), email || 'schedule']]);
  }, () => new Date());
  return {
    book,
    state,
    stateReport() {
      const problem = state.unreadable();
      if (problem) return unreadableStateMessage(problem);
      const loss = StateLoss.safeParse(lossSlot.read());
      // The notice stays until the manager deletes the tab that keeps the unreadable cells.
      return loss.success && spreadsheet.getSheetByName(loss.data.keptIn) ? stateLossMessage(loss.data) : null;
    },
    settings: settingsProperty(properties),
    user: { email },
    clock: bookClock(timeZone),
    lock: documentLock(),
    lease: propertySlot(properties, PROPERTY.lease),
    job: propertySlot(properties, PROPERTY.job),
    results: state.results(),
    schedule: propertySlot(properties, PROPERTY.schedule),
    triggers: scheduleTriggers(spreadsheet),
    bookId: spreadsheet.getId(),
    executionLimitMs: EXECUTION_LIMIT_MS,
    startedMs: Date.now(),
  };
}

/** A sidebar call or a menu click: the open spreadsheet. */
export function userContext(): ServerContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new CannotRun('Tierwise runs from a spreadsheet: open one and use Extensions → Tierwise.');
  return contextFor(spreadsheet, documentProperties());
}
