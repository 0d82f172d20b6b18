import { customerFields, formatDay, isFailure, locateColumns, parseDay } from '../../core/parse/index.js';
import type { Settings } from '../../core/settings/schema.js';
import { CannotRun } from '../cannot-run.js';
import { OWNED_HEADERS } from '../owned-columns.js';
import type { StateStore, Workbook } from '../ports.js';
import type { Table } from '../../core/table.js';
import { DeferredBook } from './deferred-book.js';
import { DeferredState } from './deferred-state.js';
import { fingerprint } from './fingerprint.js';
import { JOB_BUDGET_MS, SAVE_MARGIN_MS, loadJob, writeInChunks, type JobCursor } from './job.js';
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
  /** The tabs the use case read, by name. */
  readonly tables: ReadonlyMap<string, Table>;
}

export type UseCase<T> = (io: { workbook: Workbook; state: StateStore }, asOfDay: number) => T;

const ownedHeaders = new Set(OWNED_HEADERS);

/**
 * A use case that writes owned columns of the Customers tab, run as a long job (job.ts):
 * it computes everything in one pass with its writes and its state held back, then writes
 * the columns in chunks, stopping before the execution ends. A later call resumes from the
 * cursor's customer when the fingerprint of the tabs and settings is unchanged, and
 * starts over (saying so) when it is not. Callers hold the lease.
 */
export function ownedColumnsJob<T>(ctx: ServerContext, settings: Settings, action: JobCursor['action'], asOf: string | null, useCase: UseCase<T>): JobResult<T> {
  const saved = loadJob(ctx.job);
  const resuming = saved?.action === action && (asOf === null || saved.asOf === asOf) ? saved : null;
  const asOfDay = resuming ? dayOf(resuming.asOf) : asOf === null ? ctx.clock.today() : dayOf(asOf);

  const book = new DeferredBook(ctx.book);
  const state = new DeferredState(ctx.state);
  const outcome = useCase({ workbook: book, state }, asOfDay);
  const tab = settings.tabs.customers;
  const columns = book.held.get(tab) ?? [];
  const total = columns[0]?.values.length ?? 0;
  const customerAt = customerLookup(book.tablesRead.get(tab), settings);
  const print = () => fingerprint([...book.tablesRead.values()], ownedHeaders, JSON.stringify(settings));
  const notes: string[] = [];

  let from = 0;
  let printed: string | null = null;
  if (resuming) {
    printed = print();
    if (printed === resuming.fingerprint && resuming.total === total && customerAt(resuming.next.row) === resuming.next.customerId) {
      from = resuming.next.row;
      notes.push(`Resumed the ${action} of ${resuming.asOf} at row ${from + 1} of ${total}.`);
    } else {
      notes.push(`The book or the settings changed while the ${action} of ${resuming.asOf} was stopped, so it started over.`);
    }
  } else if (saved) {
    notes.push(`The unfinished ${saved.action} of ${saved.asOf} was dropped: this ${action} rewrites the columns it was writing.`);
  }

  const cursorAt = (done: { next: number; msPerRow: number }): JobCursor => ({
    action,
    asOf: formatDay(asOfDay),
    fingerprint: (printed ??= print()),
    next: { row: done.next, customerId: customerAt(done.next) },
    total,
    startedAt: resuming?.startedAt ?? ctx.clock.now().toISOString(),
    msPerRow: done.msPerRow,
  });
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
    book.writeHeldTabs();
    state.commit();
    // The cursor goes only once the dashboard and the state are durable too.
    ctx.book.flush();
    ctx.job.clear();
  } else {
    const cursor = cursorAt(written);
    ctx.job.write(cursor);
    notes.push(`Time ran out after row ${written.next} of ${total}; the next run writes on from customer ${cursor.next.customerId || '(end)'}.`);
  }
  return { outcome, asOfDay, status: finished ? 'done' : 'stopped', rowsWritten: written.next - from, rows: total, notes, tables: book.tablesRead };
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
