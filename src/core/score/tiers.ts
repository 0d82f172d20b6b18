import type { z } from 'zod';
import type { TierName } from './tier-name.js';
import type { Settings } from '../settings/schema.js';

export type Tier = z.infer<typeof TierName>;

/**
 * A/B/C by score thresholds or by shares of customers. With shares, the cut falls at the
 * score of the k-th best customer (k = share × count, rounded) and every customer tied
 * with that score takes the higher tier, so equal scores never get different tiers.
 */
export function assignTiers(scores: Float64Array, rule: Settings['tiers']): Tier[] {
  const [cutA, cutB] = rule.mode === 'threshold' ? [rule.thresholds.A, rule.thresholds.B] : shareCuts(scores, rule.shares.A, rule.shares.B);
  return Array.from(scores, (s) => (s >= cutA ? 'A' : s >= cutB ? 'B' : 'C'));
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
