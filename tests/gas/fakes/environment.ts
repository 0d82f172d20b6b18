/**
 * The whole Apps Script world one test needs: spreadsheets, the services over them, a fake
 * clock, a call log, and the current execution (user, AuthMode, trigger or not).
 *
 *   const env = createAppsScriptEnvironment({ spreadsheets: [{ sheets: [sheetFromRows('Customers', rows)] }] });
 *   const ctx = env.createContext();                       // or vm.createContext({ ...env.globals })
 *   vm.runInContext(readFileSync('dist/Code.js', 'utf8'), ctx);
 *   ctx.onOpen({ authMode: env.AuthMode.NONE });
 */
import vm from 'node:vm';
import { addSheetTo, type SheetSpec } from './book.js';
import { CallLog } from './call-log.js';
import { FakeClock } from './clock.js';
import { AuthMode, type EnumMember } from './enums.js';
import { Execution } from './execution.js';
import type { CellValue } from './grid.js';
import type { Host } from './host.js';
import { FakeHtmlService } from './html.js';
import { LockTable, FakeLockService, type HeldLock } from './lock.js';
import { FakePropertiesService, PropertyStores } from './properties.js';
import { platformOf, type Platform, type PlatformOptions } from './platform.js';
import { Realm } from './realm.js';
import { FakeScriptApp, TriggerTable, type TriggerRecord } from './script-app.js';
import { FakeSession } from './session.js';
import { FakeSheetsApi } from './sheets-api.js';
import { FakeSpreadsheetApp } from './spreadsheet-app.js';
import { FakeSpreadsheet } from './spreadsheet.js';
import { emptyUiRecord, type UiRecord } from './ui.js';
import { FakeUtilities } from './utilities.js';
import { PendingWrites } from './pending.js';
import { wallTime } from './time-zone.js';

export interface BookSpec {
  readonly id?: string;
  readonly name?: string;
  /** The spreadsheet's time zone; default 'UTC'. */
  readonly timeZone?: string;
  readonly sheets?: readonly SheetSpec[];
}

export interface EnvironmentOptions {
  /** The fake clock's start; default 2024-01-15T09:00:00Z. */
  readonly now?: Date | string | number;
  /** The user of the first execution; default 'manager@example.com'. */
  readonly user?: string;
  /** The first one is the active spreadsheet. Default: one book with one empty 'Sheet1'. */
  readonly spreadsheets?: readonly BookSpec[];
  readonly scriptTimeZone?: string;
  /** Caption of the add-on menu (createAddonMenu); default 'Tierwise'. */
  readonly addonName?: string;
  /** Project HTML files for HtmlService, by name ('Sidebar' or 'Sidebar.html'). */
  readonly htmlFiles?: Readonly<Record<string, string>>;
  /** The value a formula written by the script gets; default '#NAME?' (the stand-in does not compute). */
  readonly evaluateFormula?: (formula: string) => CellValue;
  /** Fake milliseconds each service call takes; default 0 (time stands still). */
  readonly msPerCall?: number;
  /** Apps Script stops an execution after 6 minutes; calls after that throw. */
  readonly maxExecutionMs?: number;
  /** Fake milliseconds Sheets takes per cell a call reads or writes; default 0. */
  readonly msPerCellRead?: number;
  readonly msPerCellWritten?: number;
  /**
   * A single write whose values take more than this many bytes as JSON fails with "Request
   * payload size exceeds the limit: 10485760 bytes." (Google's APIs' 10 MB request limit, as
   * users meet it; Google documents no per-call limit for setValues). Default 10 MB.
   */
  readonly maxWriteBytes?: number;
  /** The contexts the documentation leaves open (platform.ts); default an installed add-on. */
  readonly platform?: PlatformOptions;
}

export interface StartOptions {
  readonly user?: string;
  readonly authMode?: EnumMember;
  /** The open spreadsheet; default the first one. */
  readonly spreadsheetId?: string;
}

/** The event object Apps Script passes to a time-driven trigger's function. */
export interface TimeDrivenEvent {
  readonly authMode: EnumMember;
  readonly triggerUid: string;
  readonly year: number;
  readonly month: number;
  readonly 'day-of-month': number;
  readonly 'day-of-week': number;
  readonly 'week-of-year': number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly timezone: string;
}

export interface LogEntry {
  readonly level: 'log' | 'info' | 'warn' | 'error';
  readonly message: string;
}

export const DEFAULT_NOW = '2024-01-15T09:00:00Z';
export const DEFAULT_USER = 'manager@example.com';
export const SIX_MINUTES_MS = 6 * 60 * 1000;

export class AppsScriptEnvironment {
  readonly calls = new CallLog();
  readonly clock: FakeClock;
  readonly realm: Realm;
  readonly ui: UiRecord = emptyUiRecord();
  readonly logs: LogEntry[] = [];
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly properties: PropertyStores;
  readonly AuthMode = AuthMode;
  readonly platform: Platform;
  /** The script's writes not yet flushed: `flush()` or a normal end keeps them, `stopExecution()` drops them (pending.ts). */
  readonly pending = new PendingWrites();
  /** The Sheets advanced service (filter views), the global `Sheets` of the script. */
  readonly sheetsApi: FakeSheetsApi;
  /** What to put into a vm context: the services, a fake-clock Date, Logger and console. */
  readonly globals: Record<string, unknown>;
  private current: Execution;
  private readonly host: Host;
  private readonly locks: LockTable;
  private readonly triggerTable = new TriggerTable();
  private readonly scriptApp: FakeScriptApp;
  private readonly evaluateFormula: (formula: string) => CellValue;
  private bookCount = 0;

  constructor(options: EnvironmentOptions = {}) {
    this.clock = new FakeClock(options.now ?? DEFAULT_NOW);
    this.realm = new Realm(this.clock.Date);
    this.evaluateFormula = options.evaluateFormula ?? (() => '#NAME?');
    const scriptTimeZone = options.scriptTimeZone ?? 'UTC';
    this.platform = platformOf(options.platform);
    const maxExecutionMs = options.maxExecutionMs ?? SIX_MINUTES_MS;
    const overTime = () => {
      if (this.current.stopped || this.clock.now() - this.current.startedAt > maxExecutionMs) this.stopExecution();
    };
    const msPerCell = { read: options.msPerCellRead ?? 0, written: options.msPerCellWritten ?? 0 };
    this.host = {
      maxWriteBytes: options.maxWriteBytes ?? 10 * 1024 * 1024,
      chargeCells: (kind, cells) => {
        if (msPerCell[kind] <= 0 || cells <= 0) return;
        this.clock.advance(cells * msPerCell[kind]);
        overTime();
      },
      platform: this.platform,
      pending: this.pending,
      calls: this.calls,
      realm: this.realm,
      clock: this.clock,
      scriptTimeZone,
      execution: () => this.current,
      spreadsheetById: (id) => this.spreadsheets.get(id),
      requireAuthorization: (method, what) => {
        if (!this.current.allows(what)) this.realm.fail(`You do not have permission to call ${method} in AuthMode.${this.current.authMode.name}.`);
      },
    };
    for (const spec of options.spreadsheets ?? [{ sheets: [{ name: 'Sheet1', rows: [] }] }]) this.addSpreadsheet(spec);
    this.current = this.newExecution({ user: options.user ?? DEFAULT_USER });
    this.properties = new PropertyStores(this.host);
    this.locks = new LockTable(this.host);
    this.scriptApp = new FakeScriptApp(this.host, this.triggerTable);
    this.sheetsApi = new FakeSheetsApi(this.host);

    const msPerCall = options.msPerCall ?? 0;
    this.calls.onCall(() => {
      if (msPerCall > 0) this.clock.advance(msPerCall);
      overTime();
    });

    const record = (level: LogEntry['level']) => (...parts: unknown[]) => {
      this.logs.push({ level, message: parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ') });
    };
    this.globals = {
      SpreadsheetApp: new FakeSpreadsheetApp(this.host, options.addonName ?? 'Tierwise', this.ui).proxy,
      PropertiesService: new FakePropertiesService(this.host, this.properties).proxy,
      LockService: new FakeLockService(this.host, this.locks).proxy,
      ScriptApp: this.scriptApp.proxy,
      Session: new FakeSession(this.host, 'en').proxy,
      Utilities: new FakeUtilities(this.host).proxy,
      HtmlService: new FakeHtmlService(options.htmlFiles ?? {}, this.host).proxy,
      Logger: { log: record('log') },
      console: { log: record('log'), info: record('info'), warn: record('warn'), error: record('error') },
      Date: this.clock.Date,
      Sheets: this.sheetsApi,
    };
  }

  /** The active spreadsheet of a user execution (the first book unless started otherwise). */
  get spreadsheet(): FakeSpreadsheet {
    return this.spreadsheets.values().next().value ?? (() => { throw new Error('the environment has no spreadsheet'); })();
  }

  get execution(): Execution {
    return this.current;
  }

  get triggers(): readonly TriggerRecord[] {
    return this.triggerTable.records;
  }

  addSpreadsheet(spec: BookSpec = {}): FakeSpreadsheet {
    this.bookCount += 1;
    const id = spec.id ?? `spreadsheet-${this.bookCount}`;
    if (this.spreadsheets.has(id)) throw new Error(`a spreadsheet with id ${id} already exists`);
    const book = new FakeSpreadsheet(this.host, { id, name: spec.name ?? `Book ${this.bookCount}`, timeZone: spec.timeZone ?? 'UTC', evaluateFormula: this.evaluateFormula });
    for (const sheet of spec.sheets ?? [{ name: 'Sheet1', rows: [] }]) addSheetTo(book, sheet);
    this.spreadsheets.set(id, book);
    return book;
  }

  private newExecution(options: StartOptions & { triggerUid?: string; documentId?: string | null }): Execution {
    return new Execution({
      user: options.user ?? this.current?.user ?? DEFAULT_USER,
      authMode: options.authMode ?? AuthMode.FULL,
      documentId: options.documentId !== undefined ? options.documentId : (options.spreadsheetId ?? this.spreadsheets.keys().next().value ?? null),
      triggerUid: options.triggerUid ?? null,
      startedAt: this.clock.now(),
    });
  }

  /** Ends the current execution (releasing its locks) and starts a user-driven one. */
  startExecution(options: StartOptions = {}): Execution {
    this.endExecution();
    this.current = this.newExecution(options);
    return this.current;
  }

  /** Ends the current execution normally: its writes stay (a run that ends flushes), its locks are released. */
  endExecution(): void {
    if (!this.current.stopped) this.pending.settle();
    this.locks.releaseAllOf(this.current.id);
  }

  /**
   * The platform stops the current execution, as at its time limit: the writes it had not
   * flushed are lost, and this call and every later call of the execution throw
   * "Exceeded maximum execution time". Called from a call listener, it stops the script
   * in the middle of that call.
   */
  stopExecution(): never {
    this.pending.drop();
    this.current.stopped = true;
    return this.realm.fail('Exceeded maximum execution time');
  }

  /** Starts the next execution as `email` in AuthMode.FULL (a menu click, a sidebar call). */
  setUser(email: string): Execution {
    return this.startExecution({ user: email });
  }

  /**
   * Starts a time-driven execution of trigger `triggerUid` (default: the only trigger) and
   * returns the event object to pass to its function. It runs as the trigger's creator,
   * for the trigger's document, with no Ui and an active spreadsheet as `platform` says.
   */
  runAsTrigger(triggerUid?: string): TimeDrivenEvent {
    const records = this.triggerTable.records;
    const trigger = triggerUid === undefined ? (records.length === 1 ? records[0] : undefined) : records.find((r) => r.uid === triggerUid);
    if (!trigger) throw new Error(triggerUid === undefined ? `runAsTrigger needs a uid: there are ${records.length} triggers` : `no trigger ${triggerUid}`);
    // "Test an Editor add-on": installable triggers are not supported in a test deployment.
    if (this.platform.deployment === 'test-deployment') throw new Error('a test deployment runs no installable trigger (Test an Editor add-on)');
    this.endExecution();
    this.current = this.newExecution({ user: trigger.user, authMode: AuthMode.FULL, documentId: trigger.documentId, triggerUid: trigger.uid });
    const t = wallTime(this.clock.now(), trigger.timeZone);
    const startOfYear = Date.UTC(t.year, 0, 1);
    const dayOfYear = Math.floor((Date.UTC(t.year, t.month - 1, t.day) - startOfYear) / 86_400_000);
    return {
      authMode: AuthMode.FULL, triggerUid: trigger.uid, year: t.year, month: t.month, 'day-of-month': t.day,
      'day-of-week': t.weekday, 'week-of-year': Math.floor(dayOfYear / 7) + 1, hour: t.hour, minute: t.minute, second: t.second,
      timezone: trigger.timeZone,
    };
  }

  /** Makes another execution hold the document lock of `spreadsheetId` (default: the first book). */
  holdDocumentLock(options: { spreadsheetId?: string; releaseAfterMs?: number } = {}): HeldLock {
    const id = options.spreadsheetId ?? this.spreadsheet.id;
    const other = this.newExecution({ documentId: id });
    return this.locks.holdFor(id, other.id, options.releaseAfterMs ?? null);
  }

  /** Changes context switches from the next call on (e.g. document properties that come back null). */
  changePlatform(change: PlatformOptions): void {
    Object.assign(this.platform, Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)));
  }

  /** What ScriptApp.getAuthorizationInfo reports from now on. */
  setAuthorizationRequired(required: boolean): void {
    this.scriptApp.authorizationRequired = required;
  }

  /**
   * A fresh vm context holding the globals, whose scripts receive exceptions of the
   * context's own Error (so `e instanceof Error` holds inside the script, as in Apps Script).
   */
  createContext(extra: Record<string, unknown> = {}): vm.Context {
    const context = vm.createContext({ ...this.globals, ...extra });
    this.realm.useErrorType(vm.runInContext('Error', context) as ErrorConstructor);
    return context;
  }
}

export function createAppsScriptEnvironment(options: EnvironmentOptions = {}): AppsScriptEnvironment {
  return new AppsScriptEnvironment(options);
}
