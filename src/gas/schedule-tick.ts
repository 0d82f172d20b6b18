import { runScheduled, type ScheduledRunOutput } from '../app/server/scheduled-run.js';
import { loadSchedule } from '../app/server/schedule.js';
import { PROPERTY, propertySlot } from './document-slots.js';
import { contextFor, NO_DOCUMENT_PROPERTIES } from './server-context.js';

/**
 * One tick of the hourly trigger, in whatever deployment runs it. A bound script's
 * time-driven run has the active spreadsheet ("Container-bound scripts" guide lists triggers
 * among the contexts that have it); an installed add-on's may not, so the spreadsheet is
 * the active one when there is one and otherwise the one recorded at install, opened by id.
 * The trigger is recognised by its `triggerUid` alone (runScheduled).
 *
 * Where the tick cannot reach the book at all, the reason goes to the execution log
 * (`console`), the one place left: Apps Script lists it under the project's Executions.
 */
export function scheduleTick(triggerUid: string): ScheduledRunOutput {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) return unreachable(NO_DOCUMENT_PROPERTIES);
  const record = loadSchedule({ schedule: propertySlot(properties, PROPERTY.schedule) });
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet && record) {
    try {
      spreadsheet = SpreadsheetApp.openById(record.spreadsheetId);
    } catch (error) {
      return unreachable(`The schedule could not open its spreadsheet ${record.spreadsheetId} (${error instanceof Error ? error.message : String(error)}); nothing ran.`);
    }
  }
  if (!spreadsheet) {
    // No schedule recorded and no book to write to: this trigger is left over from a
    // schedule that was removed. It deletes itself so it stops firing every hour.
    for (const trigger of ScriptApp.getProjectTriggers()) if (trigger.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(trigger);
    return unreachable(`No schedule is recorded for this book, so trigger ${triggerUid} deleted itself; nothing ran.`);
  }
  return runScheduled(contextFor(spreadsheet, properties), triggerUid);
}

function unreachable(outcome: string): ScheduledRunOutput {
  console.warn(`Tierwise schedule: ${outcome}`);
  return { ran: false, outcome };
}
