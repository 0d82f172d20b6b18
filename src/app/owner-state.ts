import { z } from 'zod';
import { AssignState } from '../core/assign/state.js';
import { PoolState } from '../core/pool/state.js';
import type { StateStore } from './ports.js';
import { AppState } from './state.js';

/** One saved proposal: a change of owner to apply, or a customer that could not be placed. */
export const ProposalItem = z.object({
  customerId: z.string(),
  /** The Owner cell as found when proposing, trimmed: apply skips the customer if it has changed since. */
  from: z.string(),
  /** The proposed rep's name as the Reps tab spells it; null when the customer could not be placed. */
  to: z.string().nullable(),
  reason: z.string(),
});
export type ProposalItem = z.infer<typeof ProposalItem>;

/** A rep's load once the run's proposals are applied, for the sidebar's load bars. */
export const RepLoadAfter = z.object({
  rep: z.string(),
  count: z.number().int(),
  capacity: z.number().int().nullable(),
  /** False for a rep marked inactive, who gets no proposals (runs saved before this knew no better: true). */
  active: z.boolean().default(true),
});
export type RepLoadAfter = z.infer<typeof RepLoadAfter>;

/**
 * Who made a proposal run: a manager in the sidebar, the schedule (installed by a manager),
 * the local command (whoever runs it holds the file), or a rep, whose propose is a preview
 * that is never saved (issue 12) and whose run apply would refuse if it ever were.
 */
export const ProposalMaker = z.object({ actor: z.string(), role: z.enum(['manager', 'schedule', 'command', 'rep']) });
export type ProposalMaker = z.infer<typeof ProposalMaker>;

/** A run apply may write: one that says who made it, in a role that decides owners. */
export function applicableRun(run: ProposalRun): boolean {
  return run.madeBy !== null && run.madeBy.role !== 'rep';
}

/** The last propose run: apply writes exactly these, never a fresh computation (DESIGN §5). */
export const ProposalRun = z.object({
  runId: z.string(),
  /** Null in runs saved before runs said who made them: apply refuses those (a rep's propose could save one then). */
  madeBy: ProposalMaker.nullable().default(null),
  asOf: z.string(),
  strategy: z.string(),
  rebalance: z.boolean(),
  items: z.array(ProposalItem),
  load: z.array(RepLoadAfter).default([]),
});
export type ProposalRun = z.infer<typeof ProposalRun>;

/** An Owner cell that apply changed: `before` is the cell exactly as it was, so undo can put it back. */
export const OwnerChange = z.object({
  customerId: z.string(),
  before: z.string().nullable(),
  /** What apply wrote. */
  after: z.string(),
  reason: z.string(),
});
export type OwnerChange = z.infer<typeof OwnerChange>;

export const ApplyRecord = z.object({ runId: z.string(), at: z.string(), actor: z.string(), changes: z.array(OwnerChange) });
export type ApplyRecord = z.infer<typeof ApplyRecord>;

/**
 * The sections the owner use cases keep in the saved state: the rotation (propose), the
 * last proposal run (propose → apply), the last apply (apply → undo) and the pool's
 * stale flags, cooldowns and claims (recycle, claim, propose).
 */
export const OwnerState = AppState.extend({
  assign: AssignState.prefault({}),
  pool: PoolState.prefault({}),
  proposals: ProposalRun.nullable().default(null),
  lastApply: ApplyRecord.nullable().default(null),
});
export type OwnerState = z.infer<typeof OwnerState>;

/** The saved state with the owner sections, or fresh ones when there is none or it cannot be read. */
export function loadOwnerState(store: StateStore): OwnerState {
  const parsed = parseOwnerState(store.load() ?? {});
  return parsed.success ? parsed.data : OwnerState.parse({});
}

const parsedStates = new WeakMap<object, ReturnType<typeof OwnerState.safeParse>>();

/**
 * OwnerState.safeParse, once per state object: a store reads its state once per execution
 * and checks its shape (saved-state.ts), then each use case of the execution loads it
 * again, and in a big book each check walks the 50,000 entries of every per-customer map
 * and proposal list. Sharing the parsed state is safe because the use cases never change
 * a loaded state: they save a new one, which is a new object and is parsed anew.
 */
export function parseOwnerState(state: unknown): ReturnType<typeof OwnerState.safeParse> {
  if (typeof state !== 'object' || state === null) return OwnerState.safeParse(state);
  let parsed = parsedStates.get(state);
  if (parsed === undefined) parsedStates.set(state, (parsed = OwnerState.safeParse(state)));
  return parsed;
}
