import { CannotRun } from './cannot-run.js';
import { logOwnerChanges } from './log.js';
import { readOwnerColumn, sameOwner, unscoredFacts } from './owner-column.js';
import { type OwnerChange, type ProposalRun, applicableRun, loadOwnerState } from './owner-state.js';
import type { ActorRequest, CellWrite } from './ports.js';
import type { BookFacts, Summary } from './summary.js';

export interface ApplyRequest extends ActorRequest {
  /** Customer ids to apply; all of the run's proposals when absent. */
  readonly only?: readonly string[];
  /** The run the caller reviewed: refused unless it is the saved run, so a newer run is never applied unseen. */
  readonly runId?: string;
}

export interface ApplyOutcome {
  readonly facts: BookFacts;
  readonly apply: NonNullable<Summary['apply']>;
}

/**
 * Writes the saved proposals of the last propose run into the Owner column — never a
 * fresh computation (DESIGN §5) — logs one `TW Log` row per change, and remembers the
 * cells as they were for undo. A customer is left alone, and reported, when it could not
 * be placed, already has the proposed owner, or its Owner cell changed since the proposal
 * (someone decided by hand, and that wins).
 */
export function apply(request: ApplyRequest): ApplyOutcome {
  const { workbook, settings } = request;
  const state = loadOwnerState(request.state);
  const run = state.proposals;
  if (!run) throw new CannotRun('There are no saved proposals: run tierwise propose first.');
  requireApplicable(run, request.runId);
  const owners = readOwnerColumn(workbook, settings);

  const wanted = request.only ? new Set(request.only) : null;
  const skipped: { customerId: string; reason: string }[] = [];
  if (wanted) {
    const proposed = new Set(run.items.map((i) => i.customerId));
    for (const id of wanted) if (!proposed.has(id)) skipped.push({ customerId: id, reason: `not among the proposals of run ${run.runId}` });
  }
  const writes: CellWrite[] = [];
  const changes: OwnerChange[] = [];
  for (const item of run.items) {
    if (wanted && !wanted.has(item.customerId)) continue;
    const skip = (reason: string) => skipped.push({ customerId: item.customerId, reason });
    const found = owners.find(item.customerId);
    if (item.to === null) skip(item.reason);
    else if (!found) skip(`no longer in the ${settings.tabs.customers} tab`);
    else if (sameOwner(found.cell, item.to)) skip(`already owned by ${item.to}`);
    else if (!sameOwner(found.cell, item.from)) skip(`the Owner cell changed since the proposal (it was '${item.from}', now '${(found.cell ?? '').trim()}'); left as it is`);
    else {
      const after = item.to;
      writes.push({ row: found.row, value: after });
      changes.push({ customerId: item.customerId, before: found.cell, after, reason: item.reason });
    }
  }

  if (changes.length > 0) {
    workbook.writeCells(settings.tabs.customers, owners.header, writes);
    logOwnerChanges(workbook, request.clock, run.runId, 'apply', request.actor, changes.map((c) => ({ customerId: c.customerId, from: (c.before ?? '').trim(), to: c.after, reason: c.reason })));
    // An apply that changed nothing keeps the previous one for undo.
    request.state.save({ ...state, lastApply: { runId: run.runId, at: request.clock.now().toISOString(), actor: request.actor, changes } });
  }
  return { facts: unscoredFacts(owners, state), apply: { runId: run.runId, applied: changes.length, skipped } };
}

/** Refuses a run nobody with the right to decide owners made, and a run other than the one reviewed. */
function requireApplicable(run: ProposalRun, reviewed: string | undefined): void {
  if (!applicableRun(run)) {
    const who = run.madeBy ? `${run.madeBy.actor}, a ${run.madeBy.role},` : 'a version that did not record who made it';
    throw new CannotRun(`The saved proposals (run ${run.runId}) were made by ${who} and only a manager's run can be applied: propose again as a manager.`);
  }
  if (reviewed !== undefined && reviewed !== run.runId) {
    throw new CannotRun(`Run ${reviewed} is not the saved run: the proposals saved for apply are run ${run.runId}, made by ${run.madeBy?.actor ?? 'someone'} as of ${run.asOf}. Review that run, or propose again.`);
  }
}
