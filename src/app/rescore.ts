import type { Issue } from '../core/issue.js';
import { formatDay } from '../core/parse/days.js';
import { scoreBook, type BookScores } from '../core/score/score-book.js';
import type { Tier } from '../core/score/tiers.js';
import type { Cell } from '../core/table.js';
import { textSafe } from '../core/text.js';
import { OWNED, type OwnedKey } from './owned-columns.js';
import type { OwnedColumn, UseCaseRequest } from './ports.js';
import { loadState } from './state.js';
import { CannotRun } from './cannot-run.js';
import { type FlagSources, flagsCell, standingFlags } from './flags.js';
import { assignBookOf } from './assign-input.js';
import { buildDashboard } from './dashboard.js';
import { loadOwnerState } from './owner-state.js';
import { parseReps } from '../core/assign/reps.js';
import { OWN_TABS } from './owned-columns.js';

export type RescoreRequest = UseCaseRequest;

export interface Movement {
  readonly up: number;
  readonly down: number;
  readonly new: number;
}

export interface RescoreOutcome {
  readonly scores: BookScores;
  readonly tiers: Record<Tier, number>;
  readonly segments: Record<string, number>;
  readonly issues: Issue[];
  readonly notes: string[];
  /** Tier changes since the last rescore, null on the first. */
  readonly movement: Movement | null;
}

/** Read the tabs, score, decide the owned columns, write them, remember the tiers. */
export function rescore(request: RescoreRequest): RescoreOutcome {
  const { workbook, settings, asOfDay } = request;
  const customersTab = workbook.readTable(settings.tabs.customers);
  if (!customersTab) throw new CannotRun(`The book has no ${settings.tabs.customers} tab (tab names are in the settings: tabs.customers).`);
  const run = scoreBook({ customers: customersTab, deals: workbook.readTable(settings.tabs.deals), settings, asOfDay });
  if (!run.ok) throw new CannotRun(run.issues.map((i) => i.message).join('; '));
  const scores = run.result;

  const book = assignBookOf(scores, settings);
  const ownerState = loadOwnerState(request.state);
  const flags = standingFlags(book, ownerState, settings, asOfDay);
  workbook.writeOwnedColumns(settings.tabs.customers, ownedColumns(scores, flags, customersTab.rows.length, formatDay(asOfDay)));

  // The dashboard is rebuilt on every rescore; a book without a usable Reps tab gets it without per-rep rows.
  const repsTable = workbook.readTable(settings.tabs.reps);
  const repsRead = repsTable ? parseReps(repsTable, settings) : null;
  if (repsRead) scores.issues.push(...repsRead.issues);
  const unplaced = ownerState.proposals?.items.filter((item) => item.to === null).length;
  workbook.replaceTab(OWN_TABS.dashboard, buildDashboard({ book, reps: repsRead?.ok ? repsRead.reps : [], settings, asOfDay, unplaced }));

  const state = loadState(request.state);
  const tiersById: Record<string, Tier> = {};
  scores.customers.ids.forEach((id, k) => (tiersById[id] ??= scores.tiers[k]));
  const movement = state.lastRescore ? compareTiers(state.lastRescore.tiers, tiersById) : null;
  request.state.save({ ...state, lastRescore: { asOf: formatDay(asOfDay), runAt: request.clock.now().toISOString(), tiers: tiersById } });

  return {
    scores,
    tiers: countBy(scores.tiers, ['A', 'B', 'C']),
    segments: scores.rfm ? countBy(scores.rfm.segments, []) : {},
    issues: scores.issues,
    notes: scores.notes,
    movement,
  };
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

function countBy<K extends string>(values: readonly K[], keys: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** One value per data row of the tab; rows that are not customers get blanks. */
function ownedColumns(scores: BookScores, flags: FlagSources, rowCount: number, asOf: string): OwnedColumn[] {
  const { customers, rfm, deals } = scores;
  const columns = new Map<OwnedKey, Cell[]>();
  const put = (key: OwnedKey, valueOf: (k: number) => Cell) => {
    const values: Cell[] = new Array(rowCount).fill(null);
    for (let k = 0; k < customers.rows.length; k++) {
      const value = valueOf(k);
      values[customers.rows[k]] = typeof value === 'string' ? textSafe(value) : value;
    }
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
    put('monetary', (k) => orBlank(Math.round(deals.monetary[k] * 100) / 100));
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
