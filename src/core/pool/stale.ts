import { formatDay } from '../parse/days.js';
import { type Tier, rulesTier } from '../score/tiers.js';
import type { PoolSettings } from '../settings/pool.js';

export interface StaleFacts {
  /** Null in an untiered book: the lowest tier's inactivity days apply. */
  readonly tier: Tier | null;
  /** Day numbers; null when unknown. */
  readonly lastActivityDay: number | null;
  readonly lastWonDealDay: number | null;
  /** The tier at the last rescore, when known. */
  readonly previousTier: Tier | null;
}

const TIER_RANK: Readonly<Record<Tier, number>> = { A: 0, B: 1, C: 2 };

/**
 * Why a customer is stale on `asOfDay` (issue 4 item 6), as phrases for `TW Flags`;
 * empty when it is not. A rule whose date is unknown says nothing: a book without a
 * Last Activity column must not send every customer to the pool.
 */
export function staleReasons(facts: StaleFacts, settings: PoolSettings, asOfDay: number): string[] {
  const reasons: string[] = [];
  if (facts.lastActivityDay !== null) {
    const idle = asOfDay - facts.lastActivityDay;
    if (idle >= settings.inactivityDays[rulesTier(facts.tier)]) reasons.push(`no activity for ${idle} days`);
  }
  if (facts.lastWonDealDay !== null) {
    const dry = asOfDay - facts.lastWonDealDay;
    if (dry >= settings.noWonDealDays) reasons.push(`no won deal for ${dry} days`);
  }
  if (settings.recycleOnTierDrop && facts.previousTier !== null && facts.tier !== null && TIER_RANK[facts.tier] > TIER_RANK[facts.previousTier]) {
    reasons.push(`tier dropped from ${facts.previousTier} to ${facts.tier}`);
  }
  return reasons;
}

/**
 * The `TW Flags` warning of a stale customer: why, then when it goes back to the pool.
 * One wording for the recycle run and for the runs that only keep its warnings standing
 * (the sidebar translates these sentences clause by clause). `limitReached` is the
 * per-run limit when a due customer had to wait for it.
 */
export function staleWarning(reasons: readonly string[], recycleDay: number, asOfDay: number, limitReached?: number): string {
  const when =
    recycleDay > asOfDay
      ? `recycles on ${formatDay(recycleDay)} unless contacted`
      : `recycles at the next run unless contacted${limitReached === undefined ? '' : ` (limit of ${limitReached} per run reached)`}`;
  return [...reasons, when].join('; ');
}
