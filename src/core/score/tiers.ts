import type { z } from 'zod';
import type { TierName } from './tier-name.js';
import type { Settings } from '../settings/schema.js';

export type Tier = z.infer<typeof TierName>;

/** Where a tier is written as one character (the what-if's saved tiers), a customer of an untiered book has this. */
export const NO_TIER = '-';

/**
 * A/B/C by score thresholds or by shares of customers. With shares, the cut falls at the
 * score of the k-th best customer (k = share × count, rounded) and every customer tied
 * with that score takes the higher tier, so equal scores never get different tiers.
 *
 * Null when every customer has the same score: such a score ranks nobody, and "ties go
 * up" would make the whole book tier A (issue 10: a book whose Customers tab had none of
 * the score's columns came out `Tiers A 23570 · B 0 · C 0`). The book then has no tiers.
 */
export function assignTiers(scores: Float64Array, rule: Settings['tiers']): Tier[] | null {
  if (allEqual(scores)) return null;
  const [cutA, cutB] = rule.mode === 'threshold' ? [rule.thresholds.A, rule.thresholds.B] : shareCuts(scores, rule.shares.A, rule.shares.B);
  return Array.from(scores, (s) => (s >= cutA ? 'A' : s >= cutB ? 'B' : 'C'));
}

function allEqual(scores: Float64Array): boolean {
  for (let i = 1; i < scores.length; i++) if (scores[i] !== scores[0]) return false;
  return true;
}

function shareCuts(scores: Float64Array, shareA: number, shareB: number): [number, number] {
  const sorted = Float64Array.from(scores).sort().reverse();
  const n = sorted.length;
  const cutAt = (share: number) => {
    const k = Math.round(share * n);
    return k === 0 ? Infinity : sorted[Math.min(k, n) - 1];
  };
  return [cutAt(shareA), cutAt(shareA + shareB)];
}

/**
 * The tier whose rules hold a customer of an untiered book: the lowest. Nothing marks it
 * as worth more, so it counts against no A cap, takes the lowest tier's level fit and
 * inactivity days, and is open to new reps under the growth rule as C customers are.
 */
export function rulesTier(tier: Tier | null): Tier {
  return tier ?? 'C';
}
