import type { Rep } from '../core/assign/rep.js';
import { dashboardMetrics } from '../core/metrics/dashboard.js';
import { type MetricDeal, inPeriod } from '../core/metrics/deal.js';
import { type DealList, STAGE_CODE } from '../core/parse/deals-tab.js';
import { formatDay } from '../core/parse/days.js';
import type { Stage } from '../core/parse/stages.js';
import type { Settings } from '../core/settings/schema.js';
import type { Cell } from '../core/table.js';
import type { AssignBook } from './assign-input.js';
import { bookFacts } from './book-facts.js';

export interface DashboardInput {
  readonly book: AssignBook;
  readonly reps: readonly Rep[];
  readonly settings: Settings;
  readonly asOfDay: number;
  /** Owner cells per customer id at the last run, to count customers moved since. */
  readonly previousOwners?: Readonly<Record<string, string>>;
  /** Customers the last proposal run could not place. */
  readonly unplaced?: number;
}

/** Stage by STAGE_CODE, the inverse of how the deals were stored. */
const STAGE_OF = Object.fromEntries(Object.entries(STAGE_CODE).map(([stage, code]) => [code, stage])) as Record<number, Stage>;

/**
 * The rows of the `TW Dashboard` tab (issue 4 item 8), for workbook.replaceTab: blocks
 * separated by a blank row — tier mix, segment mix, one row per rep, then the book-wide
 * measures. Numbers stay numbers (shares and rates as fractions) so the sheet can format
 * and chart them; the first row is the tab's header.
 */
export function buildDashboard(input: DashboardInput): Cell[][] {
  const { book, settings, asOfDay } = input;
  const { scores } = book;
  const metrics = dashboardMetrics({
    customers: book.customers,
    reps: input.reps,
    deals: scores.deals ? metricDeals(scores.deals.all, scores.customers.ids, asOfDay, settings.assign.metricsPeriodDays) : [],
    asOfDay,
    settings: settings.assign,
    previousOwners: input.previousOwners,
    unplaced: input.unplaced,
  });
  const total = book.customers.length;
  const share = (n: number) => (total === 0 ? 0 : round(n / total, 4));
  const period = settings.assign.metricsPeriodDays;

  const { tiers, segments } = bookFacts(scores);

  return [
    ['Tierwise dashboard', 'as of', formatDay(asOfDay)],
    [],
    ['Tier', 'Customers', 'Share'],
    ...(['A', 'B', 'C'] as const).map((t) => [t, tiers[t], share(tiers[t])]),
    // Every customer scored the same: the block says so rather than show an empty mix.
    ...(scores.tiered ? [] : [['No tier', total, share(total)]]),
    [],
    ['Segment', 'Customers', 'Share'],
    ...Object.entries(segments).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, n]) => [name, n, share(n)]),
    [],
    ['Rep', 'Customers', 'Total score', 'A tier', 'Capacity', 'Capacity use', `Won (${period} days)`, `Closed (${period} days)`, 'Conversion', 'Customers lost'],
    ...metrics.perRep.map((r) => [
      r.rep,
      r.count,
      round(r.score, 2),
      r.aCount,
      r.capacity,
      r.capacityUse === null ? null : round(r.capacityUse, 4),
      r.conversion.won,
      r.conversion.closed,
      r.conversion.rate === null ? null : round(r.conversion.rate, 4),
      r.lost,
    ]),
    [],
    ['Measure', 'Value'],
    ['Gini of total score across active reps (0 = even)', round(metrics.gini, 4)],
    ['Customers in the pool (no valid owner)', metrics.unowned],
    [`Conversion, won / closed deals in the last ${period} days`, metrics.conversion.rate === null ? null : round(metrics.conversion.rate, 4)],
    [`Customers lost (bought in the ${period} days before, not in the last ${period})`, metrics.lost.length],
    ['Customers moved since the last run', metrics.moved],
    ['Customers the last proposal could not place', metrics.unplaced],
  ];
}

/**
 * Deals as the metrics read them, by customer id; the Deals tab's owner is not read, so the
 * customer's owner counts. Only the deals a measure can count are made into objects: closed
 * in the period (conversion) or won in it or the period before (customers lost). The
 * others change no figure, and a book of 500,000 deals would otherwise get an object each.
 */
function metricDeals(all: DealList, ids: readonly string[], asOfDay: number, periodDays: number): MetricDeal[] {
  const deals: MetricDeal[] = [];
  for (let d = 0; d < all.customer.length; d++) {
    const stage = STAGE_OF[all.stage[d]];
    // A refund is money back on an order already counted, not a deal closed.
    if (stage === 'refunded') continue;
    const day = all.day[d];
    const closedNow = stage !== 'open' && inPeriod(day, asOfDay, periodDays);
    const wonBefore = stage === 'won' && inPeriod(day, asOfDay - periodDays, periodDays);
    if (closedNow || wonBefore) deals.push({ customerId: ids[all.customer[d]], owner: null, day, stage });
  }
  return deals;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
