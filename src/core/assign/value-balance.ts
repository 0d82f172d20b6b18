import type { AssignSettings } from '../settings/assign.js';
import type { Load, Room } from './room.js';
import type { Roster, RosterRep } from './roster.js';
import { type Unit, unitFit } from './units.js';

/**
 * Optional value balance after `match`: no active rep's share of the total score above
 * its fair share (an equal share) × (1 + tolerance). A greedy pass, not part of the
 * optimum: each rep over the line hands its newly proposed customers, highest score
 * first, to the eligible rep with room that loses the least fit and stays under the
 * line, until it is under the line or nothing more can move. Customers a rep already
 * holds never move here. The total fit can drop; the placed count cannot.
 */
export function balanceValue(
  placed: Map<Unit, RosterRep>,
  roster: Roster,
  settings: AssignSettings,
  room: Room,
  held: readonly Load[],
  eligible: (unit: Unit) => readonly RosterRep[],
): void {
  const active = roster.reps.filter((r) => r.rep.active);
  if (active.length === 0) return;
  const load = Float64Array.from(roster.reps, (_, j) => held[j].score);
  const byRep = roster.reps.map((): Unit[] => []);
  for (const [unit, rep] of placed) {
    load[rep.index] += unit.score;
    byRep[rep.index].push(unit);
  }
  const total = load.reduce((a, b) => a + b, 0);
  const line = (total / active.length) * (1 + settings.valueBalance.tolerance);

  const heaviest = [...active].sort((a, b) => load[b.index] - load[a.index] || a.index - b.index);
  for (const from of heaviest) {
    const movable = byRep[from.index].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    for (const unit of movable) {
      if (load[from.index] <= line) break;
      const here = unitFit(from, unit, settings);
      let to: RosterRep | null = null;
      let loss = Infinity;
      for (const rep of eligible(unit)) {
        if (rep === from || !room.fits(rep.index, unit) || load[rep.index] + unit.score > line) continue;
        const lost = here - unitFit(rep, unit, settings);
        if (lost < loss) [to, loss] = [rep, lost];
      }
      if (to === null) continue;
      room.give(from.index, unit);
      room.take(to.index, unit);
      load[from.index] -= unit.score;
      load[to.index] += unit.score;
      placed.set(unit, to);
    }
  }
}
