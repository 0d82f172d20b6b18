/**
 * The whole Apps Script surface: every export becomes one top-level function in
 * dist/Code.js (scripts/build.mjs), and nothing else is global.
 */
import { buildAddonMenu } from './menu.js';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(SpreadsheetApp.getUi());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
