import type { Triggers } from '../app/server/ports.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The function the hourly trigger calls (an entry point of entrypoints.ts). */
export const SCHEDULE_HANDLER = 'onSchedule';

/**
 * The scheduler trigger over ScriptApp. An editor add-on may hold one time-driven trigger
 * per user per document, at most hourly (DESIGN §6), and a user sees only their own.
 */
export function scheduleTriggers(spreadsheet: Spreadsheet): Triggers {
  const mineNow = () => ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === SCHEDULE_HANDLER);
  return {
    mine: () => mineNow().map((t) => t.getUniqueId()),
    createHourly: () => ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(1).create().getUniqueId(),
    remove(id) {
      for (const trigger of mineNow()) if (trigger.getUniqueId() === id) ScriptApp.deleteTrigger(trigger);
    },
    authorized: () =>
      ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED,
  };
}
