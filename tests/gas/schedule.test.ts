import { describe, expect, it } from 'vitest';
import { MANAGER, OTHER_MANAGER, REP, managedBook, refusal, tab } from './bundle.js';
import { snapshotSheet } from './fakes/index.js';

/** The outcomes the schedule wrote into TW Log, oldest first. */
function scheduleLog(env: ReturnType<typeof managedBook>['env']): string[] {
  const sheet = env.spreadsheet.sheetNamed('TW Log');
  if (!sheet) return [];
  const rows = sheet.rawRange(1, 1, sheet.maxRows, 8).getValues();
  return rows.filter((row) => row[2] === 'schedule').map((row) => String(row[6]));
}

describe('installing the schedule', () => {
  it('creates one hourly trigger, and installing again keeps it', () => {
    const { env, gas } = managedBook();
    const first = gas.installSchedule({});
    expect(env.triggers).toHaveLength(1);
    expect(env.triggers[0]).toMatchObject({ handler: 'onSchedule', everyHours: 1, user: MANAGER, documentId: 'book-1' });
    const uid = env.triggers[0].uid;
    const second = gas.installSchedule({});
    expect(env.triggers.map((t) => t.uid)).toEqual([uid]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ installed: true, owner: MANAGER, mine: true });
  });

  it('shows another manager who owns it, and lets them take it over only on purpose', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    const oldUid = env.triggers[0].uid;
    env.setUser(OTHER_MANAGER);
    expect(gas.getState().schedule).toMatchObject({ installed: true, owner: MANAGER, mine: false });
    expect(refusal(() => gas.installSchedule({}))).toContain(`${MANAGER} already runs the schedule of this book`);
    expect(env.triggers).toHaveLength(1);
    const taken = gas.installSchedule({ takeOver: true });
    expect(taken).toMatchObject({ owner: OTHER_MANAGER, mine: true });
    // The old owner's trigger is no longer the recorded one: it runs nothing and deletes itself.
    const event = env.runAsTrigger(oldUid);
    expect(gas.onSchedule(event)).toEqual({ ran: false, outcome: `The schedule trigger of ${MANAGER} deleted itself: ${OTHER_MANAGER} runs the schedule of this book now; nothing ran.` });
  });

  it('removes idempotently', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    expect(gas.removeSchedule({}).installed).toBe(false);
    expect(gas.removeSchedule({}).installed).toBe(false);
    expect(env.triggers).toHaveLength(0);
  });

  it('is not a rep’s to install', () => {
    const { env, gas } = managedBook();
    env.setUser(REP);
    expect(refusal(() => gas.installSchedule({}))).toContain('cannot install the schedule');
    expect(env.triggers).toHaveLength(0);
  });
});

describe('onSchedule', () => {
  it('does nothing unless called with the trigger id recorded at install', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    env.setUser(MANAGER);
    expect(gas.onSchedule().ran).toBe(false);
    expect(gas.onSchedule({ triggerUid: '' }).ran).toBe(false);
    const event = env.runAsTrigger();
    expect(gas.onSchedule({ ...event, triggerUid: '123' })).toEqual({ ran: false, outcome: 'Not called by a schedule trigger of this book; nothing ran.' });
    expect(scheduleLog(env)).toEqual([]);
    expect(env.triggers).toHaveLength(1);
  });

  it('stops cleanly when its owner’s authorization is gone', () => {
    const { env, gas } = managedBook();
    gas.installSchedule({});
    env.setAuthorizationRequired(true);
    const before = snapshotSheet(tab(env, 'Customers'));
    expect(gas.onSchedule(env.runAsTrigger()).ran).toBe(false);
    expect(snapshotSheet(tab(env, 'Customers'))).toEqual(before);
  });

  it('runs the daily jobs from the manager’s hour and the rescore on the first run of a month, in the book’s time zone', () => {
    // 2024-03-31 23:30 UTC is 2024-04-01 08:30 in Tokyo.
    const { env, gas } = managedBook({ now: '2024-03-31T23:30:00Z', timeZone: 'Asia/Tokyo' });
    gas.saveSettings({ settings: { managers: [MANAGER], schedule: { hour: 9 } } });
    gas.installSchedule({});
    const tick = () => gas.onSchedule(env.runAsTrigger());

    expect(tick()).toEqual({ ran: false, outcome: 'nothing due' });
    env.clock.set('2024-04-01T00:30:00Z'); // 09:30 in Tokyo
    expect(tick().outcome).toMatch(/^recycled \d+ stale customers, warned \d+ newly stale \(\d+ still in their warning period, \d+ due and left for the next run\); proposed owners for \d+ customers/);
    env.clock.set('2024-04-01T01:30:00Z');
    expect(tick().outcome).toBe('nothing due');
    env.clock.set('2024-04-30T15:10:00Z'); // 2024-05-01 00:10 in Tokyo: a new month, before the hour
    expect(tick().outcome).toMatch(/^rescored 12 customers as of 2024-05-01/);
    env.clock.set('2024-04-30T16:10:00Z');
    expect(tick().outcome).toBe('nothing due');

    env.setUser(MANAGER);
    const status = gas.getState().schedule;
    expect(status).toMatchObject({ lastOutcome: 'nothing due', lastError: null, nextRun: '2024-05-01 09:00', timeZone: 'Asia/Tokyo' });
    expect(scheduleLog(env)).toHaveLength(2);
  });

  it('writes an error to TW Log and the state instead of failing silently', () => {
    const { env, gas } = managedBook({ now: '2024-03-01T10:00:00Z' });
    gas.installSchedule({});
    gas.saveSettings({ settings: { managers: [MANAGER], tabs: { customers: 'Kunden' } } });
    gas.onSchedule(env.runAsTrigger());
    env.setUser(MANAGER);
    // No Kunden tab: the run makes it from the deals (an orders-only book), which have no owners to recycle.
    expect(gas.getState().schedule.lastError).toContain('The Kunden tab has no Owner column');
    expect(scheduleLog(env)).toEqual([expect.stringContaining('failed: The Kunden tab has no Owner column')]);
  });
});
