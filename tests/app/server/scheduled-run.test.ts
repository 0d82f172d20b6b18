import { describe, expect, it } from 'vitest';
import type { ServerContext, Triggers } from '../../../src/app/server/ports.js';
import { type ScheduleRecord, installSchedule, loadSchedule, removeSchedule, scheduleStatus } from '../../../src/app/server/schedule.js';
import { runScheduled } from '../../../src/app/server/scheduled-run.js';
import { parseDay } from '../../../src/core/parse/days.js';
import { Settings } from '../../../src/core/settings/schema.js';
import type { MemoryWorkbook } from '../../../src/node/book/memory-workbook.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';
import { failure } from './refusal.js';

const MANAGER = 'manager@example.com';
const OTHER = 'other@example.com';
const managers = { managers: [MANAGER, OTHER] };
const settings = () => Settings.parse(managers);
const TODAY = parseDay('2026-11-02') as number;

/** Each user's own triggers, as Apps Script keeps them; `authorized` says whether the user's authorization still holds. */
function userTriggers(user: string, authorized: boolean): Triggers & { ids: string[] } {
  const ids: string[] = [];
  let next = 1;
  return {
    ids,
    mine: () => [...ids],
    createHourly: () => {
      const id = `${user.split('@')[0]}-${next++}`;
      ids.push(id);
      return id;
    },
    remove: (id) => {
      if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
    },
    authorized: () => authorized,
  };
}

/** A small book at 09:00 UTC on 2026-11-02 (the schedule's hour is 6 by default); `as(user)` is that user's call. */
function book(saved: object = managers) {
  const workbook: MemoryWorkbook = memoryBook({ Customers: [['Customer ID', 'Owner'], ['C1', '']] });
  const session = previewSession(workbook, memoryState(), {
    user: MANAGER, today: TODAY, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 2, 9),
  }, saved);
  const triggers = new Map<string, Triggers & { ids: string[] }>();
  const as = (user: string, authorized = true): ServerContext => {
    if (!triggers.has(user)) triggers.set(user, userTriggers(user, authorized));
    return { ...session.context(), user: { email: user }, triggers: triggers.get(user)! };
  };
  const log = () => (workbook.readTable('TW Log')?.rows ?? []).map((row) => row[6]);
  return { as, log, rows: () => workbook.readTable('TW Log')?.rows ?? [] };
}

describe('installing the schedule', () => {
  it('creates one hourly trigger, keeps it on a second install, and says when it runs next', () => {
    const { as } = book();
    const first = installSchedule(as(MANAGER), settings(), { takeOver: false });
    expect(first).toMatchObject({ installed: true, owner: MANAGER, mine: true, hour: 6, nextRun: '2026-11-02 10:00' });
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    expect(as(MANAGER).triggers.mine()).toEqual(['manager-1']);
    expect(loadSchedule(as(MANAGER))).toMatchObject({ owner: MANAGER, triggerId: 'manager-1', lastMonthly: '2026-11', lastDaily: null });
  });

  it('shows another manager who runs it, and lets them take it over only on purpose', () => {
    const { as } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    expect(failure(() => installSchedule(as(OTHER), settings(), { takeOver: false }))).toBe(
      'manager@example.com already runs the schedule of this book (installed 2026-11-02). Take it over to run it under your account instead.',
    );
    expect(installSchedule(as(OTHER), settings(), { takeOver: true })).toMatchObject({ owner: OTHER, mine: true });
    expect(failure(() => installSchedule(as(MANAGER), settings(), { takeOver: false }))).toMatch(/^other@example\.com already runs the schedule/);
  });

  it('keeps what the schedule did so far when another manager takes it over, and knows its owner in any case', () => {
    const { as } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    // This book has no Reps tab, so the daily run fails and says why.
    runScheduled(as(MANAGER), 'manager-1');
    as(MANAGER).schedule.write({ ...loadSchedule(as(MANAGER))!, lastDaily: TODAY });
    const ran = loadSchedule(as(MANAGER))!;
    expect(ran.lastError).toMatch(/Reps/);
    const taken = installSchedule(as(OTHER), settings(), { takeOver: true });
    expect(taken).toMatchObject({ owner: OTHER, lastRun: ran.lastRun, lastOutcome: 'failed', lastError: ran.lastError });
    expect(loadSchedule(as(OTHER))).toMatchObject({ lastDaily: TODAY, lastMonthly: ran.lastMonthly, triggerId: 'other-1' });
    expect(scheduleStatus({ ...as(OTHER), user: { email: 'Other@Example.com' } }, settings()).mine).toBe(true);
  });

  it('may be removed by another manager, and by its owner whatever the case of the e-mail', () => {
    const { as } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    expect(removeSchedule(as(OTHER), settings())).toMatchObject({ installed: false });
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    expect(removeSchedule(as('Manager@Example.com'), Settings.parse({ managers: [OTHER] }))).toMatchObject({ installed: false });
  });

  it('is not a rep’s to install or to remove from under a manager', () => {
    const { as } = book();
    expect(failure(() => installSchedule(as('rep@example.com'), settings(), { takeOver: false }))).toMatch(/^rep@example\.com is not a manager of this book, so it cannot install the schedule/);
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    expect(failure(() => removeSchedule(as('rep@example.com'), settings()))).toMatch(/so it cannot remove the schedule manager@example\.com runs/);
    expect(removeSchedule(as(MANAGER), settings())).toMatchObject({ installed: false, owner: null });
    expect(as(MANAGER).triggers.mine()).toEqual([]);
  });
});

describe('an hourly tick', () => {
  it('runs nothing when it is not this book’s trigger, and says so', () => {
    const { as, log } = book();
    expect(runScheduled(as(MANAGER), 'manager-9')).toEqual({ ran: false, outcome: 'Not called by a schedule trigger of this book; nothing ran.' });
    expect(log()).toEqual([]);
  });

  it('of a trigger the schedule was taken from deletes itself, and says so where the owner looks', () => {
    const { as, log } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    installSchedule(as(OTHER), settings(), { takeOver: true });
    const said = 'The schedule trigger of manager@example.com deleted itself: other@example.com runs the schedule of this book now; nothing ran.';
    expect(runScheduled(as(MANAGER), 'manager-1')).toEqual({ ran: false, outcome: said });
    expect(as(MANAGER).triggers.mine()).toEqual([]);
    expect(loadSchedule(as(OTHER))?.notice).toBe(`2026-11-02 09:00 UTC: ${said}`);
    expect(log()).toEqual([said]);
  });

  it('stops cleanly when its owner’s authorization is gone, and records why', () => {
    const { as, log, rows } = book();
    installSchedule(as(MANAGER, false), settings(), { takeOver: false });
    const said = 'manager@example.com must open Tierwise again to authorize the schedule; nothing ran.';
    expect(runScheduled(as(MANAGER), 'manager-1')).toEqual({ ran: false, outcome: said });
    expect(loadSchedule(as(MANAGER))).toMatchObject({ lastRun: '2026-11-02T09:00:00.000Z', lastOutcome: said, lastError: null });
    expect(log()).toEqual([said]);
    // The TW Log row names the run, the action and the schedule as the actor, with no customer.
    expect(rows()[0].slice(1)).toEqual(['schedule-2026-11-02T09:00:00.000Z', 'schedule', '', '', '', said, 'schedule']);
  });

  it('writes an error to the schedule and TW Log instead of failing silently', () => {
    const { as, log } = book({ ...managers, tiers: { mode: 'sometimes' } });
    const ctx = as(MANAGER);
    ctx.schedule.write({ owner: MANAGER, triggerId: ctx.triggers.createHourly(), spreadsheetId: 'b', installedAt: '2026-11-01T00:00:00.000Z', lastDaily: null, lastMonthly: null, lastRun: null, lastOutcome: null, lastError: null });
    const run = runScheduled(ctx, 'manager-1');
    expect(run.ran).toBe(true);
    expect(run.outcome).toMatch(/^failed: The saved settings cannot be used: /);
    expect(loadSchedule(ctx)).toMatchObject({ lastOutcome: 'failed', lastError: run.outcome.slice('failed: '.length) });
    expect(log()).toEqual([run.outcome]);
  });

  it('does nothing, and logs nothing, when nothing is due', () => {
    const { as, log } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    const ctx = as(MANAGER);
    ctx.schedule.write({ ...loadSchedule(ctx)!, lastDaily: TODAY });
    expect(runScheduled(ctx, 'manager-1')).toEqual({ ran: false, outcome: 'nothing due' });
    expect(loadSchedule(ctx)).toMatchObject({ lastRun: '2026-11-02T09:00:00.000Z', lastOutcome: 'nothing due' });
    expect(log()).toEqual([]);
  });
});

describe('a tick with work due', () => {
  /** Nine customers and one rep, the schedule installed with `record` changed; each tick has time for a few rows only, as on a big sheet. */
  function slowTicks(record: Partial<ScheduleRecord>) {
    const workbook = memoryBook({
      Customers: [['Customer ID', 'Name', 'Owner', 'Historical Revenue'], ...Array.from({ length: 9 }, (_, k) => [`C${k + 1}`, `Co ${k + 1}`, '', 100 * (k + 1)])],
      Reps: [['Name', 'Email'], ['Ann', 'ann@example.com']],
    });
    const session = previewSession(workbook, memoryState(), {
      user: MANAGER, today: TODAY, timeZone: 'Etc/UTC', writeMsPerCall: 0.1, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 2, 9),
    }, managers);
    const triggers = userTriggers(MANAGER, true);
    const ctx = { ...session.context(), triggers };
    installSchedule(ctx, settings(), { takeOver: false });
    ctx.schedule.write({ ...loadSchedule(ctx)!, ...record });
    return { tick: () => runScheduled({ ...session.context(), triggers }, 'manager-1'), record: () => loadSchedule(ctx)! };
  }

  it('goes on with a rescore the time cut short before anything else is due, hour by hour, and counts it as the month\'s once done', () => {
    const { tick, record } = slowTicks({ lastMonthly: '2026-10', lastDaily: TODAY });
    const outcomes = [tick()];
    expect(outcomes[0]).toEqual({ ran: true, outcome: expect.stringMatching(/^rescore stopped at row [1-8] of 9; it goes on next hour$/) });
    expect(record().lastMonthly).toBe('2026-10');
    // The manager's hour has passed and today's daily run is done, so only the unfinished rescore is due.
    while (outcomes.at(-1)!.outcome.startsWith('rescore stopped')) {
      expect(outcomes.length).toBeLessThan(10);
      outcomes.push(tick());
    }
    expect(outcomes.at(-1)!.outcome).toMatch(/^rescored 9 customers as of 2026-11-02/);
    expect(record().lastMonthly).toBe('2026-11');
    expect(tick()).toEqual({ ran: false, outcome: 'nothing due' });
  });

  it('goes on with a propose the time cut short without recycling again', () => {
    const { tick, record } = slowTicks({ lastMonthly: '2026-11' });
    expect(tick().outcome).toMatch(/^recycled 0 stale customers, .*; propose stopped at row [1-8] of 9; it goes on next hour$/);
    expect(record().lastDaily).toBeNull();
    const second = tick();
    expect(second.outcome).toMatch(/^propose stopped at row \d of 9; it goes on next hour$|^proposed owners for 9 customers/);
    expect(second.outcome).not.toMatch(/recycled/);
  });

  it('keeps the record of a manager who took the schedule over while the tick ran', () => {
    const { as } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    const ctx = as(MANAGER);
    // The daily recycle reads the book: the other manager takes over meanwhile.
    const takenOverMidway: ServerContext = {
      ...ctx,
      book: Object.assign(Object.create(ctx.book) as ServerContext['book'], {
        readTable: (tab: string) => {
          if (loadSchedule(ctx)!.owner === MANAGER) installSchedule(as(OTHER), settings(), { takeOver: true });
          return ctx.book.readTable(tab);
        },
      }),
    };
    expect(runScheduled(takenOverMidway, 'manager-1').ran).toBe(true);
    expect(loadSchedule(ctx)).toMatchObject({ owner: OTHER, lastRun: null, lastOutcome: null });
  });

  it('of a trigger whose book has no schedule any more deletes itself, and says so in TW Log', () => {
    const { as, log } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    removeSchedule({ ...as(MANAGER), triggers: userTriggers(MANAGER, true) }, settings());
    const said = 'The schedule trigger of manager@example.com deleted itself: no schedule is installed for this book; nothing ran.';
    expect(runScheduled(as(MANAGER), 'manager-1')).toEqual({ ran: false, outcome: said });
    expect(as(MANAGER).triggers.mine()).toEqual([]);
    expect(log()).toEqual([said]);
  });

  it('holds the book under the schedule\'s name while it runs', () => {
    const { as } = book();
    installSchedule(as(MANAGER), settings(), { takeOver: false });
    const ctx = as(MANAGER);
    const leases: unknown[] = [];
    const watched: ServerContext = { ...ctx, book: Object.assign(Object.create(ctx.book) as ServerContext['book'], { readTable: (tab: string) => (leases.push(ctx.lease.read()), ctx.book.readTable(tab)) }) };
    runScheduled(watched, 'manager-1');
    expect(leases.filter((l) => l !== null)[0]).toMatchObject({ holder: 'the schedule (manager@example.com)', action: 'the schedule' });
  });

  it('rescores on the first run of a month, then recycles and proposes from the manager’s hour, and says what it did', () => {
    const workbook = memoryBook({
      Customers: [['Customer ID', 'Name', 'Owner', 'Region', 'Historical Revenue'], ['C1', 'Acme', '', 'East', 100], ['C2', 'Bolt', 'Ann', 'East', 50], ['C3', 'Cog', '', 'East', 10]],
      Reps: [['Name', 'Email', 'Regions'], ['Ann', 'ann@example.com', 'East'], ['Bob', 'bob@example.com', 'East']],
    });
    const session = previewSession(workbook, memoryState(), {
      user: MANAGER, today: TODAY, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 2, 9),
    }, managers);
    const ctx = { ...session.context(), triggers: userTriggers(MANAGER, true) };
    installSchedule(ctx, settings(), { takeOver: false });
    ctx.schedule.write({ ...loadSchedule(ctx)!, lastMonthly: '2026-10' });
    const run = runScheduled(ctx, 'manager-1');
    expect(run.ran).toBe(true);
    expect(run.outcome).toMatch(/^rescored 3 customers as of 2026-11-02 \(A \d, B \d, C \d\); recycled 0 stale customers, warned 0 newly stale \(0 still in their warning period, 0 due and left for the next run\); proposed owners for 2 customers \(0 could not be placed\), run P-20261102-090000$/);
    expect(loadSchedule(ctx)).toMatchObject({ lastMonthly: '2026-11', lastDaily: TODAY, lastOutcome: run.outcome, lastError: null });
    expect(runScheduled(ctx, 'manager-1')).toEqual({ ran: false, outcome: 'nothing due' });
  });
});
