import type { z } from 'zod';
import { customerFields, formatDay, isFailure, locateColumns, parseDay } from '../../core/parse/index.js';
import type { Settings } from '../../core/settings/schema.js';
import { CannotRun } from '../cannot-run.js';
import { OWNED_HEADERS } from '../owned-columns.js';
import type { StateStore, Workbook } from '../ports.js';
import type { Table } from '../../core/table.js';
import { DeferredBook } from './deferred-book.js';
import { DeferredState } from './deferred-state.js';
import { fingerprint } from './fingerprint.js';
import { type JobWork, loadJobResults, saveJobResults } from './job-results.js';
import { JOB_BUDGET_MS, SAVE_MARGIN_MS, loadJob, rowsPerChunk, writeInChunks, type JobCursor } from './job.js';
import type { ServerContext } from './ports.js';

export interface JobResult<T> {
  readonly outcome: T;
  readonly asOfDay: number;
  /** `stopped` when the time ran out: the next call or schedule tick writes on. */
  readonly status: 'done' | 'stopped';
  readonly rowsWritten: number;
  readonly rows: number;
  /** What the job itself has to say: resumed, started over, stopped. */
  readonly notes: string[];
  /** The tabs the job read, by name. */
  readonly tables: ReadonlyMap<string, Table>;
}

/** A use case run for a job: it returns the JSON-safe summary the caller answers with, which is saved with the results. */
export type UseCase<T> = (io: { workbook: Workbook; state: StateStore }, asOfDay: number) => T;

const ownedHeaders = new Set(OWNED_HEADERS);

/** What one run of the job writes, computed now or loaded from the results saved when it started. */
interface Work<T> extends JobWork<T> {
  readonly tables: ReadonlyMap<string, Table>;
  /** Computed lazily: hashing every tab read is wasted on a job that ends in one run. */
  fingerprint(): string;
  /** The id of the results saved for this job, null while none are. */
  savedAs: string | null;
}

/**
 * A use case that writes owned columns of the Customers tab, run as a long job (job.ts):
 * it computes everything in one pass with its writes and its state held back, saves what
 * it computed when the writes will take more than one chunk (job-results.ts), then writes
 * the columns in chunks, stopping before the execution ends. A later call resumes from the
 * cursor's customer when the fingerprint of the tabs, the settings and the saved state is
 * unchanged, writing on from the saved results without computing again; it starts over
 * (saying so) when something changed. Callers hold the lease.
 */
export function ownedColumnsJob<T>(ctx: ServerContext, settings: Settings, action: JobCursor['action'], asOf: string | null, useCase: UseCase<T>, summary: z.ZodType<T>): JobResult<T> {
  const saved = loadJob(ctx.job);
  const resuming = saved?.action === action && (asOf === null || saved.asOf === asOf) ? saved : null;
  const asOfDay = resuming ? dayOf(resuming.asOf) : asOf === null ? ctx.clock.today() : dayOf(asOf);
  const tab = settings.tabs.customers;
  // The saved state is part of what the result depends on: a claim or a recycle while the job was stopped changes it.
  const extra = () => `${JSON.stringify(settings)}\u0000${JSON.stringify(ctx.state.load() ?? null)}`;
  const notes: string[] = [];

  let work: Work<T> | null = resuming ? savedWork(ctx, resuming, summary, extra) : null;
  let from = 0;
  if (resuming && work && matches(work, resuming, tab, settings)) {
    from = resuming.next.row;
    notes.push(`Resumed the ${action} of ${resuming.asOf} at row ${from + 1} of ${work.total}.`, 'It wrote on from the results saved when it started, without computing them again.');
  } else {
    work = computeWork(ctx, asOfDay, tab, useCase, extra);
    if (resuming && matches(work, resuming, tab, settings)) {
      from = resuming.next.row;
      notes.push(`Resumed the ${action} of ${resuming.asOf} at row ${from + 1} of ${work.total}.`);
    } else if (resuming) {
      notes.push(`The book or the settings changed while the ${action} of ${resuming.asOf} was stopped, so it started over.`);
    } else if (saved) {
      notes.push(`The unfinished ${saved.action} of ${saved.asOf} was dropped: this ${action} rewrites the columns it was writing.`);
    }
  }
  const current = work;
  const { columns, total } = current;
  const customerAt = customerLookup(current.tables.get(tab), settings);
  const startedAt = resuming?.startedAt ?? ctx.clock.now().toISOString();
  // Results of a job this one replaces are cleared with its own.
  const hadResults = saved?.results ?? null;

  const cursorAt = (done: { next: number; msPerRow: number }): JobCursor => ({
    action,
    asOf: formatDay(asOfDay),
    fingerprint: current.fingerprint(),
    next: { row: done.next, customerId: customerAt(done.next) },
    total,
    startedAt,
    msPerRow: done.msPerRow,
    results: current.savedAs,
  });
  // Saved before the first chunk when there will be more than one: a run the platform
  // stops at a chunk boundary then resumes without computing again.
  const saveResults = (row: number) => {
    if (current.savedAs !== null) return;
    const id = `${current.fingerprint()} ${startedAt}`;
    ctx.results.write(saveJobResults(id, row, current));
    ctx.book.flush();
    current.savedAs = id;
  };
  if (from < total && total - from > rowsPerChunk(columns)) saveResults(from);

  // The cursor is saved after every chunk, the last one too, once the chunk is flushed: a
  // run the platform stops between two chunks (not our own clock) resumes after the last
  // chunk it wrote, and one stopped before a flush loses the chunk and the cursor with it.
  const written = writeInChunks(ctx.book, () => ctx.clock.now().getTime(), {
    tab, columns, from, total,
    deadlineMs: ctx.startedMs + JOB_BUDGET_MS,
    lastChanceMs: ctx.startedMs + ctx.executionLimitMs - SAVE_MARGIN_MS,
    msPerRow: resuming?.msPerRow ?? 0,
  }, (done) => {
    ctx.book.flush();
    ctx.job.write(cursorAt(done));
  });
  const finished = written.next >= total;
  if (finished) {
    for (const [name, rows] of current.tabs) ctx.book.replaceTab(name, rows);
    if (current.state) ctx.state.save(current.state.value);
    // The cursor goes only once the dashboard and the state are durable too.
    ctx.book.flush();
    ctx.job.clear();
    if (hadResults !== null || current.savedAs !== null) ctx.results.clear();
  } else {
    saveResults(written.next);
    const cursor = cursorAt(written);
    ctx.job.write(cursor);
    notes.push(`Time ran out after row ${written.next} of ${total}; the next run writes on from customer ${cursor.next.customerId || '(end)'}.`);
  }
  return { outcome: current.summary, asOfDay, status: finished ? 'done' : 'stopped', rowsWritten: written.next - from, rows: total, notes, tables: current.tables };
}

/** Runs the use case over a book and a state that hold its writes back. */
function computeWork<T>(ctx: ServerContext, asOfDay: number, tab: string, useCase: UseCase<T>, extra: () => string): Work<T> {
  const book = new DeferredBook(ctx.book);
  const state = new DeferredState(ctx.state);
  const summary = useCase({ workbook: book, state }, asOfDay);
  const columns = book.held.get(tab) ?? [];
  let printed: string | null = null;
  return {
    columns,
    total: columns[0]?.values.length ?? 0,
    tabs: book.heldTabs,
    state: state.held,
    summary,
    read: [...book.tablesRead.keys()],
    tables: book.tablesRead,
    fingerprint: () => (printed ??= fingerprint([...book.tablesRead.values()], ownedHeaders, extra())),
    savedAs: null,
  };
}

/** The results saved for the cursor's job with the tabs they were computed from read again; null when there are none. */
function savedWork<T>(ctx: ServerContext, cursor: JobCursor, summary: z.ZodType<T>, extra: () => string): Work<T> | null {
  if (cursor.results === null) return null;
  const results = loadJobResults(ctx.results.read(), cursor.results, summary);
  if (!results) return null;
  const tables = new Map<string, Table>();
  for (const name of results.read) {
    const table = ctx.book.readTable(name);
    if (table) tables.set(name, table);
  }
  let printed: string | null = null;
  return { ...results, tables, fingerprint: () => (printed ??= fingerprint([...tables.values()], ownedHeaders, extra())), savedAs: cursor.results };
}

/** Whether `work` is what the stopped job was writing: same input, same rows, the same customer at the cursor. */
function matches<T>(work: Work<T>, cursor: JobCursor, tab: string, settings: Settings): boolean {
  return work.fingerprint() === cursor.fingerprint && work.total === cursor.total && customerLookup(work.tables.get(tab), settings)(cursor.next.row) === cursor.next.customerId;
}

/** The customer id on a data row or the next customer row below it; '' past the last. */
function customerLookup(table: Table | undefined, settings: Settings): (row: number) => string {
  const column = table ? locateColumns(table, customerFields, settings.columns.customers).index.id : undefined;
  return (row) => {
    if (!table || column === undefined) return '';
    for (let r = row; r < table.rows.length; r++) {
      const id = table.rows[r][column];
      if (id !== null && id !== undefined && String(id).trim() !== '') return String(id).trim();
    }
    return '';
  };
}

function dayOf(text: string): number {
  const day = parseDay(text);
  if (isFailure(day)) throw new CannotRun(`asOf: ${day.kind === 'invalid' ? day.message : 'a date is needed'}`);
  return day;
}
