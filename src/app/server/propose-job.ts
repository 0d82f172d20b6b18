import { z } from 'zod';
import { formatDay } from '../../core/parse/index.js';
import type { Settings } from '../../core/settings/schema.js';
import { propose } from '../propose.js';
import { AssignSection, BookFacts } from '../summary.js';
import { ownedColumnsJob } from './owned-columns-job.js';
import type { ServerContext } from './ports.js';
import { IsoDay, JobProgress, touchUpFor } from './rescore-job.js';

export const ProposeInput = z.object({
  asOf: IsoDay.nullable().default(null),
  /** Propose every customer, not only those without a valid owner. */
  rebalance: z.boolean().default(false),
});
export type ProposeInput = z.infer<typeof ProposeInput>;

export const ProposeOutput = BookFacts.extend({ asOf: IsoDay, assign: AssignSection }).extend(JobProgress.shape);
export type ProposeOutput = z.infer<typeof ProposeOutput>;

/**
 * Propose as a long job: the proposals are saved for apply only once every row of
 * `TW Proposed Owner`, `TW Reason` and `TW Fit` is written. Callers hold the lease.
 */
export function proposeJob(ctx: ServerContext, settings: Settings, input: ProposeInput, actor: string): ProposeOutput {
  const job = ownedColumnsJob(ctx, settings, 'propose', input.asOf, (io, asOfDay) =>
    propose({ ...io, clock: ctx.clock, settings, asOfDay, actor, rebalance: input.rebalance }),
  );
  if (job.status === 'done') ctx.book.touchUp(settings.tabs.customers, touchUpFor(ctx, settings, job.tables.get(settings.tabs.customers) ?? null));
  const { facts, assign } = job.outcome;
  return {
    ...facts,
    notes: [...facts.notes, ...job.notes],
    asOf: formatDay(job.asOfDay),
    assign,
    status: job.status,
    rowsWritten: job.rowsWritten,
    rows: job.rows,
  };
}
