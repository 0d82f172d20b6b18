import { describe, expect, it } from 'vitest';
import { getState } from '../../../src/app/server/get-state.js';
import { applyProposals, claimFromPool, recycleStale, undoApply } from '../../../src/app/server/owner-actions.js';
import type { ServerContext } from '../../../src/app/server/ports.js';
import { parseDay } from '../../../src/core/parse/days.js';
import { Settings } from '../../../src/core/settings/schema.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';
import { failure } from './refusal.js';

const MANAGER = 'manager@example.com';
const settings = () => Settings.parse({ managers: [MANAGER] });

/** One sidebar call by `user` on a small book, on 2026-11-02 in Europe/Berlin, with a clock that stands still. */
function context(user: string, saved: object = { managers: [MANAGER] }): ServerContext {
  const book = memoryBook({ Customers: [['Customer ID', 'Owner'], ['C1', ''], ['C2', 'Ann']], Reps: [['Name', 'Email'], ['Ann', 'ann@example.com']] });
  const session = previewSession(book, memoryState(), {
    user, today: parseDay('2026-11-02') as number, timeZone: 'Europe/Berlin', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 2, 9),
  }, saved);
  return session.context();
}

const unfinished = { action: 'rescore', asOf: '2026-11-01', fingerprint: 'f', next: { row: 120, customerId: 'C121' }, total: 500, startedAt: '2026-11-01T09:00:00.000Z', msPerRow: 0.1, results: null };
describe('changing owners from the sidebar', () => {
  it('lets a rep claim only for themselves, matched by e-mail in any case, and a manager for anyone', () => {
    const rep = context('ann@example.com');
    expect(failure(() => claimFromPool(rep, settings(), { asOf: null, customerId: 'C1', rep: 'Bob' }, 'ann@example.com'))).toBe('ann@example.com may claim customers only for itself; a manager can claim for Bob.');
    rep.job.write(unfinished);
    // Past the role check, the unfinished job stops the claim.
    expect(failure(() => claimFromPool(rep, settings(), { asOf: null, customerId: 'C1', rep: ' ANN@example.com ' }, 'ann@example.com'))).toMatch(/^The rescore of 2026-11-01 stopped/);
    const manager = context(MANAGER);
    manager.job.write(unfinished);
    expect(failure(() => claimFromPool(manager, settings(), { asOf: null, customerId: 'C1', rep: 'Bob' }, MANAGER))).toMatch(/^The rescore of 2026-11-01 stopped/);
  });

  it('cannot tell which rep claims when Google gives no e-mail', () => {
    expect(failure(() => claimFromPool(context(''), settings(), { asOf: null, customerId: 'C1', rep: null }, ''))).toBe(
      'Google did not give us your e-mail, so we cannot tell which rep you are; ask a manager to claim for you.',
    );
  });

  it('refuses to apply, undo, recycle or claim while a long job is unfinished, saying where it stopped', () => {
    const ctx = context(MANAGER);
    ctx.job.write(unfinished);
    const said = 'The rescore of 2026-11-01 stopped at row 120 of 500; run rescore again to finish it first.';
    expect(failure(() => applyProposals(ctx, settings(), { asOf: null, only: null, runId: null }, MANAGER))).toBe(said);
    expect(failure(() => undoApply(ctx, settings(), { asOf: null }, MANAGER))).toBe(said);
    expect(failure(() => recycleStale(ctx, settings(), { asOf: null, dryRun: true }, MANAGER))).toBe(said);
    expect(failure(() => claimFromPool(ctx, settings(), { asOf: null, customerId: 'C1', rep: 'Ann' }, MANAGER))).toBe(said);
  });

  it('refuses an as-of date that does not exist, and takes the book’s today when none is given', () => {
    const ctx = context(MANAGER);
    expect(failure(() => recycleStale(ctx, settings(), { asOf: '2026-02-30', dryRun: true }, MANAGER))).toMatch(/^asOf: .*February 2026 has 28 days/);
    expect(recycleStale(ctx, settings(), { asOf: null, dryRun: true }, MANAGER).asOf).toBe('2026-11-02');
  });
});

describe('what the sidebar shows when it opens', () => {
  it('says who you are, whether you manage the book, today in the book’s time zone, and that nothing runs', () => {
    const state = getState(context('ann@example.com'));
    expect(state).toMatchObject({ user: { email: 'ann@example.com', manager: false }, settingsErrors: [], settingsRepairers: [], today: '2026-11-02', timeZone: 'Europe/Berlin', lastRescore: null, running: null, unfinished: null, stateProblem: null });
    expect(state.settings?.managers).toEqual([MANAGER]);
    expect(getState(context(MANAGER)).user.manager).toBe(true);
  });

  it('shows the run holding the book and the long job that will be resumed, with how far it got', () => {
    const ctx = context(MANAGER);
    ctx.lease.write({ holder: 'bob@example.com', action: 'propose', start: '2026-11-02T08:59:00.000Z' });
    ctx.job.write(unfinished);
    expect(getState(ctx)).toMatchObject({
      running: { holder: 'bob@example.com', action: 'propose', start: '2026-11-02T08:59:00.000Z' },
      unfinished: { action: 'rescore', asOf: '2026-11-01', rowsWritten: 120, rows: 500, startedAt: '2026-11-01T09:00:00.000Z' },
    });
  });

  it('shows unreadable settings with what is wrong and who can repair them, and makes nobody a manager', () => {
    const state = getState(context(MANAGER, { managers: [MANAGER], tiers: { mode: 'sometimes' } }));
    expect(state.settings).toBeNull();
    expect(state.user.manager).toBe(false);
    expect(state.settingsErrors.join(' ')).toMatch(/tiers\.mode/);
    expect(state.settingsRepairers).toEqual([MANAGER]);
  });
});
