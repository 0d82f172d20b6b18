import { CannotRun } from './cannot-run.js';
import { logOwnerChanges } from './log.js';
import { readOwnerColumn, sameOwner, unscoredFacts } from './owner-column.js';
import { type OwnerChange, loadOwnerState } from './owner-state.js';
import type { ActorRequest, CellWrite } from './ports.js';
import type { BookFacts, Summary } from './summary.js';

export type UndoRequest = ActorRequest;

export interface UndoOutcome {
  readonly facts: BookFacts;
  readonly undo: NonNullable<Summary['undo']>;
}

/**
 * Puts back exactly the Owner cells the last apply replaced, and logs each. A cell that
 * no longer holds what apply wrote was changed by hand since: it is left alone and
 * reported. Undo is one step: afterwards there is nothing left to undo.
 */
export function undo(request: UndoRequest): UndoOutcome {
  const { workbook, settings } = request;
  const state = loadOwnerState(request.state);
  const record = state.lastApply;
  if (!record) throw new CannotRun('There is nothing to undo: no apply since the last undo (tierwise apply writes the saved proposals).');
  const owners = readOwnerColumn(workbook, settings);

  const writes: CellWrite[] = [];
  const reverted: OwnerChange[] = [];
  const skipped: { customerId: string; reason: string }[] = [];
  for (const change of record.changes) {
    const found = owners.find(change.customerId);
    if (!found) skipped.push({ customerId: change.customerId, reason: `no longer in the ${settings.tabs.customers} tab` });
    else if (!sameOwner(found.cell, change.after)) {
      skipped.push({ customerId: change.customerId, reason: `the Owner cell was changed by hand since the apply (now '${(found.cell ?? '').trim()}'); left alone` });
    } else {
      writes.push({ row: found.row, value: change.before });
      reverted.push(change);
    }
  }

  if (writes.length > 0) workbook.writeCells(settings.tabs.customers, owners.header, writes);
  logOwnerChanges(
    workbook,
    request.clock,
    record.runId,
    'undo',
    request.actor,
    reverted.map((c) => ({ customerId: c.customerId, from: c.after, to: (c.before ?? '').trim(), reason: `undo of the apply at ${record.at}` })),
  );
  request.state.save({ ...state, lastApply: null });
  return { facts: unscoredFacts(owners, state), undo: { runId: record.runId, reverted: reverted.length, skipped } };
}
