import type { AssignSettings } from '../settings/assign.js';
import type { Load, Room } from './room.js';
import type { Roster, RosterRep } from './roster.js';
import type { Unit } from './units.js';

/**
 * Each customer goes to the eligible rep with room and the lowest load, by count or by
 * total score, counting what the rep already holds. Customers go highest score first
 * (the longest-processing-time rule of list scheduling, Graham 1969), which keeps the
 * score totals close; ties go to the rep first by name.
 */
export function placeBalanced(
  units: readonly Unit[],
  roster: Roster,
  settings: AssignSettings,
  room: Room,
  held: readonly Load[],
  eligible: (unit: Unit) => readonly RosterRep[],
): Map<Unit, RosterRep> {
  const byScore = settings.balanceBy === 'score';
  const load = Float64Array.from(roster.reps, (_, j) => (byScore ? held[j].score : held[j].count));
  const order = [...units].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed = new Map<Unit, RosterRep>();
  for (const unit of order) {
    let best: RosterRep | null = null;
    for (const rep of eligible(unit)) {
      if (room.fits(rep.index, unit) && (best === null || load[rep.index] < load[best.index])) best = rep;
    }
    if (best === null) continue;
    load[best.index] += byScore ? unit.score : unit.size;
    room.take(best.index, unit);
    placed.set(unit, best);
  }
  return placed;
}
