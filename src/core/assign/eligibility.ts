import type { AssignSettings } from '../settings/assign.js';
import { type Profile, coversIndustry, coversRegion } from './fit.js';
import type { RosterRep } from './roster.js';

/**
 * Why a rep may not take a customer, in the order a manager would check (DESIGN §5):
 * the rep is inactive, does not cover a region or industry the settings require, is
 * away on the as-of day (an away rep keeps what it holds but gets nothing new), is a new rep
 * the growth rule keeps to lower tiers, or lost this customer to the pool within the
 * cooldown. Caps are not here: they depend on what else is placed (see room.ts).
 */
export type Barrier = 'inactive' | 'region' | 'industry' | 'away' | 'growth' | 'cooldown';
export const BARRIERS: readonly Barrier[] = ['inactive', 'region', 'industry', 'away', 'growth', 'cooldown'];

export interface Candidate extends Profile {
  /** The rep holding the customer now, if any (it may keep the customer while away). */
  readonly holder: RosterRep | null;
  /** Reps the customer is in cooldown from: roster index → the first day it may go back. */
  readonly cooldownFrom: ReadonlyMap<number, number>;
}

export function barrier(rep: RosterRep, candidate: Candidate, settings: AssignSettings): Barrier | null {
  if (!rep.rep.active) return 'inactive';
  if (settings.requireRegion && !coversRegion(rep, candidate)) return 'region';
  if (settings.requireIndustry && !coversIndustry(rep, candidate)) return 'industry';
  if (rep.away && candidate.holder !== rep) return 'away';
  if (rep.growthTiers !== null && !rep.growthTiers.has(candidate.tier)) return 'growth';
  if (candidate.cooldownFrom.has(rep.index)) return 'cooldown';
  return null;
}
