import type { TimeUnit } from '../../settings/clv.js';
import { DAYS_PER_UNIT } from './time-units.js';

/** One won purchase: the calendar day (whole days since 1970-01-01) and its amount. */
export interface Purchase {
  readonly day: number;
  readonly amount: number;
}

export interface CustomerPurchases {
  readonly id: string;
  readonly purchases: readonly Purchase[];
}

/**
 * The BG/NBD / Gamma-Gamma sufficient statistics per customer (Fader, Hardie & Lee
 * 2005 §2), column by column so that 100,000 customers stay cheap. Index i of every
 * array is customer ids[i]. Times are in `unit`.
 */
export interface PurchaseSummaries {
  readonly unit: TimeUnit;
  readonly ids: readonly string[];
  /** Repeat purchase days: distinct purchase days − 1. */
  readonly x: Float64Array;
  /** Time from the first to the last purchase day. */
  readonly tx: Float64Array;
  /** Time from the first purchase day to the as-of day. */
  readonly T: Float64Array;
  /** Mean value of the repeat purchase days (the first day left out); 0 when x = 0. */
  readonly zbar: Float64Array;
  /** Total value of every purchase on or before the as-of day, first day included (RFM's monetary). */
  readonly monetary: Float64Array;
}

/**
 * Summarises won purchases as of `asOfDay` (inclusive: purchases on that day count,
 * later ones are ignored). Purchases on the same calendar day are one purchase with the
 * amounts summed, as in the CDNOW summary the model was published on. Customers with no
 * purchase on or before the as-of day get no summary. Order of customers is kept.
 */
export function summarizePurchases(input: readonly CustomerPurchases[], asOfDay: number, unit: TimeUnit): PurchaseSummaries {
  const daysPerUnit = DAYS_PER_UNIT[unit];
  const ids: string[] = [];
  const x = new Float64Array(input.length);
  const tx = new Float64Array(input.length);
  const T = new Float64Array(input.length);
  const zbar = new Float64Array(input.length);
  const monetary = new Float64Array(input.length);

  for (const customer of input) {
    const counted = customer.purchases.filter((purchase) => purchase.day <= asOfDay).sort((p, q) => p.day - q.day);
    if (counted.length === 0) continue;
    const first = counted[0].day;
    let days = 1;
    let last = first;
    let total = 0;
    let firstDayAmount = 0;
    for (const purchase of counted) {
      if (purchase.day !== last) {
        days += 1;
        last = purchase.day;
      }
      if (purchase.day === first) firstDayAmount += purchase.amount;
      total += purchase.amount;
    }
    const i = ids.length;
    ids.push(customer.id);
    x[i] = days - 1;
    tx[i] = (last - first) / daysPerUnit;
    T[i] = (asOfDay - first) / daysPerUnit;
    zbar[i] = days > 1 ? (total - firstDayAmount) / (days - 1) : 0;
    monetary[i] = total;
  }

  const n = ids.length;
  return { unit, ids, x: x.slice(0, n), tx: tx.slice(0, n), T: T.slice(0, n), zbar: zbar.slice(0, n), monetary: monetary.slice(0, n) };
}
