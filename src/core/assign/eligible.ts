import type { AssignSettings } from '../settings/assign.js';
import type { Roster, RosterRep } from './roster.js';
import { type Unit, unitBarrier } from './units.js';

/**
 * The reps a unit may go to, caps aside, in roster order. Single customers alike in
 * tier, region, industry, away holder and cooldowns share one answer, so a book of
 * 100,000 customers asks the roster a few hundred times, not 100,000.
 */
export function eligibleRepsOf(roster: Roster, settings: AssignSettings): (unit: Unit) => readonly RosterRep[] {
  const cache = new Map<string, readonly RosterRep[]>();
  const compute = (unit: Unit) => roster.reps.filter((rep) => unitBarrier(rep, unit, settings) === null);
  return (unit) => {
    if (unit.size > 1) return compute(unit);
    const key = eligibilityKey(unit);
    let reps = cache.get(key);
    if (!reps) {
      reps = compute(unit);
      cache.set(key, reps);
    }
    return reps;
  };
}

/** What eligibility of a single customer depends on; an active holder only matters while away. */
export function eligibilityKey(unit: Unit): string {
  const m = unit.members[0];
  return m.holder !== null && m.holder.away ? `${m.profileKey}\u0001${m.holder.index}` : m.profileKey;
}
