import { parseReps } from '../core/assign/reps.js';
import { formatDay } from '../core/parse/days.js';
import type { BookScores } from '../core/score/score-book.js';
import type { Tier } from '../core/score/tiers.js';
import type { Cell } from '../core/table.js';
import { readAssignBook } from './assign-input.js';
import { bookFacts } from './book-facts.js';
import type { BookFacts } from './summary.js';
import { buildDashboard } from './dashboard.js';
import { type FlagSources, flagsCell, standingFlags } from './flags.js';
import { OWNED, OWN_TABS, type OwnedKey } from './owned-columns.js';
import { loadOwnerState } from './owner-state.js';
import type { OwnedColumn, UseCaseRequest } from './ports.js';
import { sameCompanyIn } from './same-company.js';
import { withComputations } from './saved-computations.js';

export type RescoreRequest = UseCaseRequest;

export interface Movement {
  readonly up: number;
  readonly down: number;
  readonly new: number;
}

/** The book's facts as every summary gives them, with the scores and the tier movement. */
export interface RescoreOutcome extends BookFacts {
  readonly scores: BookScores;
  /** Tier changes since the last rescore, null on the first. */
  readonly movement: Movement | null;
}

/** Read the tabs, score, decide the owned columns, write them, remember the tiers. */
export function rescore(request: RescoreRequest): RescoreOutcome {
  const { workbook, settings, asOfDay } = request;
  const book = readAssignBook(workbook, settings, asOfDay, request.state);
  const scores = book.scores;
  const sameCompany = sameCompanyIn(book, settings, request.state);
  // One read of the saved state: the owner sections give the standing pool flags, and lastRescore the movement.
  const state = loadOwnerState(request.state);
  const flags = standingFlags(book, sameCompany.duplicates, state, settings, asOfDay);
  workbook.writeOwnedColumns(settings.tabs.customers, ownedColumns(scores, flags, formatDay(asOfDay)));

  // The dashboard is rebuilt on every rescore; a book without a usable Reps tab gets it without per-rep rows.
  const repsTable = workbook.readTable(settings.tabs.reps);
  const repsRead = repsTable ? parseReps(repsTable, settings) : null;
  if (repsRead) scores.issues.push(...repsRead.issues);
  const unplaced = state.proposals?.items.filter((item) => item.to === null).length;
  const previousOwners = state.lastRescore?.owners;
  workbook.replaceTab(OWN_TABS.dashboard, buildDashboard({ book, reps: repsRead?.ok ? repsRead.reps : [], settings, asOfDay, unplaced, previousOwners }));

  // An untiered book remembers no tiers: its customers have none to move from.
  const tiersById: Record<string, Tier> = {};
  scores.customers.ids.forEach((id, k) => {
    const tier = scores.tiers[k];
    if (tier !== null) tiersById[id] ??= tier;
  });
  const owners: Record<string, string> = {};
  for (const customer of book.customers) owners[customer.id] ??= customer.owner.trim();
  const movement = state.lastRescore ? compareTiers(state.lastRescore.tiers, tiersById) : null;
  request.state.save(withComputations({ ...state, lastRescore: { asOf: formatDay(asOfDay), runAt: request.clock.now().toISOString(), tiers: tiersById, owners } }, scores, sameCompany));

  return { ...bookFacts(scores), scores, movement };
}

const TIER_RANK: Record<Tier, number> = { A: 3, B: 2, C: 1 };

function compareTiers(before: Record<string, Tier>, after: Record<string, Tier>): Movement {
  let up = 0;
  let down = 0;
  let fresh = 0;
  for (const [id, tier] of Object.entries(after)) {
    const old = before[id];
    if (old === undefined) fresh++;
    else if (TIER_RANK[tier] > TIER_RANK[old]) up++;
    else if (TIER_RANK[tier] < TIER_RANK[old]) down++;
  }
  return { up, down, new: fresh };
}

/** One value per data row of the tab; rows that are not customers get blanks. */
function ownedColumns(scores: BookScores, flags: FlagSources, asOf: string): OwnedColumn[] {
  const { customers, rfm, deals } = scores;
  const rowCount = customers.table.rows.length;
  const columns = new Map<OwnedKey, Cell[]>();
  const put = (key: OwnedKey, valueOf: (k: number) => Cell) => {
    const values: Cell[] = new Array(rowCount).fill(null);
    for (let k = 0; k < customers.rows.length; k++) values[customers.rows[k]] = valueOf(k);
    columns.set(key, values);
  };
  const orBlank = (x: number) => (Number.isNaN(x) ? null : x);
  put('score', (k) => scores.scores[k]);
  put('tier', (k) => scores.tiers[k]);
  if (rfm && deals) {
    put('r', (k) => rfm.r[k] || null);
    put('f', (k) => rfm.f[k] || null);
    put('m', (k) => rfm.m[k] || null);
    put('recencyDays', (k) => orBlank(deals.recencyDays[k]));
    put('frequency', (k) => orBlank(deals.frequency[k]));
    put('monetary', (k) => orBlank(Math.round(deals.netSpend[k] * 100) / 100));
    put('segment', (k) => rfm.segments[k]);
  }
  const clv = scores.clv;
  if (clv) {
    put('clv', (k) => orBlank(Math.round(clv.clv[k] * 100) / 100));
    put('pAlive', (k) => orBlank(Math.round(clv.pAlive[k] * 10000) / 10000));
    put('expectedPurchases', (k) => orBlank(Math.round(clv.expectedPurchases[k] * 1000) / 1000));
  }
  put('why', (k) => scores.why[k]);
  put('flags', (k) => flagsCell(flags, k));
  put('asOf', () => asOf);
  return [...columns].map(([key, values]) => ({ header: OWNED[key], values }));
}
