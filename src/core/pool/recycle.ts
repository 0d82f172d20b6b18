import type { Cooldown } from '../assign/cooldown.js';
import { type AssignCustomer, byId } from '../assign/customer.js';
import { formatDay } from '../parse/days.js';
import type { Tier } from '../score/tiers.js';
import type { PoolSettings } from '../settings/pool.js';
import type { PoolState, StaleFlag } from './state.js';
import { staleReasons, staleWarning } from './stale.js';

export interface RecycleInput {
  readonly customers: readonly AssignCustomer[];
  /** Tier per customer id at the last rescore, for the tier-drop rule. */
  readonly previousTiers?: Readonly<Record<string, Tier>>;
  readonly asOfDay: number;
  readonly settings: PoolSettings;
  readonly state: PoolState;
}

export interface Recycled {
  readonly customerId: string;
  readonly row: number;
  /** The Owner cell as it was, trimmed: cleared on recycling, and kept for the cooldown. */
  readonly from: string;
  readonly reason: string;
}

export interface Warned {
  readonly customerId: string;
  readonly row: number;
  readonly owner: string;
  /** The day it is recycled if still stale then. */
  readonly recycleDay: number;
  readonly reasons: readonly string[];
}

/**
 * What one run did, each stale owned customer in exactly one of `newWarnings`, `warned`,
 * `recycled` and `deferred`, so a count of one list never counts a customer of another.
 */
export interface RecycleResult {
  /** State after the run; a dry run shows the rest and saves nothing. */
  readonly state: PoolState;
  readonly recycled: readonly Recycled[];
  /** Turned stale on this run: flagged now, recycled on `recycleDay` if still stale. */
  readonly newWarnings: readonly Warned[];
  /** Flagged by an earlier run and still in the warning period (recycleDay > asOf). */
  readonly warned: readonly Warned[];
  /** Due (recycleDay ≤ asOf) but beyond this run's `maxPerRun`: they go first next run. */
  readonly deferred: readonly Warned[];
  /** Flagged before, no longer stale or no longer owned: the flag is lifted. */
  readonly cleared: readonly string[];
  /** `TW Flags` text per customer id, for every customer the pool has something to say about. */
  readonly flags: Readonly<Record<string, string>>;
}

/**
 * One run of the pool (issue 4 item 6, DESIGN §5). An owned customer that turns stale
 * is first flagged and recycled only if still stale `warningDays` later, so the first
 * run on an old book warns instead of emptying it. At most `maxPerRun` are recycled,
 * those flagged longest first; the rest wait for the next run. A recycled customer
 * loses its owner and that owner gets a cooldown on it. Pure: the dry run is this same
 * call with its state not saved.
 */
export function recycleStale(input: RecycleInput): RecycleResult {
  const { settings, asOfDay } = input;
  const previous = new Map(input.state.staleFlags.map((f) => [f.customerId, f]));
  const live = { ...input.state, cooldowns: input.state.cooldowns.filter((c) => c.untilDay > asOfDay), claims: input.state.claims.filter((c) => c.day === asOfDay) };
  if (!settings.enabled) return { state: live, recycled: [], newWarnings: [], warned: [], deferred: [], cleared: [], flags: {} };

  const flags: StaleFlag[] = [];
  const cleared: string[] = [];
  const newWarnings: Warned[] = [];
  const waiting: Warned[] = [];
  const deferred: Warned[] = [];
  const due: { warned: Warned; flag: StaleFlag }[] = [];
  for (const customer of [...input.customers].sort(byId)) {
    const earlier = previous.get(customer.id);
    const owner = customer.owner.trim();
    const reasons = owner === '' ? [] : staleReasons({ ...customer, previousTier: input.previousTiers?.[customer.id] ?? null }, settings, asOfDay);
    if (reasons.length === 0) {
      if (earlier) cleared.push(customer.id);
      continue;
    }
    const flag = earlier ?? { customerId: customer.id, firstStaleDay: asOfDay };
    const warned = { customerId: customer.id, row: customer.row, owner, recycleDay: flag.firstStaleDay + settings.warningDays, reasons };
    if (warned.recycleDay <= asOfDay) due.push({ warned, flag });
    else {
      (earlier ? waiting : newWarnings).push(warned);
      flags.push(flag);
    }
  }

  due.sort((a, b) => a.flag.firstStaleDay - b.flag.firstStaleDay || (a.warned.customerId < b.warned.customerId ? -1 : 1));
  const recycled: Recycled[] = [];
  const cooldowns: Cooldown[] = [...live.cooldowns];
  due.forEach(({ warned, flag }, k) => {
    if (k >= settings.maxPerRun) {
      deferred.push(warned);
      flags.push(flag);
      return;
    }
    recycled.push({ customerId: warned.customerId, row: warned.row, from: warned.owner, reason: `${warned.reasons.join('; ')}; flagged on ${formatDay(flag.firstStaleDay)}` });
    if (settings.cooldownDays > 0) cooldowns.push({ customerId: warned.customerId, repName: warned.owner, untilDay: asOfDay + settings.cooldownDays });
  });

  const text: Record<string, string> = {};
  for (const w of [...newWarnings, ...waiting, ...deferred]) text[w.customerId] = staleWarning(w.reasons, w.recycleDay, asOfDay, settings.maxPerRun);
  for (const r of recycled) text[r.customerId] = `recycled from ${r.from} on ${formatDay(asOfDay)}: ${r.reason}`;
  const inIdOrder = <T extends { customerId: string }>(list: T[]) => list.sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  return {
    state: { ...live, staleFlags: inIdOrder(flags), cooldowns },
    recycled,
    newWarnings: inIdOrder(newWarnings),
    warned: inIdOrder(waiting),
    deferred: inIdOrder(deferred),
    cleared,
    flags: text,
  };
}
