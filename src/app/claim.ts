import { claimCustomer } from '../core/pool/claim.js';
import { readAssignBook, readReps, requireOwnerHeader } from './assign-input.js';
import { bookFacts } from './book-facts.js';
import { CannotRun } from './cannot-run.js';
import { logOwnerChanges, runIdAt } from './log.js';
import { loadOwnerState } from './owner-state.js';
import { sameCompanyIn } from './same-company.js';
import type { ActorRequest } from './ports.js';
import type { BookFacts, Summary } from './summary.js';

export interface ClaimRequest extends ActorRequest {
  /** The claiming rep, by name or e-mail as in the Reps tab. */
  readonly rep: string;
  readonly customerId: string;
}

export interface ClaimOutcome {
  readonly facts: BookFacts;
  readonly claim: NonNullable<Summary['claim']>;
}

/**
 * A rep takes a customer from the pool (DESIGN §5): within the daily claim limit, the
 * rep's caps and the same eligibility as a proposal. The Owner cell gets the rep's name
 * as the Reps tab spells it, and the claim is logged. A refusal is a CannotRun whose
 * message says why, so the command exits 1 with it and the sidebar shows it.
 */
export function claim(request: ClaimRequest): ClaimOutcome {
  const { workbook, settings, asOfDay } = request;
  const book = readAssignBook(workbook, settings, asOfDay, request.state);
  const ownerHeader = requireOwnerHeader(book.ownerHeader, settings);
  const reps = readReps(workbook, settings);
  const state = loadOwnerState(request.state);
  const result = claimCustomer({
    customerId: request.customerId.trim(),
    rep: request.rep,
    customers: book.customers,
    reps: reps.reps,
    asOfDay,
    settings: { assign: settings.assign, pool: settings.pool },
    state: state.pool,
    duplicateGroups: sameCompanyIn(book, settings, request.state).duplicates.groups.map((g) => g.ids),
  });
  if (!result.ok) throw new CannotRun(`${result.reason}.`);

  const [named, ...company] = result.changes;
  const runId = runIdAt('C', request.clock.now());
  workbook.writeCells(settings.tabs.customers, ownerHeader, result.changes.map((c) => ({ row: c.row, value: c.to })));
  const reasonOf = (customerId: string) => (customerId === named.customerId ? 'claimed from the pool' : `claimed from the pool with ${named.customerId}, the same company`);
  logOwnerChanges(workbook, request.clock, runId, 'claim', request.actor, result.changes.map((c) => ({ ...c, reason: reasonOf(c.customerId) })));
  request.state.save({ ...state, pool: result.state });
  return {
    facts: bookFacts(book.scores, [...book.issues, ...reps.issues]),
    claim: { runId, customerId: named.customerId, rep: named.to, from: named.from, sameCompany: company.map((c) => c.customerId) },
  };
}
