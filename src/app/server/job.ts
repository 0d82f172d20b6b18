import { z } from 'zod';
import type { OwnedColumn } from '../ports.js';
import type { JsonSlot, ServerBook } from './ports.js';

/**
 * Long jobs (DESIGN §6: one execution may run 6 minutes). A job computes its result in
 * one pass, saves it when writing it will take more than one chunk (job-results.ts), then
 * writes it in chunks of rows, checking the time between chunks; when the next chunk would
 * not fit before the budget ends it stops cleanly and keeps a cursor. The next call or
 * schedule tick checks the fingerprint and writes on from the cursor's customer, from the
 * saved results (or, when there are none, from the same result computed again: same input,
 * same output).
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
  /** The id of the results saved for this job (job-results.ts); null while none are. */
  results: z.string().nullable().default(null),
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

/**
 * At most this many cells per chunk, whatever the time left: a chunk is what a stopped run
 * may have to write again, and one setValues must stay far below the 10 MB a Google API
 * request may carry (tests/gas/fakes/README.md; Google documents no limit for setValues).
 * 100,000 cells of Tierwise's columns are 2–4 MB.
 */
export const MAX_CELLS_PER_CHUNK = 100_000;

/**
 * What a run keeps free at the end of its execution for saving the cursor, the log and the
 * state after its last chunk: the first chunk of a run may be written until then.
 */
export const SAVE_MARGIN_MS = 60 * 1000;

/** Rows in a full chunk of these columns (a row costs one cell per owned column). */
export function rowsPerChunk(columns: readonly OwnedColumn[]): number {
  return Math.max(1, Math.floor(MAX_CELLS_PER_CHUNK / Math.max(1, columns.length)));
}

export interface ChunkedWrite {
  readonly tab: string;
  readonly columns: readonly OwnedColumn[];
  readonly from: number;
  readonly total: number;
  readonly deadlineMs: number;
  /** Until when the first chunk of a run may still be written (the execution limit less SAVE_MARGIN_MS). */
  readonly lastChanceMs: number;
  /** The speed measured by an earlier execution of this job, 0 when none. */
  readonly msPerRow: number;
}

export interface ChunkedOutcome {
  /** The first row not written; `total` when every row is. */
  readonly next: number;
  readonly msPerRow: number;
}

/**
 * Writes rows [from, total) in chunks sized by the time left and the cost measured per
 * cell (a row costs one cell per owned column), capped at MAX_CELLS_PER_CHUNK, checking
 * the clock between chunks. `afterChunk` runs after each chunk, so a run the platform stops
 * between two chunks has its progress saved and no row is written twice. The first chunk of
 * a run may use the time up to `lastChanceMs`: a run whose reading and computing used up
 * the budget still moves the job on, so the job always ends.
 */
export function writeInChunks(book: ServerBook, now: () => number, job: ChunkedWrite, afterChunk: (done: ChunkedOutcome) => void): ChunkedOutcome {
  const cellsPerRow = Math.max(1, job.columns.length);
  let msPerRow = job.msPerRow > 0 ? job.msPerRow : ASSUMED_MS_PER_CELL * cellsPerRow;
  const chunkRows = rowsPerChunk(job.columns);
  let next = job.from;
  // An empty tab still gets its headers.
  if (job.total === 0) book.writeOwnedRows(job.tab, job.columns, 0, 0);
  while (next < job.total) {
    const deadline = next === job.from ? Math.max(job.deadlineMs, job.lastChanceMs) : job.deadlineMs;
    const fits = Math.min(chunkRows, Math.floor((deadline - now()) / msPerRow));
    if (fits < 1) break;
    const end = Math.min(job.total, next + fits);
    const started = now();
    book.writeOwnedRows(job.tab, job.columns, next, end);
    const took = now() - started;
    if (took > 0) msPerRow = took / (end - next);
    next = end;
    afterChunk({ next, msPerRow });
  }
  return { next, msPerRow };
}
