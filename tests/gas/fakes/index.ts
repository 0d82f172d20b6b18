/** In-memory stand-ins of the Apps Script services Tierwise uses; see README.md in this folder. */
export { createAppsScriptEnvironment, AppsScriptEnvironment, DEFAULT_NOW, DEFAULT_USER, SIX_MINUTES_MS } from './environment.js';
export type { BookSpec, EnvironmentOptions, StartOptions, TimeDrivenEvent, LogEntry } from './environment.js';
export { sheetFromRows, snapshotSheet, changedCells } from './book.js';
export type { SheetSpec, SheetExtras, SheetSnapshot, CellSnapshot } from './book.js';
export { CallLog } from './call-log.js';
export { FakeClock } from './clock.js';
export { AuthMode, AuthorizationStatus, Button, EventType, TriggerSource } from './enums.js';
export type { EnumMember } from './enums.js';
export type { FakeSpreadsheet } from './spreadsheet.js';
export type { FakeSheet } from './sheet.js';
export type { FakeEmbeddedChart, FakeChartType } from './chart.js';
export type { TriggerRecord } from './script-app.js';
export type { UiRecord, MenuRecord, MenuEntry } from './ui.js';
export { VALUE_LIMIT_BYTES, STORE_LIMIT_BYTES } from './properties.js';
export { platformOf, describePlatform, SCHEDULE_CONTEXTS } from './platform.js';
export type { Platform, PlatformOptions, Deployment } from './platform.js';
