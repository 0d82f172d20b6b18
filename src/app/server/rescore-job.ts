import { z } from 'zod';
import { customerFields, formatDay, isFailure, locateColumns, parseDay } from '../../core/parse/index.js';
import { parseReps } from '../../core/assign/reps.js';
import type { Settings } from '../../core/settings/schema.js';
import { CannotRun } from '../cannot-run.js';
import { OWNED_HEADERS } from '../owned-columns.js';
import { rescore, type Movement } from '../rescore.js';
import { Summary } from '../summary.js';
import { DeferredBook } from './deferred-book.js';
import { fingerprint } from './fingerprint.js';
import { JOB_BUDGET_MS, loadJob, writeInChunks, type JobCursor } from './job.js';
import type { ServerContext } from './ports.js';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD');

export const RescoreInput = z.object({ asOf: IsoDay.nullable().default(null) });
export type RescoreInput = z.infer<typeof RescoreInput>;

export const RescoreOutput = Summary.pick({ asOf: true, customers: true, tiers: true, segments: true, issues: true, notes: true, movement: true }).extend({
  /** `stopped` when the time ran out: the next call or schedule tick writes on. */
  status: z.enum(['done', 'stopped']),
  rowsWritten: z.number().int(),
  rows: z.number().int(),
});
export type RescoreOutput = z.infer<typeof RescoreOutput>;

const ownedHeaders = new Set(OWNED_HEADERS);

/**
 * Rescore as a long job (job.ts): score in one pass, write the owned columns in chunks,
 * stop before the execution ends and resume from the cursor. Callers hold the lease.
 */
export function rescoreJob(ctx: ServerContext, settings: Settings, input: RescoreInput): RescoreOutput {
  const startedMs = ctx.clock.now().getTime();
  const saved = loadJob(ctx.job);
  const asked = input.asOf === null ? null : dayOf(input.asOf);
  const resuming = saved?.action === 'rescore' && (asked === null || saved.asOf === input.asOf) ? saved : null;
  const asOfDay = resuming ? dayOf(resuming.asOf) : (asked ?? ctx.clock.today());

  const book = new DeferredBook(ctx.book);
  const outcome = rescore({ workbook: book, state: ctx.state, clock: ctx.clock, settings, asOfDay });
  const tab = settings.tabs.customers;
  const columns = book.held.get(tab) ?? [];
  const total = columns[0]?.values.length ?? 0;
  const { ids, rows } = outcome.scores.customers;
  const customerAt = (row: number): string => {
    for (let k = 0; k < rows.length; k++) if (rows[k] >= row) return ids[k];
    return '';
  };
  const print = () => fingerprint([...book.tablesRead.values()], ownedHeaders, JSON.stringify(settings));
  const notes = [...outcome.notes];

  let from = 0;
  if (resuming) {
    if (resuming.fingerprint === print() && resuming.total === total && customerAt(resuming.next.row) === resuming.next.customerId) {
      from = resuming.next.row;
      notes.push(`Resumed the rescore of ${resuming.asOf} at row ${resuming.next.row + 1} of ${total}.`);
    } else {
      notes.push(`The book or the settings changed while the rescore of ${resuming.asOf} was stopped, so it started over.`);
    }
  } else if (saved) {
    notes.push(`The unfinished ${saved.action} of ${saved.asOf} was dropped: a rescore changes what it would write.`);
  }
  const movement: Movement | null = resuming ? resuming.movement : outcome.movement;

  const written = writeInChunks(ctx.book, () => ctx.clock.now().getTime(), {
    tab, columns, from, total, deadlineMs: startedMs + JOB_BUDGET_MS, msPerRow: resuming?.msPerRow ?? 0,
  });
  const finished = written.next >= total;
  if (finished) {
    ctx.job.clear();
    ctx.book.touchUp(tab, touchUpFor(ctx, settings, book));
  } else {
    const cursor: JobCursor = {
      action: 'rescore',
      asOf: formatDay(asOfDay),
      fingerprint: resuming && from > 0 ? resuming.fingerprint : print(),
      next: { row: written.next, customerId: customerAt(written.next) },
      total,
      startedAt: resuming?.startedAt ?? new Date(startedMs).toISOString(),
      msPerRow: written.msPerRow,
      movement,
    };
    ctx.job.write(cursor);
    notes.push(`Time ran out after row ${written.next} of ${total}; the next run writes on from customer ${cursor.next.customerId || '(end)'}.`);
  }
  return {
    asOf: formatDay(asOfDay),
    customers: ids.length,
    tiers: outcome.tiers,
    segments: outcome.segments,
    issues: outcome.issues,
    notes,
    movement,
    status: finished ? 'done' : 'stopped',
    rowsWritten: written.next - from,
    rows: total,
  };
}

function dayOf(text: string): number {
  const day = parseDay(text);
  if (isFailure(day)) throw new CannotRun(`asOf: ${day.kind === 'invalid' ? day.message : 'missing'}`);
  return day;
}

/** The Owner column's warning-only list of reps, when the manager switched it on (settings.sheets.ownerValidation). */
function touchUpFor(ctx: ServerContext, settings: Settings, book: DeferredBook) {
  const customers = book.tablesRead.get(settings.tabs.customers);
  const owner = customers ? locateColumns(customers, customerFields, settings.columns.customers).index.owner : undefined;
  const ownerHeader = customers && owner !== undefined ? String(customers.header[owner]) : null;
  if (!settings.sheets.ownerValidation || ownerHeader === null) return { ownerHeader, ownerChoices: null };
  const repsTab = ctx.book.readTable(settings.tabs.reps);
  const reps = repsTab ? parseReps(repsTab, settings) : null;
  return { ownerHeader, ownerChoices: reps?.ok ? reps.reps.filter((r) => r.active).map((r) => r.name) : null };
}
