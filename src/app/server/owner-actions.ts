import { z } from 'zod';
import { formatDay, isFailure, parseDay } from '../../core/parse/index.js';
import type { Settings } from '../../core/settings/schema.js';
import { apply } from '../apply.js';
import { claim } from '../claim.js';
import { CannotRun } from '../cannot-run.js';
import { recycle } from '../recycle.js';
import { ApplySection, BookFacts, ClaimSection, RecycleSection, UndoSection } from '../summary.js';
import { undo } from '../undo.js';
import { loadJob } from './job.js';
import type { ServerContext } from './ports.js';
import { IsoDay } from './rescore-job.js';
import { isManager } from './settings.js';

/**
 * The use cases that change the Owner column (apply, undo, recycle). They write a few
 * cells and a log row each, so they run in one go; callers hold the lease and have
 * checked the role. An unfinished long job goes first: a half-written column must not
 * be read as a decision.
 */
export function requireNoUnfinishedJob(ctx: ServerContext): void {
  const job = loadJob(ctx.job);
  if (job) throw new CannotRun(`The ${job.action} of ${job.asOf} stopped at row ${job.next.row} of ${job.total}; run ${job.action} again to finish it first.`);
}

function asOfDay(ctx: ServerContext, asOf: string | null): number {
  if (asOf === null) return ctx.clock.today();
  const day = parseDay(asOf);
  if (isFailure(day)) throw new CannotRun(`asOf: ${day.kind === 'invalid' ? day.message : 'a date is needed'}`);
  return day;
}

export const ApplyInput = z.object({
  asOf: IsoDay.nullable().default(null),
  /** Customer ids to apply; every proposal of the last run when null. */
  only: z.array(z.string()).nullable().default(null),
  /** The run the manager reviewed; apply refuses when the saved run is another. Null: the saved run. */
  runId: z.string().min(1).nullable().default(null),
});
export const ApplyOutput = BookFacts.extend({ asOf: IsoDay, apply: ApplySection });
export type ApplyOutput = z.infer<typeof ApplyOutput>;

export function applyProposals(ctx: ServerContext, settings: Settings, input: z.infer<typeof ApplyInput>, actor: string): ApplyOutput {
  requireNoUnfinishedJob(ctx);
  const day = asOfDay(ctx, input.asOf);
  const outcome = apply({ workbook: ctx.book, state: ctx.state, clock: ctx.clock, settings, asOfDay: day, actor, ...(input.only ? { only: input.only } : {}), ...(input.runId === null ? {} : { runId: input.runId }) });
  return { ...outcome.facts, asOf: formatDay(day), apply: outcome.apply };
}

export const UndoInput = z.object({ asOf: IsoDay.nullable().default(null) });
export const UndoOutput = BookFacts.extend({ asOf: IsoDay, undo: UndoSection });
export type UndoOutput = z.infer<typeof UndoOutput>;

export function undoApply(ctx: ServerContext, settings: Settings, input: z.infer<typeof UndoInput>, actor: string): UndoOutput {
  requireNoUnfinishedJob(ctx);
  const day = asOfDay(ctx, input.asOf);
  const outcome = undo({ workbook: ctx.book, state: ctx.state, clock: ctx.clock, settings, asOfDay: day, actor });
  return { ...outcome.facts, asOf: formatDay(day), undo: outcome.undo };
}

export const RecycleInput = z.object({
  asOf: IsoDay.nullable().default(null),
  /** Work out what would be warned and recycled, and write nothing. */
  dryRun: z.boolean().default(false),
});
export const RecycleOutput = BookFacts.extend({ asOf: IsoDay, recycle: RecycleSection });
export type RecycleOutput = z.infer<typeof RecycleOutput>;

export function recycleStale(ctx: ServerContext, settings: Settings, input: z.infer<typeof RecycleInput>, actor: string): RecycleOutput {
  requireNoUnfinishedJob(ctx);
  const day = asOfDay(ctx, input.asOf);
  const outcome = recycle({ workbook: ctx.book, state: ctx.state, clock: ctx.clock, settings, asOfDay: day, actor, dryRun: input.dryRun });
  return { ...outcome.facts, asOf: formatDay(day), recycle: outcome.recycle };
}

export const ClaimInput = z.object({
  asOf: IsoDay.nullable().default(null),
  customerId: z.string().min(1),
  /** The claiming rep by name or e-mail; null: the user, by their e-mail in the Reps tab. Only managers claim for someone else. */
  rep: z.string().min(1).nullable().default(null),
});
export const ClaimOutput = BookFacts.extend({ asOf: IsoDay, claim: ClaimSection });
export type ClaimOutput = z.infer<typeof ClaimOutput>;

/** Reps claim for themselves (DESIGN §6); a manager may claim for any rep. */
export function claimFromPool(ctx: ServerContext, settings: Settings, input: z.infer<typeof ClaimInput>, actor: string): ClaimOutput {
  const self = ctx.user.email;
  const rep = input.rep ?? self;
  if (rep === '') throw new CannotRun('Google did not give us your e-mail, so we cannot tell which rep you are; ask a manager to claim for you.');
  if (rep.trim().toLowerCase() !== self.trim().toLowerCase() && !isManager(settings, ctx.user)) {
    throw new CannotRun(`${self || 'This account'} may claim customers only for itself; a manager can claim for ${rep}.`);
  }
  requireNoUnfinishedJob(ctx);
  const day = asOfDay(ctx, input.asOf);
  const outcome = claim({ workbook: ctx.book, state: ctx.state, clock: ctx.clock, settings, asOfDay: day, actor, rep, customerId: input.customerId });
  return { ...outcome.facts, asOf: formatDay(day), claim: outcome.claim };
}
