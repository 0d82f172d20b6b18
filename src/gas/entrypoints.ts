/**
 * The whole Apps Script surface: every export becomes one top-level function in
 * dist/Code.js (scripts/build.mjs), and nothing else is global. Each server function
 * checks its input, builds the Apps Script adapters, calls one function of
 * src/app/server and returns its JSON-safe output.
 */
import { ScheduledRunOutput } from '../app/server/scheduled-run.js';
import {
  applyFunction, claimFunction, getStateFunction, installScheduleFunction, proposeFunction, recycleFunction, removeScheduleFunction, rescoreFunction,
  saveSettingsFunction, undoFunction,
} from '../app/server/functions.js';
import { callServer } from '../app/server/server-function.js';
import { syncFilterViewsFunction } from '../app/server/sidebar-filter-views.js';
import { sidebarMyCustomersFunction } from '../app/server/sidebar-my-customers.js';
import { sidebarPoolFunction } from '../app/server/sidebar-pool.js';
import { sidebarProposalsFunction } from '../app/server/sidebar-proposals.js';
import { sidebarWhatIfFunction } from '../app/server/sidebar-what-if.js';
import { sheetsFilterViews_ } from './filter-views.js';
import { buildAddonMenu } from './menu.js';
import { fromMenu } from './menu-actions.js';
import { scheduleTick } from './schedule-tick.js';
import { userContext } from './server-context.js';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(SpreadsheetApp.getUi());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The sidebar is its own build (ui/, issue 6), pushed as Sidebar.html beside Code.js. */
export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Tierwise'));
}

export function menuRescore(): void {
  fromMenu('Rescore', () => callServer(rescoreFunction, userContext(), {}), (r) => `Rescored ${r.customers} customers as of ${r.asOf}: A ${r.tiers.A}, B ${r.tiers.B}, C ${r.tiers.C}.${r.status === 'stopped' ? ' Time ran out; run it again to finish.' : ''}`);
}

export function menuPropose(): void {
  fromMenu('Propose owners', () => callServer(proposeFunction, userContext(), {}), (r) => `Proposed owners for ${r.assign.proposed} customers (${r.assign.changes} changes, ${r.assign.unplaced.length} could not be placed). Review them in TW Proposed Owner, then apply in the sidebar.${r.status === 'stopped' ? ' Time ran out; run it again to finish.' : ''}`);
}

export function menuRecycle(): void {
  fromMenu('Recycle stale now', () => callServer(recycleFunction, userContext(), {}), (r) => `Recycled ${r.recycle.recycled.length} stale customers and warned the owners of ${r.recycle.newWarnings.length} newly stale ones; ${r.recycle.warned.length} are still in their warning period${r.recycle.deferred.length ? `; ${r.recycle.deferred.length} are due and wait for the next run (pool.maxPerRun)` : ''}.`);
}

export function getState(input?: unknown) {
  return callServer(getStateFunction, userContext(), input);
}

export function rescore(input?: unknown) {
  return callServer(rescoreFunction, userContext(), input);
}

export function propose(input?: unknown) {
  return callServer(proposeFunction, userContext(), input);
}

export function apply(input?: unknown) {
  return callServer(applyFunction, userContext(), input);
}

export function undo(input?: unknown) {
  return callServer(undoFunction, userContext(), input);
}

export function recycle(input?: unknown) {
  return callServer(recycleFunction, userContext(), input);
}

export function claim(input?: unknown) {
  return callServer(claimFunction, userContext(), input);
}

export function saveSettings(input?: unknown) {
  return callServer(saveSettingsFunction, userContext(), input);
}

export function installSchedule(input?: unknown) {
  return callServer(installScheduleFunction, userContext(), input);
}

export function removeSchedule(input?: unknown) {
  return callServer(removeScheduleFunction, userContext(), input);
}

/**
 * The hourly trigger. It is global, so the sidebar could call it too: it runs only when
 * called with the `triggerUid` recorded at install. Nothing else tells a trigger run from
 * a user's: a bound script's trigger has an active spreadsheet just as a sidebar call does.
 */
export function onSchedule(event?: GoogleAppsScript.Events.TimeDriven): ScheduledRunOutput {
  const triggerUid = event && typeof event.triggerUid === 'string' && event.triggerUid !== '' ? event.triggerUid : null;
  if (triggerUid === null) return { ran: false, outcome: 'Not called by a trigger (no triggerUid); nothing ran.' };
  return ScheduledRunOutput.parse(scheduleTick(triggerUid));
}

/** The sidebar's own reads (issue 6): the what-if rows, my customers, the proposals list, the pool. */
export function sidebarWhatIf(input?: unknown) {
  return callServer(sidebarWhatIfFunction, userContext(), input);
}

export function sidebarMyCustomers(input?: unknown) {
  return callServer(sidebarMyCustomersFunction, userContext(), input);
}

export function sidebarProposals(input?: unknown) {
  return callServer(sidebarProposalsFunction, userContext(), input);
}

export function sidebarPool(input?: unknown) {
  return callServer(sidebarPoolFunction, userContext(), input);
}

/** One filter view per rep on the Customers tab, through the Sheets advanced service. */
export function sidebarSyncFilterViews(input?: unknown) {
  const ctx = userContext();
  return callServer(syncFilterViewsFunction(sheetsFilterViews_(SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet)), ctx, input);
}
