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

/** Won purchases column by column: purchase k belongs to customer `customer[k]` (an index into `ids`). */
export interface PurchaseColumns {
  readonly customer: Int32Array;
  readonly day: ArrayLike<number>;
  readonly amount: ArrayLike<number>;
}

/**
 * Summarises won purchases as of `asOfDay` (inclusive: purchases on that day count,
 * later ones are ignored). Purchases on the same calendar day are one purchase with the
 * amounts summed, as in the CDNOW summary the model was published on. Customers with no
 * purchase on or before the as-of day get no summary. Order of customers is kept.
 */
export function summarizePurchases(input: readonly CustomerPurchases[], asOfDay: number, unit: TimeUnit): PurchaseSummaries {
  const total = input.reduce((sum, c) => sum + c.purchases.length, 0);
  const customer = new Int32Array(total);
  const day = new Float64Array(total);
  const amount = new Float64Array(total);
  let k = 0;
  input.forEach((c, i) => {
    for (const purchase of c.purchases) {
      customer[k] = i;
      day[k] = purchase.day;
      amount[k++] = purchase.amount;
    }
  });
  return summarizePurchaseColumns({ customer, day, amount }, input.map((c) => c.id), asOfDay, unit);
}

/**
 * The same, from columns: this is what a rescore hands over (a million deals as typed
 * arrays, no object per deal). Purchases are bucketed by customer in one counting pass,
 * then each customer's few are put in day order.
 */
export function summarizePurchaseColumns(columns: PurchaseColumns, customerIds: readonly string[], asOfDay: number, unit: TimeUnit): PurchaseSummaries {
  const daysPerUnit = DAYS_PER_UNIT[unit];
  const customers = customerIds.length;
  const start = new Int32Array(customers + 1);
  for (let k = 0; k < columns.customer.length; k++) if (columns.day[k] <= asOfDay) start[columns.customer[k] + 1]++;
  for (let i = 0; i < customers; i++) start[i + 1] += start[i];
  const order = new Int32Array(start[customers]);
  const next = start.slice(0, customers);
  for (let k = 0; k < columns.customer.length; k++) if (columns.day[k] <= asOfDay) order[next[columns.customer[k]]++] = k;

  const ids: string[] = [];
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  const zbar = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (from === to) continue;
    sortByDay(order, from, to, columns.day);
    const first = columns.day[order[from]];
    let days = 1;
    let last = first;
    let sum = 0;
    let firstDayAmount = 0;
    for (let j = from; j < to; j++) {
      const d = columns.day[order[j]];
      const value = columns.amount[order[j]];
      if (d !== last) {
        days += 1;
        last = d;
      }
      if (d === first) firstDayAmount += value;
      sum += value;
    }
    const i = ids.length;
    ids.push(customerIds[c]);
    x[i] = days - 1;
    tx[i] = (last - first) / daysPerUnit;
    T[i] = (asOfDay - first) / daysPerUnit;
    zbar[i] = days > 1 ? (sum - firstDayAmount) / (days - 1) : 0;
    monetary[i] = sum;
  }

  const n = ids.length;
  return { unit, ids, x: x.slice(0, n), tx: tx.slice(0, n), T: T.slice(0, n), zbar: zbar.slice(0, n), monetary: monetary.slice(0, n) };
}

// Below this many purchases an insertion sort beats the general one.
const SHORT_RUN = 32;

/** Puts order[from, to) in day order: a customer has few purchases, usually already in date order. */
function sortByDay(order: Int32Array, from: number, to: number, day: ArrayLike<number>): void {
  if (to - from > SHORT_RUN) {
    order.subarray(from, to).sort((a, b) => day[a] - day[b]);
    return;
  }
  for (let j = from + 1; j < to; j++) {
    const k = order[j];
    const d = day[k];
    let m = j - 1;
    while (m >= from && day[order[m]] > d) {
      order[m + 1] = order[m];
      m--;
    }
    order[m + 1] = k;
  }
}
