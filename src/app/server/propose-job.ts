import { z } from 'zod';
import { formatDay, isFailure, parseDay } from '../../core/parse/index.js';
import { CannotRun } from '../cannot-run.js';
import type { Settings } from '../../core/settings/schema.js';
import type { ProposalMaker } from '../owner-state.js';
import { propose } from '../propose.js';
import { AssignSection, BookFacts } from '../summary.js';
import { DeferredBook } from './deferred-book.js';
import { DeferredState } from './deferred-state.js';
import { ownedColumnsJob } from './owned-columns-job.js';
import type { ServerContext } from './ports.js';
import { IsoDay, JobProgress, touchUpFor } from './rescore-job.js';

export const ProposeInput = z.object({
  asOf: IsoDay.nullable().default(null),
  /** Propose every customer, not only those without a valid owner. */
  rebalance: z.boolean().default(false),
});
export type ProposeInput = z.infer<typeof ProposeInput>;

export const ProposeOutput = BookFacts.extend({
  asOf: IsoDay,
  assign: AssignSection,
  /** False for a preview (a rep's propose): nothing was written and apply does not see it. */
  saved: z.boolean(),
}).extend(JobProgress.shape);
export type ProposeOutput = z.infer<typeof ProposeOutput>;

/** What a propose answers besides the job's progress, saved with a long job's results. */
const ProposeSummary = ProposeOutput.omit({ saved: true, status: true, rowsWritten: true, rows: true });

/**
 * Propose as a long job: the proposals are saved for apply only once every row of
 * `TW Proposed Owner`, `TW Reason` and `TW Fit` is written. Callers hold the lease.
 */
export function proposeJob(ctx: ServerContext, settings: Settings, input: ProposeInput, madeBy: ProposalMaker): ProposeOutput {
  const job = ownedColumnsJob(ctx, settings, 'propose', input.asOf, (io, asOfDay) => {
    const { facts, assign } = propose({ ...io, clock: ctx.clock, settings, asOfDay, actor: madeBy.actor, rebalance: input.rebalance, madeBy });
    return { ...facts, asOf: formatDay(asOfDay), assign };
  }, ProposeSummary);
  if (job.status === 'done') ctx.book.touchUp(settings.tabs.customers, touchUpFor(ctx, settings, job.tables.get(settings.tabs.customers) ?? null));
  return { ...job.outcome, notes: [...job.outcome.notes, ...job.notes], saved: true, status: job.status, rowsWritten: job.rowsWritten, rows: job.rows };
}

/**
 * A rep's propose (issue 12: a rep's run must never become what a manager applies): the
 * same computation over a book and a state that hold every write back and are then
 * dropped, so the rep sees the proposals and nothing in the book or the saved run changes.
 */
export function previewProposals(ctx: ServerContext, settings: Settings, input: ProposeInput, actor: string): ProposeOutput {
  const asOfDay = input.asOf === null ? ctx.clock.today() : parseDay(input.asOf);
  if (isFailure(asOfDay)) throw new CannotRun(`asOf: ${asOfDay.kind === 'invalid' ? asOfDay.message : 'a date is needed'}`);
  const book = new DeferredBook(ctx.book);
  const { facts, assign } = propose({
    workbook: book, state: new DeferredState(ctx.state), clock: ctx.clock, settings, asOfDay, actor, rebalance: input.rebalance, madeBy: { actor, role: 'rep' },
  });
  const note = `Only a manager's proposals are saved for apply, so this preview by ${actor} wrote nothing and leaves the saved run as it was.`;
  return { ...facts, notes: [...facts.notes, note], asOf: formatDay(asOfDay), assign, saved: false, status: 'done', rowsWritten: 0, rows: facts.customers };
}
