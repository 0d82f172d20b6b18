import type { AssignCustomer } from '../core/assign/customer.js';
import type { Duplicates } from '../core/assign/duplicates.js';
import type { PoolState } from '../core/pool/state.js';
import { staleReasons, staleWarning } from '../core/pool/stale.js';
import type { BookScores } from '../core/score/score-book.js';
import type { Tier } from '../core/score/tiers.js';
import type { PoolSettings } from '../core/settings/pool.js';
import type { Settings } from '../core/settings/schema.js';
import type { Cell } from '../core/table.js';
import type { AssignBook } from './assign-input.js';
import { OWNED } from './owned-columns.js';
import type { OwnerState } from './owner-state.js';
import type { OwnedColumn } from './ports.js';

/**
 * Everything `TW Flags` says, by source. One function builds the whole cell from all of
 * them, so a run never drops another run's flags: rescore, propose and recycle each
 * write the full cell.
 */
export interface FlagSources {
  readonly scores: BookScores;
  /** "same company as row 12", per customer id (findDuplicates). */
  readonly duplicates: Readonly<Record<string, string>>;
  /** What the pool says, per customer id: a warning before recycling, or the recycling itself. */
  readonly pool: Readonly<Record<string, string>>;
}

/** Short warnings a rep acts on, from scoring: churn risk and CLV fallback. */
export function scoreFlags(scores: BookScores, k: number): string[] {
  const flags: string[] = [];
  const clv = scores.clv;
  if (clv?.churnRisk[k]) flags.push(`churn risk: P(alive) ${percent(clv.pAlive[k])}, once a top customer`);
  if (clv?.fallback[k]) flags.push('CLV is historical value (no model fit, see summary)');
  return flags;
}

/** The `TW Flags` cell of customer k: every source's flags joined with "; ", blank when none. */
export function flagsCell(sources: FlagSources, k: number): string | null {
  const id = sources.scores.customers.ids[k];
  const flags = [...scoreFlags(sources.scores, k), sources.duplicates[id], sources.pool[id]].filter((f): f is string => Boolean(f));
  return flags.length === 0 ? null : flags.join('; ');
}

/** `TW Flags` for every data row of the tab as read; rows that are not customers stay blank. */
export function flagsColumn(sources: FlagSources): OwnedColumn {
  const customers = sources.scores.customers;
  const values: Cell[] = new Array(customers.table.rows.length).fill(null);
  for (let k = 0; k < customers.ids.length; k++) values[customers.rows[k]] = flagsCell(sources, k);
  return { header: OWNED.flags, values };
}

/**
 * The pool's warnings between recycle runs: customers a recycle flagged that are still
 * stale, with the day they go back to the pool. A run that does not recycle (rescore,
 * propose) rewrites the flags cell, and must not lose these; one no longer stale loses
 * its warning here at once, and its flag at the next recycle.
 */
export function standingPoolFlags(
  customers: readonly AssignCustomer[],
  pool: PoolState,
  settings: PoolSettings,
  asOfDay: number,
  previousTiers: Readonly<Record<string, Tier>> | null,
): Record<string, string> {
  const flags: Record<string, string> = {};
  if (!settings.enabled) return flags;
  const flagged = new Map(pool.staleFlags.map((f) => [f.customerId, f.firstStaleDay]));
  for (const customer of customers) {
    const firstStaleDay = flagged.get(customer.id);
    if (firstStaleDay === undefined || customer.owner.trim() === '') continue;
    const reasons = staleReasons({ ...customer, previousTier: previousTiers?.[customer.id] ?? null }, settings, asOfDay);
    if (reasons.length === 0) continue;
    flags[customer.id] = staleWarning(reasons, firstStaleDay + settings.warningDays, asOfDay);
  }
  return flags;
}

/**
 * The flags of a run that does not recycle (rescore, propose): scoring's, duplicates', and
 * the pool's standing warnings from the saved state.
 */
export function standingFlags(book: AssignBook, duplicates: Duplicates, state: OwnerState, settings: Settings, asOfDay: number): FlagSources {
  return {
    scores: book.scores,
    duplicates: duplicates.flags,
    pool: standingPoolFlags(book.customers, state.pool, settings.pool, asOfDay, state.lastRescore?.tiers ?? null),
  };
}

/** A probability as a person reads it: "12%", and "<1%" rather than a misleading "0%". */
function percent(p: number): string {
  const rounded = Math.round(p * 100);
  return rounded === 0 && p > 0 ? '<1%' : `${rounded}%`;
}
