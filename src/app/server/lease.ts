import { z } from 'zod';
import { CannotRun } from '../cannot-run.js';
import type { ServerContext } from './ports.js';

/** Who runs what since when, beside the document lock that cannot say it (DESIGN §6). */
export const Lease = z.object({ holder: z.string(), action: z.string(), start: z.string() });
export type Lease = z.infer<typeof Lease>;

/**
 * How long a run waits for another to finish before answering who holds the book: a
 * sidebar click should not hang, and most runs take seconds.
 */
export const LOCK_WAIT_MS = 10_000;

/** The lease in force, or null when there is none or it is unreadable. */
export function currentLease(ctx: Pick<ServerContext, 'lease'>): Lease | null {
  const parsed = Lease.safeParse(ctx.lease.read());
  return parsed.success ? parsed.data : null;
}

/**
 * A lease whose holder started longer ago than one execution may last is stale: Apps Script
 * has stopped that run, whatever it left behind.
 */
export function isStale(lease: Lease, nowMs: number, executionLimitMs: number): boolean {
  return nowMs - Date.parse(lease.start) > executionLimitMs;
}

function busy(lease: Lease | null): CannotRun {
  if (!lease) return new CannotRun('Another Tierwise run is writing to this book; try again in a minute.');
  return new CannotRun(`${lease.holder} is running ${lease.action} since ${lease.start.slice(0, 19).replace('T', ' ')} UTC; try again when it has finished.`);
}

export interface LeaseRun<T> {
  readonly value: T;
  /** Set when a stale lease was taken over: whose, for the log and the answer. */
  readonly tookOver: Lease | null;
}

/**
 * Runs `work` holding the document lock and a lease naming the holder and the action.
 * A second run waits briefly, then is refused with the holder's name; a lease left by a
 * run the platform stopped is taken over once it is stale.
 */
export function withLease<T>(ctx: ServerContext, action: string, holder: string, work: () => T): LeaseRun<T> {
  if (!ctx.lock.tryLock(LOCK_WAIT_MS)) throw busy(currentLease(ctx));
  try {
    const left = currentLease(ctx);
    const now = ctx.clock.now();
    // The lock is ours, so a lease still present belongs to a run that ended without
    // clearing it. Until it is older than one execution we cannot be sure that run has
    // stopped (the lock may not be shared with a time-driven run), so we refuse.
    if (left && !isStale(left, now.getTime(), ctx.executionLimitMs)) throw busy(left);
    ctx.lease.write({ holder, action, start: now.toISOString() } satisfies Lease);
    try {
      return { value: work(), tookOver: left };
    } finally {
      ctx.lease.clear();
    }
  } finally {
    ctx.lock.release();
  }
}
