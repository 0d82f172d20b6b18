import type { TimeUnit } from '../../settings/clv.js';
import { expectedPurchasesIfAlive } from './bg-nbd-expectations.js';
import type { BgNbdParameters } from './clv-result.js';
import { distinctValues } from './customer-groups.js';
import { DAYS_PER_UNIT, DAYS_PER_YEAR } from './time-units.js';

/**
 * Discounting a customer's future purchases over the horizon, period by period in the
 * model's own unit (issue 3: never mix units).
 */

/** A yearly rate as the equivalent compound rate per model period: (1 + annual)^(period/year) − 1. */
export function periodDiscountRate(annualRate: number, unit: TimeUnit): number {
  return Math.pow(1 + annualRate, DAYS_PER_UNIT[unit] / DAYS_PER_YEAR) - 1;
}

/** The ends of the periods (1, 2, …, and the horizon itself when it is not whole) and the discount factor at each. */
export interface HorizonSchedule {
  ends: Float64Array;
  discount: Float64Array;
}

/** Horizons within this of a whole number of periods are that whole number (52 weeks converted through days and back). */
const WHOLE_PERIOD = 1e-9;

export function horizonSchedule(horizon: number, periodRate: number): HorizonSchedule {
  const whole = Math.round(horizon);
  const periods = Math.abs(horizon - whole) <= WHOLE_PERIOD ? whole : Math.floor(horizon);
  const ends: number[] = [];
  for (let k = 1; k <= periods; k++) ends.push(k);
  if (periods < horizon - WHOLE_PERIOD) ends.push(horizon);
  return { ends: Float64Array.from(ends), discount: Float64Array.from(ends, (t) => Math.pow(1 + periodRate, -t)) };
}

export interface FuturePurchases {
  /** Expected purchases over the whole horizon if the customer is alive now. */
  ifAlive: Float64Array;
  /** The same purchases, each period's share discounted to today: Σk [E(tk) − E(tk−1)] / (1 + d)^tk. */
  discountedIfAlive: Float64Array;
}

/**
 * Both figures for every customer, given as columns x and T. They depend on (x, T) only,
 * and times built from calendar days take few distinct values, so each distinct pair is
 * computed once: the hypergeometric function is evaluated (distinct pairs × periods)
 * times, not (customers × periods). Multiply by P(alive) for the unconditional values.
 */
export function futurePurchases(params: BgNbdParameters, x: Float64Array, T: Float64Array, schedule: HorizonSchedule): FuturePurchases {
  const xs = distinctValues(x);
  const Ts = distinctValues(T);
  const nT = Ts.values.length;
  const curves = new Map<number, (T: number, t: number) => number>();
  const computed = new Map<number, [number, number]>();
  const ifAlive = new Float64Array(x.length);
  const discountedIfAlive = new Float64Array(x.length);
  const last = schedule.ends.length - 1;

  for (let i = 0; i < x.length; i++) {
    const key = xs.index[i] * nT + Ts.index[i];
    let pair = computed.get(key);
    if (pair === undefined) {
      let curve = curves.get(x[i]);
      if (curve === undefined) {
        curve = expectedPurchasesIfAlive(params, x[i]);
        curves.set(x[i], curve);
      }
      let before = 0;
      let discounted = 0;
      for (let k = 0; k <= last; k++) {
        const upTo = curve(T[i], schedule.ends[k]);
        discounted += (upTo - before) * schedule.discount[k];
        before = upTo;
      }
      pair = [before, discounted];
      computed.set(key, pair);
    }
    ifAlive[i] = pair[0];
    discountedIfAlive[i] = pair[1];
  }
  return { ifAlive, discountedIfAlive };
}
