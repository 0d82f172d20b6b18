import type { AssignCustomer } from '../assign/customer.js';
import { holder, matchOwner } from '../assign/owner.js';
import { ownerKey } from '../assign/roster.js';
import type { Rep } from '../assign/rep.js';
import { makeRoster } from '../assign/roster.js';
import type { AssignSettings } from '../settings/assign.js';
import { type Conversion, conversion, customersLost } from './conversion.js';
import type { MetricDeal } from './deal.js';
import { gini } from './gini.js';

export interface RepMetrics {
  readonly rep: string;
  readonly count: number;
  readonly score: number;
  readonly aCount: number;
  readonly capacity: number | null;
  /** count / capacity; null without a cap. */
  readonly capacityUse: number | null;
  readonly conversion: Conversion;
  /** Its customers among those lost this period. */
  readonly lost: number;
}

export interface DashboardInput {
  readonly customers: readonly AssignCustomer[];
  readonly reps: readonly Rep[];
  readonly deals: readonly MetricDeal[];
  readonly asOfDay: number;
  readonly settings: AssignSettings;
  /** Owner cells per customer id at the last run, to count customers moved since. */
  readonly previousOwners?: Readonly<Record<string, string>>;
  /** Customers the last proposal run could not place. */
  readonly unplaced?: number;
}

export interface Dashboard {
  readonly perRep: readonly RepMetrics[];
  /** Customers without a valid owner (blank, unknown or inactive). */
  readonly unowned: number;
  readonly conversion: Conversion;
  readonly lost: readonly string[];
  /** Gini of total score across active reps: 0 is an even spread. */
  readonly gini: number;
  /** Customers whose owner differs from `previousOwners` (same rule as owner matching). */
  readonly moved: number;
  readonly unplaced: number;
}

/** The numbers of the `TW Dashboard` tab (issue 4 item 8), from the book as it stands. */
export function dashboardMetrics(input: DashboardInput): Dashboard {
  const { asOfDay, settings } = input;
  const period = settings.metricsPeriodDays;
  const roster = makeRoster(input.reps, settings, asOfDay);
  const load = roster.reps.map(() => ({ count: 0, score: 0, aCount: 0, lost: 0 }));
  const ownerById = new Map(input.customers.map((c) => [c.id, c.owner]));
  const lost = customersLost(input.deals, asOfDay, period);
  const lostSet = new Set(lost);
  let unowned = 0;
  for (const customer of input.customers) {
    const rep = holder(matchOwner(roster, customer.owner));
    if (!rep) {
      unowned++;
      continue;
    }
    const l = load[rep.index];
    l.count++;
    l.score += customer.score;
    if (customer.tier === 'A') l.aCount++;
    if (lostSet.has(customer.id)) l.lost++;
  }
  const rates = conversion(input.deals, roster, (id) => ownerById.get(id) ?? '', asOfDay, period);
  const perRep = roster.reps.map((r, j) => ({
    rep: r.rep.name,
    ...load[j],
    capacity: r.capacity,
    capacityUse: r.capacity === null || r.capacity === 0 ? null : load[j].count / r.capacity,
    conversion: rates.perRep[r.rep.name],
  }));
  let moved = 0;
  if (input.previousOwners) {
    for (const c of input.customers) {
      const before = input.previousOwners[c.id];
      if (before !== undefined && ownerKey(before) !== ownerKey(c.owner)) moved++;
    }
  }
  return {
    perRep,
    unowned,
    conversion: rates.overall,
    lost,
    gini: gini(roster.reps.filter((r) => r.rep.active).map((r) => load[r.index].score)),
    moved,
    unplaced: input.unplaced ?? 0,
  };
}
