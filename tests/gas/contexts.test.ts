import { describe, expect, it } from 'vitest';
import { MANAGER, OTHER_MANAGER, columnValues, customersRows, managedBook, refusal, tab } from './bundle.js';
import { SCHEDULE_CONTEXTS, describePlatform, type Platform } from './fakes/index.js';

type Env = ReturnType<typeof managedBook>['env'];

/** The reasons the schedule wrote into TW Log, oldest first. */
function scheduleLog(env: Env): string[] {
  const sheet = env.spreadsheet.sheetNamed('TW Log');
  if (!sheet) return [];
  return sheet.rawRange(1, 1, sheet.maxRows, 8).getValues().filter((row) => row[2] === 'schedule').map((row) => String(row[6]));
}

/** Owner cells by row, as the sheet holds them. */
const owners = (env: Env, rows: number) => columnValues(env, 'Customers', 'Owner', rows);

/**
 * The last moment a run may start its first chunk (src/app/server/job.ts): the execution
 * limit, 6 minutes, less the minute kept for saving. Later chunks stop at the 4.5-minute budget.
 */
const LAST_CHANCE_MS = 5 * 60 * 1000;

describe.each(SCHEDULE_CONTEXTS.map((platform) => [describePlatform(platform), platform] as const))('in the context: %s', (_name, platform: Platform) => {
  it('the schedule runs its daily jobs and records the outcome where the manager sees it', () => {
    const { env, gas } = managedBook({ now: '2024-03-01T10:00:00Z', platform });
    gas.installSchedule({});
    const result = gas.onSchedule(env.runAsTrigger());
    expect(result.ran).toBe(true);
    expect(result.outcome).toMatch(/^recycled \d+ stale customers, warned \d+ newly stale \(\d+ still in their warning period, \d+ due and left for the next run\); proposed owners for \d+ customers/);
    env.setUser(MANAGER);
    expect(gas.getState().schedule).toMatchObject({ lastOutcome: result.outcome, lastError: null });
    expect(scheduleLog(env)).toEqual([result.outcome]);
  });

  it('apply and undo change the owners and put them back', () => {
    const { env, gas } = managedBook({ platform });
    const before = owners(env, 12);
    gas.propose({});
    gas.apply({});
    expect(owners(env, 12)).not.toEqual(before);
    gas.undo({});
    expect(owners(env, 12)).toEqual(before);
  });

  it('a rescore the time stopped is finished by the next tick, every row written once', () => {
    const COUNT = 1_500;
    const { env, gas } = managedBook({ customers: customersRows(COUNT), now: '2024-03-01T03:00:00Z', platform });
    gas.installSchedule({});
    let read = false;
    const slow = env.calls.onCall((method) => {
      if (method === 'Range.getValues' && !read) {
        read = true;
        env.clock.advance(LAST_CHANCE_MS - 300);
      }
      if (method === 'Range.setValues') env.clock.advance(1_000);
    });
    const first = gas.rescore({ asOf: '2024-03-01' });
    slow();
    expect(first.status).toBe('stopped');
    const tick = gas.onSchedule(env.runAsTrigger());
    expect(tick.outcome).toMatch(new RegExp(`^rescored ${COUNT} customers as of 2024-03-01`));
    env.setUser(MANAGER);
    expect(gas.getState().unfinished).toBeNull();
    expect(columnValues(env, 'Customers', 'TW Score', COUNT).every((score) => typeof score === 'number')).toBe(true);
  });
});

describe('the trigger of a bound script, which has the active spreadsheet', () => {
  it('runs the schedule: it is recognised by its triggerUid alone', () => {
    const { env, gas } = managedBook({ now: '2024-03-01T10:00:00Z', platform: { deployment: 'bound' } });
    expect(env.platform.triggerActiveSpreadsheet).toBe(true);
    gas.installSchedule({});
    expect(gas.onSchedule(env.runAsTrigger()).ran).toBe(true);
  });
});

describe('a trigger whose creator no longer owns the schedule', () => {
  it('deletes itself on its next tick when another manager took the schedule over, and says so in TW Log and the sidebar', () => {
    const { env, gas } = managedBook({ now: '2024-03-01T10:00:00Z' });
    gas.installSchedule({});
    const oldUid = env.triggers[0].uid;
    env.setUser(OTHER_MANAGER);
    gas.installSchedule({ takeOver: true });
    expect(env.triggers.map((t) => t.user).sort()).toEqual([OTHER_MANAGER, MANAGER].sort());

    const outcome = gas.onSchedule(env.runAsTrigger(oldUid));
    expect(outcome).toEqual({ ran: false, outcome: `The schedule trigger of ${MANAGER} deleted itself: ${OTHER_MANAGER} runs the schedule of this book now; nothing ran.` });
    expect(env.triggers.map((t) => t.user)).toEqual([OTHER_MANAGER]);
    expect(scheduleLog(env)).toEqual([outcome.outcome]);
    env.setUser(OTHER_MANAGER);
    expect(gas.getState().schedule.notice).toContain(outcome.outcome);
  });

  it('deletes itself when the schedule was removed by another manager', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    env.setUser(OTHER_MANAGER);
    gas.removeSchedule({});
    expect(env.triggers).toHaveLength(1);
    const outcome = gas.onSchedule(env.runAsTrigger());
    expect(outcome.outcome).toBe(`No schedule is recorded for this book, so trigger ${'7000001'} deleted itself; nothing ran.`);
    expect(env.triggers).toHaveLength(0);
    expect(env.logs.map((l) => l.message)).toContain(`Tierwise schedule: ${outcome.outcome}`);
  });

  it('deletes itself in a bound script too, logging it in the book it has open', () => {
    const { env, gas } = managedBook({ platform: { deployment: 'bound' } });
    gas.installSchedule({});
    env.setUser(OTHER_MANAGER);
    gas.removeSchedule({});
    const outcome = gas.onSchedule(env.runAsTrigger());
    expect(outcome.outcome).toBe(`The schedule trigger of ${MANAGER} deleted itself: no schedule is installed for this book; nothing ran.`);
    expect(env.triggers).toHaveLength(0);
    expect(scheduleLog(env)).toEqual([outcome.outcome]);
  });
});

describe('every early exit of the schedule says why where the manager sees it', () => {
  it('a lost authorization goes to lastOutcome and TW Log', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    env.setAuthorizationRequired(true);
    const outcome = gas.onSchedule(env.runAsTrigger());
    expect(outcome).toEqual({ ran: false, outcome: `${MANAGER} must open Tierwise again to authorize the schedule; nothing ran.` });
    env.setAuthorizationRequired(false);
    env.setUser(MANAGER);
    expect(gas.getState().schedule.lastOutcome).toBe(outcome.outcome);
    expect(scheduleLog(env)).toEqual([outcome.outcome]);
  });

  it('a run another run holds the book for goes to lastError and TW Log', () => {
    const { env, gas } = managedBook({ now: '2024-03-01T10:00:00Z' });
    gas.installSchedule({});
    const event = env.runAsTrigger();
    env.holdDocumentLock();
    expect(gas.onSchedule(event).outcome).toContain('failed: Another Tierwise run is writing to this book');
    expect(scheduleLog(env)).toEqual([expect.stringContaining('Another Tierwise run is writing to this book')]);
  });
});

describe('null document services give a sentence, not a TypeError', () => {
  it('a null document lock: writes are refused and nothing changes', () => {
    const { env, gas } = managedBook({ platform: { documentLock: 'null' } });
    const before = owners(env, 12);
    expect(refusal(() => gas.rescore({}))).toContain('Apps Script gave Tierwise no document lock here');
    expect(owners(env, 12)).toEqual(before);
    // Reading still works.
    expect(gas.getState().user.email).toBe(MANAGER);
  });

  it('null document properties: the sidebar and the schedule say so', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    env.changePlatform({ documentProperties: 'null' });
    env.setUser(MANAGER);
    expect(refusal(() => gas.getState())).toContain('no document properties here');
    // A trigger whose document properties come back null cannot even find its schedule.
    const outcome = gas.onSchedule(env.runAsTrigger());
    expect(outcome.outcome).toContain('no document properties here');
    expect(env.logs.map((l) => l.message).join('\n')).toContain('no document properties here');
  });
});

describe('the lock is released only after the writes are flushed', () => {
  it('calls SpreadsheetApp.flush before every Lock.releaseLock', () => {
    const { env, gas } = managedBook();
    const order: string[] = [];
    env.calls.onCall((method) => {
      if (method === 'SpreadsheetApp.flush' || method === 'Lock.releaseLock') order.push(method);
    });
    gas.rescore({});
    gas.propose({});
    gas.apply({});
    gas.undo({});
    const releases = order.filter((m) => m === 'Lock.releaseLock').length;
    expect(releases).toBe(4);
    order.forEach((method, i) => {
      if (method === 'Lock.releaseLock') expect(order[i - 1]).toBe('SpreadsheetApp.flush');
    });
  });
});
