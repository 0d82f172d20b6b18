import { z } from 'zod';
import type { OwnedColumn } from '../ports.js';
import type { JsonSlot, ServerBook } from './ports.js';

/**
 * Long jobs (DESIGN §6: one execution may run 6 minutes). A job computes its result in
 * one pass, then writes it in chunks of rows, checking the time between chunks; when the
 * next chunk would not fit before the budget ends it stops cleanly and keeps a cursor.
 * The next call or schedule tick computes the same result again (same input, same
 * output), checks the fingerprint and writes on from the cursor's customer.
 *
 * The cursor sits in a document property, not in `TW State`: it is small and is saved
 * after every chunk, where rewriting the state tab each time would cost far more.
 */
export const JobCursor = z.object({
  action: z.enum(['rescore', 'propose']),
  asOf: z.string(),
  fingerprint: z.string(),
  /** The first row not yet written, and the customer on it (or '' past the last customer). */
  next: z.object({ row: z.number().int().min(0), customerId: z.string() }),
  total: z.number().int().min(0),
  startedAt: z.string(),
  /** Measured write speed, so the next execution sizes its chunks from the start. */
  msPerRow: z.number().min(0),
});
export type JobCursor = z.infer<typeof JobCursor>;

export function loadJob(slot: JsonSlot): JobCursor | null {
  const parsed = JobCursor.safeParse(slot.read());
  return parsed.success ? parsed.data : null;
}

/**
 * Stop writing this long after the execution started: Apps Script ends a run at 6 minutes,
 * and the cursor, the log and the state must still be saved after the last chunk.
 */
export const JOB_BUDGET_MS = 4.5 * 60 * 1000;

/**
 * The write speed assumed before a run has measured its own: 0.02 ms per cell (50,000
 * cells a second), on the slow side of what setValues does, so the first chunk is
 * never too big. Each chunk's measured speed replaces it.
 */
export const ASSUMED_MS_PER_CELL = 0.02;

export interface ChunkedWrite {
  readonly tab: string;
  readonly columns: readonly OwnedColumn[];
  readonly from: number;
  readonly total: number;
  readonly deadlineMs: number;
  /** The speed measured by an earlier execution of this job, 0 when none. */
  readonly msPerRow: number;
}

export interface ChunkedOutcome {
  /** The first row not written; `total` when every row is. */
  readonly next: number;
  readonly msPerRow: number;
}

export function writeInChunks(book: ServerBook, now: () => number, job: ChunkedWrite): ChunkedOutcome {
  let msPerRow = job.msPerRow > 0 ? job.msPerRow : ASSUMED_MS_PER_CELL * Math.max(1, job.columns.length);
  let next = job.from;
  // An empty tab still gets its headers.
  if (job.total === 0) book.writeOwnedRows(job.tab, job.columns, 0, 0);
  while (next < job.total) {
    const left = job.deadlineMs - now();
    const fits = Math.floor(left / msPerRow);
    if (fits < 1) break;
    const end = Math.min(job.total, next + fits);
    const started = now();
    book.writeOwnedRows(job.tab, job.columns, next, end);
    const took = now() - started;
    if (took > 0) msPerRow = took / (end - next);
    next = end;
  }
  return { next, msPerRow };
}
