import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OWN_TABS } from '../../../src/app/owned-columns.js';
import * as surface from '../../../src/app/server/functions.js';
import { loadJob } from '../../../src/app/server/job.js';
import { currentLease, type Lease } from '../../../src/app/server/lease.js';
import type { ServerBook, ServerContext } from '../../../src/app/server/ports.js';
import { type ServerFunction, callServer } from '../../../src/app/server/server-function.js';
import { parseDay } from '../../../src/core/parse/days.js';
import type { Settings } from '../../../src/core/settings/schema.js';
import { MemoryWorkbook } from '../../../src/node/book/memory-workbook.js';
import { DEMO_AS_OF, type DemoTab, buildDemoBook } from '../../../src/node/demo-book.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryState, table } from '../book-fixtures.js';
import { failure } from './refusal.js';

/**
 * The server surface as the sidebar calls it (callServer over functions.ts): who may do
 * what, what a call answers, and what it leaves in the book. A small demo book (70
 * customers, 8 reps) keeps every call quick.
 */
const MANAGER = 'manager@example.com';
const REP = 'alice.chen@example.com';

/** `writeMsPerCall`: how long each call may write (null: as long as it needs), as in the preview's slow mode. */
function smallDemo(settings: Partial<Settings> = {}, writeMsPerCall: number | null = null, edit: (tabs: DemoTab[]) => void = () => {}) {
  const tabs = buildDemoBook(70, 300);
  edit(tabs);
  const workbook = new MemoryWorkbook(tabs.map((t) => table(t.name, t.rows)), new Set(Object.values(OWN_TABS)));
  const state = memoryState();
  const session = previewSession(workbook, state, {
    user: MANAGER, today: parseDay(DEMO_AS_OF) as number, timeZone: 'Etc/UTC', writeMsPerCall, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 1, 9),
  }, { managers: [MANAGER], ...settings });
  const as = (email: string): ServerContext => ({ ...session.context(), user: { email } });
  const column = (header: string) => {
    const customers = workbook.readTable('Customers')!;
    const at = customers.header.indexOf(header);
    return at < 0 ? null : customers.rows.map((r) => r[at]);
  };
  return { workbook, session, state, as, column };
}

/** The context `ctx` with a book that records, at each read of a tab, the lease the book is held under. */
function watchingLease(ctx: ServerContext): { ctx: ServerContext; seen: () => { holder: string; action: string }[] } {
  const seen: (Lease | null)[] = [];
  const book: ServerBook = Object.assign(Object.create(ctx.book) as ServerBook, {
    readTable: (tab: string) => {
      seen.push(currentLease(ctx));
      return ctx.book.readTable(tab);
    },
  });
  const held = () => [...new Map(seen.filter((l) => l !== null).map((l) => [`${l.holder} ${l.action}`, { holder: l.holder, action: l.action }])).values()];
  return { ctx: { ...ctx, book }, seen: held };
}

describe('a call with a bad input', () => {
  it('is refused naming each bad field by its path, and a call with no input at all takes every default', () => {
    const { as } = smallDemo();
    expect(failure(() => callServer(surface.rescoreFunction, as(MANAGER), { asOf: '1 Nov 2026' }))).toBe('rescore was called with a bad input: asOf: a date in the form YYYY-MM-DD');
    expect(failure(() => callServer(surface.claimFunction, as(MANAGER), { customerId: '', rep: 7 }))).toMatch(/^claim was called with a bad input: customerId: .+; rep: .+$/);
    expect(failure(() => callServer(surface.saveSettingsFunction, as(MANAGER), 'settings'))).toMatch(/^saveSettings was called with a bad input: input: /);
    expect(failure(() => callServer(surface.applyFunction, as(MANAGER), { only: ['C0001', 2] }))).toMatch(/^apply was called with a bad input: only\.1: /);
    expect(callServer(surface.getStateFunction, as(MANAGER), undefined).user).toEqual({ email: MANAGER, manager: true });
  });

  it('names the function that refused it', () => {
    const { as } = smallDemo();
    const functions: ServerFunction<z.ZodType, z.ZodType>[] = Object.values(surface);
    const named = functions.map((fn) => failure(() => callServer(fn, as(MANAGER), 'not an object')).split(' was called')[0]);
    expect(named).toEqual(['getState', 'rescore', 'propose', 'apply', 'undo', 'recycle', 'claim', 'saveSettings', 'installSchedule', 'removeSchedule']);
  });

  it('refuses a date with anything before or after its YYYY-MM-DD', () => {
    const { as } = smallDemo();
    for (const asOf of ['x2026-11-01', '2026-11-01T09:00']) {
      expect(failure(() => callServer(surface.rescoreFunction, as(MANAGER), { asOf }))).toBe('rescore was called with a bad input: asOf: a date in the form YYYY-MM-DD');
    }
  });
});

describe('rescore from the sidebar', () => {
  it('writes every customer in one call on a small book, under a lease naming the user, and leaves no lease or job behind', () => {
    const { as, column } = smallDemo();
    const { ctx, seen } = watchingLease(as(MANAGER));
    const answer = callServer(surface.rescoreFunction, ctx, {});
    expect(answer).toMatchObject({ asOf: DEMO_AS_OF, status: 'done', rows: 70, rowsWritten: 70, customers: 68 });
    expect(column('TW Tier')!.filter((tier) => tier === 'A' || tier === 'B' || tier === 'C')).toHaveLength(68);
    expect(seen()).toEqual([{ holder: MANAGER, action: 'rescore' }]);
    expect(currentLease(ctx)).toBeNull();
    expect(loadJob(ctx.job)).toBeNull();
  });

  it('runs under a lease called "someone" when Google gives no e-mail', () => {
    const { ctx, seen } = watchingLease(smallDemo().as(''));
    callServer(surface.rescoreFunction, ctx, {});
    expect(seen()).toEqual([{ holder: 'someone', action: 'rescore' }]);
  });

  it('scores as of the date asked for, and refuses a date that does not exist', () => {
    const { as } = smallDemo();
    expect(callServer(surface.rescoreFunction, as(MANAGER), { asOf: '2026-10-15' }).asOf).toBe('2026-10-15');
    expect(failure(() => callServer(surface.rescoreFunction, as(MANAGER), { asOf: '2026-02-30' }))).toMatch(/^asOf: .*February 2026 has 28 days/);
  });

  it('answers with what the summary shows: tiers, segments, issues, notes, the score and the movement', () => {
    const answer = callServer(surface.rescoreFunction, smallDemo().as(MANAGER), {});
    expect(Object.keys(answer).sort()).toEqual(['asOf', 'customers', 'issues', 'movement', 'notes', 'rows', 'rowsWritten', 'score', 'segments', 'status', 'tiers'].sort());
    expect(answer.tiers.A + answer.tiers.B + answer.tiers.C).toBe(answer.customers);
  });

  it('stops when its time runs out, says so, and the next call writes on from what it saved; the Sheets touches come once it is done', () => {
    const { as, session } = smallDemo({ sheets: { ownerValidation: true } }, 2);
    const first = callServer(surface.rescoreFunction, as(MANAGER), {});
    expect(first).toMatchObject({ status: 'stopped', rows: 70 });
    expect(first.rowsWritten).toBeLessThan(70);
    expect(first.notes.at(-1)).toMatch(/^Time ran out after row \d+ of 70; the next run writes on from customer C\d{4}\.$/);
    expect(session.book.touches.size).toBe(0);
    const second = callServer(surface.rescoreFunction, as(MANAGER), {});
    expect(second.notes).toContain('It wrote on from the results saved when it started, without computing them again.');
    expect(second.tiers).toEqual(first.tiers);
    const ctx = as(MANAGER);
    const last = callServer(surface.rescoreFunction, { ...ctx, startedMs: ctx.clock.now().getTime() }, {});
    expect(last.status).toBe('done');
    expect(session.book.touches.get('Customers')?.ownerChoices?.names).toHaveLength(7);
  });

  it('offers no list of reps when the book has no Owner column or no Reps tab to take it from', () => {
    const noOwner = smallDemo({ sheets: { ownerValidation: true } }, null, ([customers]) => {
      customers.rows[0] = customers.rows[0].map((header) => (header === 'Owner' ? 'Holder' : header));
    });
    callServer(surface.rescoreFunction, noOwner.as(MANAGER), {});
    expect(noOwner.session.book.touches.get('Customers')).toEqual({ ownerHeader: null, ownerChoices: null });
    const noReps = smallDemo({ sheets: { ownerValidation: true }, tabs: { customers: 'Customers', deals: 'Deals', reps: 'Team' } } as Partial<Settings>);
    callServer(surface.rescoreFunction, noReps.as(MANAGER), {});
    expect(noReps.session.book.touches.get('Customers')).toEqual({ ownerHeader: 'Owner', ownerChoices: null });
  });

  it('offers the active reps as the Owner column\'s list when the manager switched it on, and no list otherwise', () => {
    const on = smallDemo({ sheets: { ownerValidation: true } });
    callServer(surface.rescoreFunction, on.as(MANAGER), {});
    const touch = on.session.book.touches.get('Customers')!;
    expect(touch.ownerHeader).toBe('Owner');
    expect(touch.ownerChoices!.names).toEqual(['Alice Chen', 'Bob Martin', 'Carla Diaz', 'David Kim', 'Emma Wang', 'Grace Liu', 'Henry Zhao']);
    const reps = on.workbook.readTable('Reps')!;
    expect(touch.ownerChoices!.cells).toEqual({ tab: 'Reps', column: 0, firstRow: reps.headerRow + 1, rows: 8 });
    const off = smallDemo();
    callServer(surface.rescoreFunction, off.as(MANAGER), {});
    expect(off.session.book.touches.get('Customers')).toEqual({ ownerHeader: 'Owner', ownerChoices: null });
  });
});

describe('propose from the sidebar', () => {
  it('saves a manager\'s proposals for apply and writes them into the book', () => {
    const { as, column } = smallDemo();
    const answer = callServer(surface.proposeFunction, as(MANAGER), {});
    expect(answer).toMatchObject({ saved: true, status: 'done', rows: 70, rowsWritten: 70, asOf: DEMO_AS_OF });
    expect(column('TW Proposed Owner')!.some((owner) => owner !== null && owner !== '')).toBe(true);
  });

  it('shows a rep the same proposals as a preview that writes nothing, and says so', () => {
    const rep = smallDemo();
    const preview = callServer(surface.proposeFunction, rep.as(REP), {});
    expect(preview).toMatchObject({ saved: false, status: 'done', rowsWritten: 0, rows: 68 });
    expect(preview.notes).toContain(`Only a manager's proposals are saved for apply, so this preview by ${REP} wrote nothing and leaves the saved run as it was.`);
    expect(rep.column('TW Proposed Owner')).toBeNull();
    const manager = smallDemo();
    const saved = callServer(surface.proposeFunction, manager.as(MANAGER), {});
    expect(preview.assign.proposed).toEqual(saved.assign.proposed);
    const anonymous = callServer(surface.proposeFunction, rep.as(''), {});
    expect(anonymous.notes.at(-1)).toBe('Only a manager\'s proposals are saved for apply, so this preview by someone wrote nothing and leaves the saved run as it was.');
  });

  it('stops when its time runs out and writes on from what it saved; its proposals are saved for apply', () => {
    const { as, session } = smallDemo({}, 1);
    const first = callServer(surface.proposeFunction, as(MANAGER), {});
    expect(first).toMatchObject({ status: 'stopped', saved: true, rows: 70 });
    expect(first.notes.at(-1)).toMatch(/^Time ran out after row \d+ of 70/);
    expect(session.book.touches.size).toBe(0);
    const second = callServer(surface.proposeFunction, as(MANAGER), {});
    expect(second.notes).toContain(`Resumed the propose of ${DEMO_AS_OF} at row ${first.rowsWritten + 1} of 70.`);
    expect(second.notes).toContain('It wrote on from the results saved when it started, without computing them again.');
    const ctx = as(MANAGER);
    expect(callServer(surface.proposeFunction, { ...ctx, startedMs: ctx.clock.now().getTime() }, {}).status).toBe('done');
    expect(session.book.touches.get('Customers')).toEqual({ ownerHeader: 'Owner', ownerChoices: null });
  });

  it('previews as of the date a rep asks for, and refuses a date that does not exist', () => {
    const { as } = smallDemo();
    expect(callServer(surface.proposeFunction, as(REP), { asOf: '2026-10-15' }).asOf).toBe('2026-10-15');
    expect(failure(() => callServer(surface.proposeFunction, as(REP), { asOf: '2026-02-30' }))).toMatch(/^asOf: .*February 2026 has 28 days/);
  });

  it('lets a manager propose every customer again with rebalance, not only those without a valid owner', () => {
    const { as } = smallDemo();
    const fill = callServer(surface.proposeFunction, as(MANAGER), {});
    const rebalance = callServer(surface.proposeFunction, as(MANAGER), { rebalance: true });
    expect(rebalance.assign.proposed).toBeGreaterThan(fill.assign.proposed);
  });
});

describe('the lease a sidebar action holds while it runs', () => {
  it('names the user and the action, or "someone" when Google gives no e-mail', () => {
    const { as } = smallDemo();
    const held = (email: string, run: (ctx: ServerContext) => unknown) => {
      const { ctx, seen } = watchingLease(as(email));
      run(ctx);
      return seen();
    };
    expect(held(MANAGER, (ctx) => callServer(surface.proposeFunction, ctx, {}))).toEqual([{ holder: MANAGER, action: 'propose' }]);
    expect(held(MANAGER, (ctx) => callServer(surface.applyFunction, ctx, {}))).toEqual([{ holder: MANAGER, action: 'apply' }]);
    expect(held(MANAGER, (ctx) => callServer(surface.undoFunction, ctx, {}))).toEqual([{ holder: MANAGER, action: 'undo' }]);
    expect(held('', (ctx) => callServer(surface.recycleFunction, ctx, { dryRun: true }))).toEqual([{ holder: 'someone', action: 'recycle' }]);
    expect(held(REP, (ctx) => callServer(surface.recycleFunction, ctx, { dryRun: true }))).toEqual([{ holder: REP, action: 'recycle' }]);
    expect(held(REP, (ctx) => failure(() => callServer(surface.claimFunction, ctx, { customerId: 'C0001', rep: 'Bob Martin' })))).toEqual([]);
    expect(held(MANAGER, (ctx) => failure(() => callServer(surface.claimFunction, ctx, { customerId: 'nobody' })))).toEqual([{ holder: MANAGER, action: 'claim' }]);
  });
});

describe('who may change owners', () => {
  it('refuses apply and undo to a rep, naming the managers, and lets the manager apply what they proposed', () => {
    const { as, column } = smallDemo();
    expect(failure(() => callServer(surface.applyFunction, as(REP), {}))).toBe(`${REP} is not a manager of this book, so it cannot apply proposals. Managers: ${MANAGER}.`);
    expect(failure(() => callServer(surface.undoFunction, as(REP), {}))).toBe(`${REP} is not a manager of this book, so it cannot undo an apply. Managers: ${MANAGER}.`);
    const before = column('Owner');
    callServer(surface.proposeFunction, as(MANAGER), {});
    const applied = callServer(surface.applyFunction, as(MANAGER), {});
    expect(applied.apply.applied).toBeGreaterThan(0);
    expect(column('Owner')).not.toEqual(before);
    callServer(surface.undoFunction, as(MANAGER), {});
    expect(column('Owner')).toEqual(before);
  });

  it('applies only the customers the manager picked, as of the day asked for, and only the run they reviewed', () => {
    const { as, column, workbook } = smallDemo();
    const proposed = callServer(surface.proposeFunction, as(MANAGER), {});
    const list = callServer(surface.applyFunction, as(MANAGER), { only: ['nobody'], runId: proposed.assign.runId, asOf: '2026-10-20' });
    expect(list).toMatchObject({ asOf: '2026-10-20', apply: { applied: 0, skipped: [{ customerId: 'nobody' }] } });
    expect(failure(() => callServer(surface.applyFunction, as(MANAGER), { runId: 'P-another' }))).toMatch(/P-another/);
    const customers = workbook.readTable('Customers')!;
    const before = column('Owner');
    const proposedTo = column('TW Proposed Owner')!;
    const k = proposedTo.findIndex((to, r) => to !== null && to !== '' && to !== before![r]);
    const id = String(customers.rows[k][customers.header.indexOf('Customer ID')]);
    expect(callServer(surface.applyFunction, as(MANAGER), { only: [id] }).apply.applied).toBe(1);
    expect(column('Owner')!.filter((owner, r) => owner !== before![r])).toEqual([proposedTo[k]]);
    expect(callServer(surface.undoFunction, as(MANAGER), { asOf: '2026-10-21' }).asOf).toBe('2026-10-21');
  });

  it('lets a rep preview a recycle but not run one, and a manager run it', () => {
    const { as } = smallDemo();
    expect(callServer(surface.recycleFunction, as(REP), { dryRun: true }).recycle.dryRun).toBe(true);
    expect(failure(() => callServer(surface.recycleFunction, as(REP), {}))).toBe(`${REP} is not a manager of this book, so it cannot recycle stale customers. Managers: ${MANAGER}.`);
    expect(callServer(surface.recycleFunction, as(MANAGER), {}).recycle.dryRun).toBe(false);
  });

  it('lets a rep claim a pool customer for themselves', () => {
    const { as, column, workbook } = smallDemo();
    const customers = workbook.readTable('Customers')!;
    const free = customers.rows.find((r) => r[customers.header.indexOf('Owner')] === null)!;
    const id = String(free[customers.header.indexOf('Customer ID')]);
    const answer = callServer(surface.claimFunction, as(REP), { customerId: id });
    expect(answer.claim).toMatchObject({ customerId: id, rep: 'Alice Chen' });
    expect(column('Owner')![customers.rows.indexOf(free)]).toBe('Alice Chen');
  });
});

describe('what the sidebar shows when it opens', () => {
  it('shows when the book was last rescored and as of which day, and what was lost from a damaged saved state', () => {
    const { as } = smallDemo();
    expect(callServer(surface.getStateFunction, as(REP), {}).lastRescore).toBeNull();
    callServer(surface.rescoreFunction, as(MANAGER), { asOf: '2026-10-15' });
    expect(callServer(surface.getStateFunction, as(REP), {}).lastRescore).toEqual({ asOf: '2026-10-15', runAt: '2026-11-01T09:00:00.000Z' });
    const damaged: ServerContext = { ...as(REP), stateReport: () => 'TW State could not be read; the rotation starts afresh.' };
    expect(callServer(surface.getStateFunction, damaged, {}).stateProblem).toBe('TW State could not be read; the rotation starts afresh.');
  });
});

describe('settings and the schedule from the sidebar', () => {
  it('saves a manager\'s settings and refuses a rep\'s', () => {
    const { as } = smallDemo();
    const saved = callServer(surface.saveSettingsFunction, as(MANAGER), { settings: { managers: [MANAGER], schedule: { hour: 7 } } });
    expect(saved.settings.schedule.hour).toBe(7);
    expect(callServer(surface.getStateFunction, as(MANAGER), {}).settings?.schedule.hour).toBe(7);
    expect(failure(() => callServer(surface.saveSettingsFunction, as(REP), { settings: {} }))).toMatch(/^alice\.chen@example\.com is not a manager of this book, so it cannot save settings/);
  });

  it('installs the schedule at the saved hour for a manager, refuses a rep, and removes it again', () => {
    const { as } = smallDemo({ schedule: { hour: 5 } } as Partial<Settings>);
    expect(failure(() => callServer(surface.installScheduleFunction, as(REP), {}))).toMatch(/cannot install the schedule/);
    const installed = callServer(surface.installScheduleFunction, as(MANAGER), {});
    expect(installed).toMatchObject({ installed: true, owner: MANAGER, mine: true, hour: 5 });
    expect(callServer(surface.removeScheduleFunction, as(MANAGER), {})).toMatchObject({ installed: false, owner: null, hour: 5 });
  });
});
