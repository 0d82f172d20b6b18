import { proposeOwners, type ProposeResult } from '../core/assign/propose.js';
import { gini } from '../core/metrics/gini.js';
import { formatDay } from '../core/parse/days.js';
import type { Cell } from '../core/table.js';
import { readAssignBook, readReps } from './assign-input.js';
import { bookFacts } from './book-facts.js';
import { flagsColumn, standingFlags } from './flags.js';
import { runIdAt } from './log.js';
import { OWNED } from './owned-columns.js';
import { type ProposalItem, type ProposalMaker, loadOwnerState } from './owner-state.js';
import type { ActorRequest } from './ports.js';
import { sameCompanyIn } from './same-company.js';
import { withComputations } from './saved-computations.js';
import type { BookFacts, Summary } from './summary.js';

export interface ProposeRequest extends ActorRequest {
  /** Propose every customer, not only those without a valid owner. */
  readonly rebalance?: boolean;
  /** Who makes the run and in what role; apply applies only runs made by a role that may. */
  readonly madeBy: ProposalMaker;
}

export interface ProposeOutcome {
  readonly facts: BookFacts;
  readonly assign: NonNullable<Summary['assign']>;
}

/**
 * Read the tabs, score, propose owners, write `TW Proposed Owner`, `TW Reason`, `TW Fit`
 * and `TW Flags`, and save the proposals under a run id for apply. Customers not up for
 * an owner get blank proposal cells, so filtering `TW Proposed Owner` shows exactly the
 * decisions to review.
 */
export function propose(request: ProposeRequest): ProposeOutcome {
  const { workbook, settings, asOfDay } = request;
  const book = readAssignBook(workbook, settings, asOfDay, request.state);
  const sameCompany = sameCompanyIn(book, settings, request.state);
  const reps = readReps(workbook, settings);
  const state = loadOwnerState(request.state);
  const rebalance = request.rebalance ?? false;
  const result = proposeOwners({
    customers: book.customers,
    reps: reps.reps,
    asOfDay,
    settings: settings.assign,
    state: state.assign,
    cooldowns: state.pool.cooldowns,
    duplicateGroups: sameCompany.duplicates.groups.map((g) => g.ids),
    rebalance,
  });

  const rowCount = book.scores.customers.table.rows.length;
  const column = (): Cell[] => new Array(rowCount).fill(null);
  const [owners, reasons, fits] = [column(), column(), column()];
  for (const p of result.proposals) {
    owners[p.row] = p.proposedOwner;
    reasons[p.row] = p.reason;
    fits[p.row] = p.fit;
  }
  workbook.writeOwnedColumns(settings.tabs.customers, [
    { header: OWNED.proposedOwner, values: owners },
    { header: OWNED.reason, values: reasons },
    { header: OWNED.fit, values: fits },
    flagsColumn(standingFlags(book, sameCompany.duplicates, state, settings, asOfDay)),
  ]);

  const activeReps = new Set(reps.reps.filter((r) => r.active).map((r) => r.name));
  const runId = runIdAt('P', request.clock.now());
  const items: ProposalItem[] = result.proposals
    .filter((p) => p.change || p.proposedOwner === null)
    .map((p) => ({ customerId: p.customerId, from: p.currentOwner, to: p.proposedOwner, reason: p.reason }));
  request.state.save(withComputations({
    ...state,
    assign: result.state,
    proposals: {
      runId,
      madeBy: request.madeBy,
      asOf: formatDay(asOfDay),
      strategy: result.strategy,
      rebalance,
      items,
      load: result.perRep.map((r) => ({ rep: r.rep, count: r.count, capacity: r.capacity, active: activeReps.has(r.rep) })),
    },
  }, book.scores, sameCompany));

  const issues = [...book.issues, ...reps.issues];
  return { facts: bookFacts(book.scores, issues), assign: assignSection(result, runId, rebalance, activeReps) };
}

function assignSection(result: ProposeResult, runId: string, rebalance: boolean, active: ReadonlySet<string>): ProposeOutcome['assign'] {
  const placed = result.proposals.filter((p) => p.proposedOwner !== null);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    runId,
    strategy: result.strategy,
    rebalance,
    proposed: placed.length,
    changes: placed.filter((p) => p.change).length,
    kept: result.kept,
    unplaced: result.proposals.filter((p) => p.proposedOwner === null).map((p) => ({ customerId: p.customerId, reason: p.reason })),
    perRep: result.perRep.map((r) => ({ ...r, active: active.has(r.rep), score: round(r.score) })),
    objective: round(result.objective),
    gini: Math.round(gini(result.perRep.filter((r) => active.has(r.rep)).map((r) => r.score)) * 10000) / 10000,
  };
}
