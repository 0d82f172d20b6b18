import { describe, expect, it } from 'vitest';
import { withLease } from '../../../src/app/server/lease.js';
import type { ServerContext } from '../../../src/app/server/ports.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';
import { failure } from './refusal.js';

const NOW = Date.UTC(2026, 0, 5, 9, 30);
const MINUTE = 60_000;

/** One call's ports on a clock that stands at 09:30 UTC, with the 6-minute execution limit. */
function context(): ServerContext {
  const session = previewSession(memoryBook({ Customers: [['Customer ID'], ['C1']] }), memoryState(), {
    user: 'manager@example.com', today: 0, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 6 * MINUTE, wallMs: () => NOW,
  });
  return session.context();
}

const leftBehind = (ctx: ServerContext, minutesAgo: number) => ctx.lease.write({ holder: 'bob@example.com', action: 'propose', start: new Date(NOW - minutesAgo * MINUTE).toISOString() });
describe('one run at a time on a book', () => {
  it('refuses a second run while the first holds the book, naming who runs what since when', () => {
    const ctx = context();
    const inner = withLease(ctx, 'rescore', 'ann@example.com', () => failure(() => withLease(ctx, 'propose', 'bob@example.com', () => 'second')));
    expect(inner).toEqual({ value: 'ann@example.com is running rescore since 2026-01-05 09:30:00 UTC; try again when it has finished.', tookOver: null });
  });

  it('says only that another run is writing when the book is locked without a lease to name', () => {
    const ctx = context();
    ctx.lock.tryLock(0);
    expect(failure(() => withLease(ctx, 'rescore', 'ann@example.com', () => 'run'))).toBe('Another Tierwise run is writing to this book; try again in a minute.');
  });

  it('refuses while a lease left behind is at most one execution old, and takes it over after, saying whose it was', () => {
    const ctx = context();
    leftBehind(ctx, 6);
    expect(failure(() => withLease(ctx, 'rescore', 'ann@example.com', () => 'run'))).toBe('bob@example.com is running propose since 2026-01-05 09:24:00 UTC; try again when it has finished.');
    leftBehind(ctx, 6.001);
    expect(withLease(ctx, 'rescore', 'ann@example.com', () => 'run')).toEqual({ value: 'run', tookOver: { holder: 'bob@example.com', action: 'propose', start: '2026-01-05T09:23:59.940Z' } });
  });

  it('clears the lease and frees the book after a run, also one that failed', () => {
    const ctx = context();
    expect(failure(() => withLease(ctx, 'rescore', 'ann@example.com', () => { throw new Error('disk full'); }))).toBe('disk full');
    expect(ctx.lease.read()).toBeNull();
    expect(withLease(ctx, 'propose', 'bob@example.com', () => ctx.lease.read())).toEqual({ value: { holder: 'bob@example.com', action: 'propose', start: '2026-01-05T09:30:00.000Z' }, tookOver: null });
    expect(ctx.lease.read()).toBeNull();
  });

  it('treats an unreadable lease as none', () => {
    const ctx = context();
    ctx.lease.write({ holder: 42 });
    expect(withLease(ctx, 'rescore', 'ann@example.com', () => 'run')).toEqual({ value: 'run', tookOver: null });
  });
});
