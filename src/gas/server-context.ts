import { CannotRun } from '../app/cannot-run.js';
import type { BookClock, DocumentLock, ServerContext } from '../app/server/ports.js';
import { loadSchedule } from '../app/server/schedule.js';
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

function documentLock(): DocumentLock {
  const lock = LockService.getDocumentLock();
  return { tryLock: (ms) => lock.tryLock(ms), release: () => lock.releaseLock() };
}

/** The active user's e-mail, or the account the script runs as where Google withholds it. */
function currentEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}

function contextFor(spreadsheet: Spreadsheet): ServerContext {
  const properties = PropertiesService.getDocumentProperties();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return {
    book: new SheetsWorkbook(spreadsheet, timeZone),
    state: new StateSheet(spreadsheet),
    settings: settingsProperty(properties),
    user: { email: currentEmail() },
    clock: bookClock(timeZone),
    lock: documentLock(),
    lease: propertySlot(properties, PROPERTY.lease),
    job: propertySlot(properties, PROPERTY.job),
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
  return contextFor(spreadsheet);
}

/**
 * A time-driven run has no active spreadsheet (DESIGN §6): it opens the one recorded at
 * install, found through the trigger's document properties. Null when nothing is recorded.
 */
export function scheduleContext(): ServerContext | null {
  const record = loadSchedule({ schedule: propertySlot(PropertiesService.getDocumentProperties(), PROPERTY.schedule) });
  return record ? contextFor(SpreadsheetApp.openById(record.spreadsheetId)) : null;
}
