import { formatDay } from '../core/parse/days.js';
import { type Warned, recycleStale } from '../core/pool/recycle.js';
import { readAssignBook, requireOwnerHeader } from './assign-input.js';
import { bookFacts } from './book-facts.js';
import { flagsColumn } from './flags.js';
import { logOwnerChanges, runIdAt } from './log.js';
import { loadOwnerState } from './owner-state.js';
import { sameCompanyIn } from './same-company.js';
import type { ActorRequest } from './ports.js';
import type { BookFacts, Summary } from './summary.js';

export interface RecycleRequest extends ActorRequest {
  /** Work out the same outcome, and write and save nothing. */
  readonly dryRun?: boolean;
}

export interface RecycleOutcome {
  readonly facts: BookFacts;
  readonly recycle: NonNullable<Summary['recycle']>;
}

/**
 * One run of the pool (DESIGN §5): customers that turn stale are warned in `TW Flags`
 * with the day they go back to the pool; those still stale on that day lose their owner
 * (the Owner cell is cleared, logged, and the old owner gets a cooldown on them). A dry
 * run reports exactly what a real run on the same day would do.
 */
export function recycle(request: RecycleRequest): RecycleOutcome {
  const { workbook, settings, asOfDay } = request;
  const book = readAssignBook(workbook, settings, asOfDay, request.state);
  const ownerHeader = requireOwnerHeader(book.ownerHeader, settings);
  const state = loadOwnerState(request.state);
  const result = recycleStale({ customers: book.customers, previousTiers: state.lastRescore?.tiers, asOfDay, settings: settings.pool, state: state.pool });
  const dryRun = request.dryRun ?? false;

  let runId: string | null = null;
  if (!dryRun) {
    runId = runIdAt('R', request.clock.now());
    workbook.writeOwnedColumns(settings.tabs.customers, [flagsColumn({ scores: book.scores, duplicates: sameCompanyIn(book, settings, request.state).duplicates.flags, pool: result.flags })]);
    if (result.recycled.length > 0) workbook.writeCells(settings.tabs.customers, ownerHeader, result.recycled.map((r) => ({ row: r.row, value: null })));
    logOwnerChanges(workbook, request.clock, runId, 'recycle', request.actor, result.recycled.map((r) => ({ customerId: r.customerId, from: r.from, to: '', reason: r.reason })));
    request.state.save({ ...state, pool: result.state });
  }

  return {
    facts: bookFacts(book.scores),
    recycle: {
      runId,
      dryRun,
      newWarnings: result.newWarnings.map(staleCustomer),
      warned: result.warned.map(staleCustomer),
      recycled: result.recycled.map((r) => ({ customerId: r.customerId, from: r.from, reason: r.reason })),
      deferred: result.deferred.map(staleCustomer),
    },
  };
}

function staleCustomer(w: Warned) {
  return { customerId: w.customerId, owner: w.owner, recycleOn: formatDay(w.recycleDay), reasons: [...w.reasons] };
}
