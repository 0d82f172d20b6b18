import type { AssignSettings } from '../settings/assign.js';
import type { Room } from './room.js';
import type { RosterRep } from './roster.js';
import { type Unit, unitFit } from './units.js';

/**
 * Fits compared as the flow compares them: integers in thousandths of a point, exact for
 * fits given to three decimals, which settings in practice are.
 */
const FIT_SCALE = 1000;

export function scaledFit(fit: number): number {
  return Math.round(fit * FIT_SCALE);
}

/** Most valuable first: score, then the lower Customer ID, the order in which customers alike are placed. */
export function valueOrder(a: Unit, b: Unit): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function moreValuable(a: Unit, b: Unit): boolean {
  return valueOrder(a, b) < 0;
}

/**
 * The flow is indifferent between placements of the same count and total fit, and picks
 * among them by the order of its classes, not by value: with one place left at Ann, a
 * customer scored 10 could get it over one scored 90 that fits her as well. So, once the
 * singles are placed, a customer left out takes the place of a less valuable single customer
 * placed at the same fit by a rep it may go to (the least valuable such, caps kept); the one it
 * displaces is then left out and may in turn displace a less valuable one. Count and total
 * fit stay what the flow made them; every exchange places a more valuable customer, so it ends.
 *
 * Only a customer without an owner is displaced: one left out goes back to the pool. A
 * customer proposed away from its rep (over a cap, under the growth rule) would stay with that
 * rep if left out, and the cap would stay broken.
 */
export function preferValue(
  singles: readonly Unit[],
  placed: Map<Unit, RosterRep>,
  settings: AssignSettings,
  room: Room,
  eligible: (unit: Unit) => readonly RosterRep[],
): void {
  const fitAt = (unit: Unit, rep: RosterRep) => scaledFit(unitFit(rep, unit, settings));
  // Per rep, per fit: the single customers placed there, least valuable first.
  const holding = new Map<RosterRep, Map<number, Unit[]>>();
  const listOf = (rep: RosterRep, fit: number): Unit[] => {
    let byFit = holding.get(rep);
    if (byFit === undefined) holding.set(rep, (byFit = new Map()));
    let list = byFit.get(fit);
    if (list === undefined) byFit.set(fit, (list = []));
    return list;
  };
  const displaceable = (unit: Unit) => unit.size === 1 && unit.members[0].holder === null;
  for (const [unit, rep] of placed) if (displaceable(unit)) listOf(rep, fitAt(unit, rep)).push(unit);
  for (const byFit of holding.values()) for (const list of byFit.values()) list.sort((a, b) => valueOrder(b, a));

  const waiting = singles.filter((unit) => !placed.has(unit)).sort(valueOrder);
  for (let k = 0; k < waiting.length; k++) {
    const unit = waiting[k];
    let best: { rep: RosterRep; list: Unit[] } | null = null;
    for (const rep of eligible(unit)) {
      const list = holding.get(rep)?.get(fitAt(unit, rep));
      const weakest = list?.[0];
      if (list === undefined || weakest === undefined || !moreValuable(unit, weakest)) continue;
      if (room.a[rep.index] + weakest.aCount < unit.aCount) continue;
      if (best === null || moreValuable(best.list[0], weakest)) best = { rep, list };
    }
    if (best === null) continue;
    const displaced = best.list.shift() as Unit;
    placed.delete(displaced);
    room.give(best.rep.index, displaced);
    placed.set(unit, best.rep);
    room.take(best.rep.index, unit);
    if (displaceable(unit)) insertSorted(best.list, unit, (a, b) => moreValuable(b, a));
    insertSorted(waiting, displaced, moreValuable, k + 1);
  }
}

/** Puts `unit` into `list` (sorted so that `before(a, b)` holds for a ahead of b) at or after `from`. */
function insertSorted(list: Unit[], unit: Unit, before: (a: Unit, b: Unit) => boolean, from = 0): void {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid], unit)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, unit);
}
