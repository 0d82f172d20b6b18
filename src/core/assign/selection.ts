import type { AssignSettings } from '../settings/assign.js';
import { type Load, addUnit, emptyLoads } from './room.js';
import type { Roster, RosterRep } from './roster.js';
import { type Unit, unitFit } from './units.js';

/** Why a customer is up for a (new) owner. Rep names are as the Reps tab spells them. */
export type Basis =
  | { readonly kind: 'unowned' }
  | { readonly kind: 'unknown-owner'; readonly owner: string }
  | { readonly kind: 'inactive-owner'; readonly owner: string }
  | { readonly kind: 'split-group'; readonly owners: readonly string[] }
  | { readonly kind: 'growth'; readonly owner: string }
  | { readonly kind: 'over-a-cap'; readonly owner: string; readonly held: number; readonly cap: number }
  | { readonly kind: 'over-capacity'; readonly owner: string; readonly held: number; readonly cap: number }
  | { readonly kind: 'rebalance' };

/** One shared basis for every unit of a rebalance: a book of 100,000 needs no 100,000 copies. */
const REBALANCE: Basis = Object.freeze({ kind: 'rebalance' });

export interface Selection {
  /** Units to place, in id order. */
  readonly proposed: readonly { readonly unit: Unit; readonly basis: Basis }[];
  readonly kept: readonly { readonly unit: Unit; readonly rep: RosterRep }[];
  /** What each rep keeps, by roster index: the load caps are measured against. */
  readonly held: readonly Load[];
}

/**
 * Which customers are proposed (issue 4): unowned ones, those whose owner is unknown,
 * inactive, barred by the growth rule or over a cap, and with `rebalance` all of them.
 * A group of duplicates stays only when one rep holds every member.
 */
export function selectForProposal(units: readonly Unit[], roster: Roster, settings: AssignSettings, rebalance: boolean): Selection {
  const proposed: { unit: Unit; basis: Basis }[] = [];
  const keptBy = roster.reps.map((): Unit[] => []);
  for (const unit of units) {
    if (rebalance) {
      proposed.push({ unit, basis: REBALANCE });
      continue;
    }
    const holderOf = holderOfAll(unit);
    if (holderOf === null) {
      proposed.push({ unit, basis: ownerBasis(unit) });
    } else if (holderOf.growthTiers !== null && unit.members.some((m) => !holderOf.growthTiers?.has(m.tier))) {
      proposed.push({ unit, basis: { kind: 'growth', owner: holderOf.rep.name } });
    } else {
      keptBy[holderOf.index].push(unit);
    }
  }

  const held = emptyLoads(roster);
  const kept: { unit: Unit; rep: RosterRep }[] = [];
  for (const rep of roster.reps) {
    const { keep, giveUp } = trimToCaps(keptBy[rep.index], rep, settings);
    for (const unit of keep) {
      addUnit(held[rep.index], unit);
      kept.push({ unit, rep });
    }
    proposed.push(...giveUp);
  }
  proposed.sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
  return { proposed, kept, held };
}

function holderOfAll(unit: Unit): RosterRep | null {
  const first = unit.members[0].holder;
  return first !== null && unit.members.every((m) => m.holder === first) ? first : null;
}

function ownerBasis(unit: Unit): Basis {
  const holders = [...new Set(unit.members.flatMap((m) => (m.holder ? [m.holder.rep.name] : [])))];
  if (holders.length > 0) return { kind: 'split-group', owners: holders };
  for (const { owner } of unit.members) {
    if (owner.kind === 'unknown') return { kind: 'unknown-owner', owner: owner.text };
    if (owner.kind === 'inactive') return { kind: 'inactive-owner', owner: owner.rep.rep.name };
  }
  return { kind: 'unowned' };
}

/**
 * A rep over a cap gives up the customers it fits least (lower score, then id, on a
 * tie), just enough to get back under it: first the A cap, then the holding limit.
 */
function trimToCaps(units: Unit[], rep: RosterRep, settings: AssignSettings): { keep: Unit[]; giveUp: { unit: Unit; basis: Basis }[] } {
  const fit = new Map(units.map((u) => [u, unitFit(rep, u, settings)]));
  const worstFirst = [...units].sort((a, b) => fit.get(a)! - fit.get(b)! || a.score - b.score || (a.id < b.id ? -1 : 1));
  const giveUp: { unit: Unit; basis: Basis }[] = [];
  const dropped = new Set<Unit>();
  const owner = rep.rep.name;

  let aHeld = units.reduce((sum, u) => sum + u.aCount, 0);
  const aStart = aHeld;
  if (rep.aCap !== null && aHeld > rep.aCap) {
    for (const unit of worstFirst) {
      if (aHeld <= rep.aCap) break;
      if (unit.aCount === 0) continue;
      dropped.add(unit);
      aHeld -= unit.aCount;
      giveUp.push({ unit, basis: { kind: 'over-a-cap', owner, held: aStart, cap: rep.aCap } });
    }
  }
  let count = units.reduce((sum, u) => sum + (dropped.has(u) ? 0 : u.size), 0);
  const countStart = units.reduce((sum, u) => sum + u.size, 0);
  if (rep.capacity !== null && count > rep.capacity) {
    for (const unit of worstFirst) {
      if (count <= rep.capacity) break;
      if (dropped.has(unit)) continue;
      dropped.add(unit);
      count -= unit.size;
      giveUp.push({ unit, basis: { kind: 'over-capacity', owner, held: countStart, cap: rep.capacity } });
    }
  }
  return { keep: units.filter((u) => !dropped.has(u)), giveUp };
}
