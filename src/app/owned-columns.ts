/**
 * The columns of the Customers tab that Tierwise owns (DESIGN §3), in the order they are
 * created at the right end. Any other column is the user's, whatever its name.
 */
export const OWNED = {
  score: 'TW Score',
  tier: 'TW Tier',
  r: 'TW R',
  f: 'TW F',
  m: 'TW M',
  recencyDays: 'TW Recency Days',
  frequency: 'TW Frequency',
  monetary: 'TW Monetary',
  segment: 'TW Segment',
  clv: 'TW CLV',
  pAlive: 'TW P(alive)',
  expectedPurchases: 'TW Expected Purchases',
  why: 'TW Why',
  flags: 'TW Flags',
  proposedOwner: 'TW Proposed Owner',
  reason: 'TW Reason',
  fit: 'TW Fit',
  asOf: 'TW As Of',
} as const;

export type OwnedKey = keyof typeof OWNED;
export const OWNED_HEADERS: readonly string[] = Object.values(OWNED);

/** Tierwise's own tabs: written whole, never a user's. */
export const OWN_TABS = { log: 'TW Log', dashboard: 'TW Dashboard', state: 'TW State' } as const;

export const LOG_HEADER = ['Time', 'Run ID', 'Action', 'Customer ID', 'From', 'To', 'Reason', 'Actor'] as const;
