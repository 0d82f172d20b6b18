import type { Roster } from './roster.js';
import type { Unit } from './units.js';

/** What a rep holds: customers, A-tier customers among them, and their total score. */
export interface Load {
  count: number;
  aCount: number;
  score: number;
}

export function emptyLoads(roster: Roster): Load[] {
  return roster.reps.map(() => ({ count: 0, aCount: 0, score: 0 }));
}

export function addUnit(load: Load, unit: Unit): void {
  load.count += unit.size;
  load.aCount += unit.aCount;
  load.score += unit.score;
}

/**
 * Room left under each rep's holding limit and A cap, given what it already holds.
 * Customers being re-proposed are not in `held`: their slots are free to fill again.
 */
export class Room {
  readonly total: Float64Array;
  readonly a: Float64Array;

  constructor(roster: Roster, held: readonly Load[]) {
    this.total = Float64Array.from(roster.reps, (r, j) => (r.capacity === null ? Infinity : Math.max(0, r.capacity - held[j].count)));
    this.a = Float64Array.from(roster.reps, (r, j) => (r.aCap === null ? Infinity : Math.max(0, r.aCap - held[j].aCount)));
  }

  fits(rep: number, unit: Unit): boolean {
    return this.total[rep] >= unit.size && this.a[rep] >= unit.aCount;
  }

  take(rep: number, unit: Unit): void {
    this.total[rep] -= unit.size;
    this.a[rep] -= unit.aCount;
  }

  give(rep: number, unit: Unit): void {
    this.total[rep] += unit.size;
    this.a[rep] += unit.aCount;
  }
}
