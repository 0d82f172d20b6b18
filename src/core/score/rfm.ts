import type { SegmentRule } from '../settings/score.js';
import type { Settings } from '../settings/schema.js';
import { binMeasure } from './rfm-bins.js';

/** Per customer, in row order; NaN where the customer has no won deal up to the as-of date. */
export interface RfmMeasures {
  readonly recencyDays: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
}

export interface RfmScores {
  /** 1..5, 0 where there is no won deal. */
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly segments: string[];
}

export const NO_PURCHASES = 'No purchases';
export const OTHERS = 'Others';

/** RFM scores and segments (DESIGN §4). Customers without a won deal stay out of the cut points. */
export function scoreRfm(measures: RfmMeasures, settings: Settings['rfm']): RfmScores {
  const r = binMeasure(measures.recencyDays, false, settings.binning);
  const f = binMeasure(measures.frequency, true, settings.binning);
  const m = binMeasure(measures.monetary, true, settings.binning);
  // The rules are checked once per (R, F, M) combination (scores 1..5 fit in 3 bits each), not once per customer.
  const segmentOfScores: (string | undefined)[] = new Array(1 << 9);
  const segments: string[] = new Array(r.length);
  for (let i = 0; i < r.length; i++) {
    if (r[i] === 0) {
      segments[i] = NO_PURCHASES;
      continue;
    }
    const key = (r[i] << 6) | (f[i] << 3) | m[i];
    segments[i] = segmentOfScores[key] ??= segmentOf(r[i], f[i], m[i], settings.segments);
  }
  return { r, f, m, segments };
}

/** Rules are checked in order and the first match wins; no match is `Others`. */
export function segmentOf(r: number, f: number, m: number, rules: readonly SegmentRule[]): string {
  const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  for (const rule of rules) if (within(r, rule.r) && within(f, rule.f) && within(m, rule.m)) return rule.name;
  return OTHERS;
}
