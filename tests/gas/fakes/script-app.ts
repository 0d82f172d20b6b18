/**
 * ScriptApp: time-driven triggers under the editor add-on rules (DESIGN §6, "Triggers for
 * Editor add-ons"): one time-driven trigger per user per document, and none more often
 * than hourly. Every user also has at most 20 triggers per script (Quotas page). A trigger
 * belongs to the user who created it and to the document the execution ran for; a user
 * sees only their own.
 *
 * Messages: "This add-on has created too many time-based triggers in this document for
 * this Google user account." is the text users report; the hourly rule's message could not
 * be confirmed and is worded here.
 */
import { AuthMode, AuthorizationStatus, EventType, TriggerSource, WeekDay, type EnumMember } from './enums.js';
import type { Host } from './host.js';
import { unwrap, expose } from './surface.js';
import { FakeSpreadsheet } from './spreadsheet.js';
import { isTimeZone } from './time-zone.js';

type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;
type TriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

export const TRIGGERS_PER_USER = 20;

/** A created time-driven trigger, as the environment keeps it. */
export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  readonly user: string;
  readonly documentId: string;
  readonly everyHours: number | null;
  readonly everyDays: number | null;
  readonly everyWeeks: number | null;
  readonly atHour: number | null;
  readonly nearMinute: number | null;
  readonly weekDay: EnumMember | null;
  readonly timeZone: string;
}

type Schedule = Omit<TriggerRecord, 'uid' | 'handler' | 'user' | 'documentId'>;

const TRIGGER_MEMBERS = ['getUniqueId', 'getHandlerFunction', 'getEventType', 'getTriggerSource'] as const satisfies readonly (keyof Trigger)[];
const BUILDER_MEMBERS = ['timeBased'] as const satisfies readonly (keyof TriggerBuilder)[];
const CLOCK_MEMBERS = ['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'atHour', 'nearMinute', 'onWeekDay', 'inTimezone', 'create'] as const satisfies readonly (keyof ClockTriggerBuilder)[];
const AUTH_INFO_MEMBERS = ['getAuthorizationStatus', 'getAuthorizationUrl'] as const satisfies readonly (keyof GoogleAppsScript.Script.AuthorizationInfo)[];
const SCRIPT_APP_MEMBERS = [
  'newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger', 'getAuthorizationInfo',
  'AuthMode', 'AuthorizationStatus', 'EventType', 'TriggerSource', 'WeekDay',
] as const satisfies readonly (keyof ScriptApp)[];

export class TriggerTable {
  readonly records: TriggerRecord[] = [];
  private created = 0;

  nextUid(): string {
    this.created += 1;
    return String(7_000_000 + this.created);
  }
}

class FakeTrigger implements Pick<Trigger, (typeof TRIGGER_MEMBERS)[number]> {
  constructor(readonly record: TriggerRecord) {}
  getUniqueId(): string { return this.record.uid; }
  getHandlerFunction(): string { return this.record.handler; }
  getEventType(): GoogleAppsScript.Script.EventType { return EventType.CLOCK as unknown as GoogleAppsScript.Script.EventType; }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource { return TriggerSource.CLOCK as unknown as GoogleAppsScript.Script.TriggerSource; }
}

class FakeClockTriggerBuilder implements Pick<ClockTriggerBuilder, (typeof CLOCK_MEMBERS)[number]> {
  readonly proxy: ClockTriggerBuilder;
  private schedule: Schedule;

  constructor(private readonly handler: string, private readonly host: Host, private readonly table: TriggerTable) {
    this.proxy = expose<ClockTriggerBuilder>(this, 'ClockTriggerBuilder', CLOCK_MEMBERS, host);
    this.schedule = { everyHours: null, everyDays: null, everyWeeks: null, atHour: null, nearMinute: null, weekDay: null, timeZone: host.scriptTimeZone };
  }

  private with(change: Partial<Schedule>): ClockTriggerBuilder {
    this.schedule = { ...this.schedule, ...change };
    return this.proxy;
  }

  everyMinutes(_n: number): ClockTriggerBuilder {
    return this.host.realm.fail('Add-ons may not create time-based triggers that run more often than once per hour.');
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) this.host.realm.fail(`Invalid argument: ${n}`);
    return this.with({ everyHours: n });
  }

  everyDays(n: number): ClockTriggerBuilder { return this.with({ everyDays: n }); }
  everyWeeks(n: number): ClockTriggerBuilder { return this.with({ everyWeeks: n }); }
  nearMinute(minute: number): ClockTriggerBuilder { return this.with({ nearMinute: minute }); }

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) this.host.realm.fail(`Invalid argument: ${hour}`);
    return this.with({ atHour: hour });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockTriggerBuilder {
    return this.with({ weekDay: day as unknown as EnumMember });
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    if (!isTimeZone(timezone)) this.host.realm.fail(`Invalid argument: ${timezone}`);
    return this.with({ timeZone: timezone });
  }

  create(): Trigger {
    this.host.requireAuthorization('ClockTriggerBuilder.create', 'services');
    const { user, documentId } = this.host.execution();
    const s = this.schedule;
    if (s.everyHours === null && s.everyDays === null && s.everyWeeks === null) {
      this.host.realm.fail('A time-based trigger needs a frequency: call everyHours, everyDays or everyWeeks before create().');
    }
    if (documentId === null) this.host.realm.fail('not supported by the stand-in: triggers of a script without a document');
    const mine = this.table.records.filter((record) => record.user === user);
    if (mine.some((record) => record.documentId === documentId)) {
      this.host.realm.fail('This add-on has created too many time-based triggers in this document for this Google user account.');
    }
    if (mine.length >= TRIGGERS_PER_USER) {
      this.host.realm.fail('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const record: TriggerRecord = { ...s, uid: this.table.nextUid(), handler: this.handler, user, documentId };
    this.table.records.push(record);
    return exposeTrigger(record, this.host);
  }
}

function exposeTrigger(record: TriggerRecord, host: Host): Trigger {
  return expose<Trigger>(new FakeTrigger(record), 'Trigger', TRIGGER_MEMBERS, host);
}

class FakeTriggerBuilder implements Pick<TriggerBuilder, (typeof BUILDER_MEMBERS)[number]> {
  constructor(private readonly handler: string, private readonly host: Host, private readonly table: TriggerTable) {}

  timeBased(): ClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.handler, this.host, this.table).proxy;
  }
}

export class FakeScriptApp implements Pick<ScriptApp, (typeof SCRIPT_APP_MEMBERS)[number]> {
  readonly proxy: ScriptApp;
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;
  /** What getAuthorizationInfo reports; tests flip it to simulate a user who revoked access. */
  authorizationRequired = false;

  constructor(private readonly host: Host, private readonly table: TriggerTable) {
    this.proxy = expose<ScriptApp>(this, 'ScriptApp', SCRIPT_APP_MEMBERS, host);
  }

  newTrigger(functionName: string): TriggerBuilder {
    return expose<TriggerBuilder>(new FakeTriggerBuilder(String(functionName), this.host, this.table), 'TriggerBuilder', BUILDER_MEMBERS, this.host);
  }

  private visible(filter: (record: TriggerRecord) => boolean): Trigger[] {
    this.host.requireAuthorization('ScriptApp triggers', 'services');
    const { user } = this.host.execution();
    return this.table.records.filter((record) => record.user === user && filter(record)).map((record) => exposeTrigger(record, this.host));
  }

  /** The current user's triggers of this project, in every document. */
  getProjectTriggers(): Trigger[] {
    return this.visible(() => true);
  }

  getUserTriggers(document: object): Trigger[] {
    const book = unwrap(document, FakeSpreadsheet) ?? this.host.realm.fail("The parameters don't match the method signature for ScriptApp.getUserTriggers.");
    return this.visible((record) => record.documentId === book.id);
  }

  deleteTrigger(trigger: Trigger): void {
    const target = unwrap(trigger, FakeTrigger) ?? this.host.realm.fail("The parameters don't match the method signature for ScriptApp.deleteTrigger.");
    const at = this.table.records.findIndex((record) => record.uid === target.record.uid && record.user === this.host.execution().user);
    if (at >= 0) this.table.records.splice(at, 1);
  }

  getAuthorizationInfo(_authMode: GoogleAppsScript.Script.AuthMode): GoogleAppsScript.Script.AuthorizationInfo {
    const status = this.authorizationRequired ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
    const url = this.authorizationRequired ? 'https://script.google.com/macros/authorize' : null;
    return expose<GoogleAppsScript.Script.AuthorizationInfo>(
      {
        getAuthorizationStatus: () => status,
        getAuthorizationUrl: () => url,
      },
      'AuthorizationInfo', AUTH_INFO_MEMBERS, this.host,
    );
  }
}
