import type { AssignSettings } from '../settings/assign.js';
import type { Room } from './room.js';
import type { Roster, RosterRep } from './roster.js';
import type { RotationState } from './state.js';
import type { Unit } from './units.js';

/**
 * Round robin with weights: the smooth weighted round robin of nginx (2012,
 * ngx_http_upstream_round_robin.c, described by its author on the nginx mailing list):
 * every eligible rep gains its weight in credit, the rep with the most credit takes the
 * customer and pays back the sum of the weights. With equal weights this is plain turn
 * order by name; a rep of weight 2 takes two turns to the others' one, spread out.
 * Credits are saved per rep name, so the next run continues where this one stopped.
 * Only reps that may take the customer and have room join a turn.
 */
export function placeRoundRobin(
  units: readonly Unit[],
  roster: Roster,
  settings: AssignSettings,
  room: Room,
  eligible: (unit: Unit) => readonly RosterRep[],
  state: RotationState,
): { placed: Map<Unit, RosterRep>; state: RotationState } {
  const weight = roster.reps.map(() => 1);
  for (const [name, value] of Object.entries(settings.weights)) {
    const rep = roster.find(name);
    if (rep) weight[rep.index] = value;
  }
  const credit = roster.reps.map((r) => state.credits[r.rep.name] ?? 0);
  const placed = new Map<Unit, RosterRep>();
  for (const unit of units) {
    let best: RosterRep | null = null;
    let sum = 0;
    for (const rep of eligible(unit)) {
      if (!room.fits(rep.index, unit)) continue;
      credit[rep.index] += weight[rep.index];
      sum += weight[rep.index];
      if (best === null || credit[rep.index] > credit[best.index]) best = rep;
    }
    if (best === null) continue;
    credit[best.index] -= sum;
    room.take(best.index, unit);
    placed.set(unit, best);
  }
  const credits: Record<string, number> = { ...state.credits };
  for (const rep of roster.reps) credits[rep.rep.name] = credit[rep.index];
  return { placed, state: { credits } };
}
