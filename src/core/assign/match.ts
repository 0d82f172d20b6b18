import type { AssignSettings } from '../settings/assign.js';
import { type Candidate, barrier } from './eligibility.js';
import { fitOf } from './fit.js';
import { FlowNetwork } from './flow.js';
import { preferValue, scaledFit, valueOrder } from './prefer-value.js';
import type { Room } from './room.js';
import type { Roster, RosterRep } from './roster.js';
import { type Unit, unitFit } from './units.js';

interface BaseClass {
  readonly key: string;
  readonly candidate: Candidate;
  readonly unowned: Unit[];
  /** Customers held now, by holder index: they may keep their rep (the keep bonus). */
  readonly held: Map<number, Unit[]>;
}

/**
 * The `match` strategy: place as many customers as the caps allow, and among all such
 * placements the one of greatest total fit (issue 4).
 *
 * Single customers are an exact min-cost max-flow: source → customer class → rep (via
 * the rep's A node for tier A, whose capacity is the A room) → sink (capacity = room).
 * Customers alike in tier, region, industry and cooldowns form a class; those held now
 * form a sub-class per holder with an extra "keep" edge worth the keep bonus, and can
 * fall through to their class. A unit cost of (M − fit) on the class → rep edge makes
 * the least-cost maximum flow the most-fit maximum placement, because every unit of flow
 * crosses exactly one such edge. 50,000 customers make a few thousand classes.
 *
 * Groups of duplicates must go whole to one rep, which no flow can promise (it is a bin
 * packing), so they are placed first, largest first, each with its best-fitting rep
 * that has room; the flow then places the single customers exactly in what is left, and
 * among its equally good placements the more valuable customers are preferred (preferValue).
 */
export function placeMatch(
  units: readonly Unit[],
  roster: Roster,
  settings: AssignSettings,
  room: Room,
  eligible: (unit: Unit) => readonly RosterRep[],
): Map<Unit, RosterRep> {
  const placed = new Map<Unit, RosterRep>();
  const groups = units.filter((u) => u.size > 1).sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  for (const unit of groups) {
    let best: RosterRep | null = null;
    let bestFit = -Infinity;
    for (const rep of eligible(unit)) {
      if (!room.fits(rep.index, unit)) continue;
      const fit = unitFit(rep, unit, settings);
      if (fit > bestFit) [best, bestFit] = [rep, fit];
    }
    if (best === null) continue;
    room.take(best.index, unit);
    placed.set(unit, best);
  }
  const singles = units.filter((u) => u.size === 1);
  placeSingles(singles, roster, settings, room, placed);
  preferValue(singles, placed, settings, room, eligible);
  return placed;
}

function placeSingles(singles: readonly Unit[], roster: Roster, settings: AssignSettings, room: Room, placed: Map<Unit, RosterRep>): void {
  if (singles.length === 0) return;
  const classes = classify(singles);
  const total = singles.length;
  const { levelFit, bonus } = settings;
  const maxLevel = Math.max(...(['A', 'B', 'C'] as const).flatMap((t) => Object.values(levelFit[t])));
  const ceiling = scaledFit(maxLevel + Math.max(0, bonus.region) + Math.max(0, bonus.industry) + Math.max(0, bonus.keep)) + 1;

  const net = new FlowNetwork();
  const source = net.addNode();
  const sink = net.addNode();
  const repNode = roster.reps.map(() => -1);
  const aNode = roster.reps.map(() => -1);
  const entry = (rep: RosterRep, tierA: boolean): number => {
    if (repNode[rep.index] < 0) {
      repNode[rep.index] = net.addNode();
      net.addEdge(repNode[rep.index], sink, Math.min(room.total[rep.index], total), 0);
    }
    if (!tierA) return repNode[rep.index];
    if (aNode[rep.index] < 0) {
      aNode[rep.index] = net.addNode();
      net.addEdge(aNode[rep.index], repNode[rep.index], Math.min(room.a[rep.index], total), 0);
    }
    return aNode[rep.index];
  };

  const plan = classes.map((cls) => {
    const tierA = cls.candidate.tier === 'A';
    const size = cls.unowned.length + [...cls.held.values()].reduce((s, u) => s + u.length, 0);
    const node = net.addNode();
    const fromSource = cls.unowned.length > 0 ? net.addEdge(source, node, cls.unowned.length, 0) : -1;
    const toReps = roster.reps
      .filter((rep) => barrier(rep, cls.candidate, settings) === null)
      .map((rep) => ({ rep, edge: net.addEdge(node, entry(rep, tierA), size, ceiling - scaledFit(fitOf(cls.candidate, rep, settings, false))) }));
    const held = [...cls.held.entries()].sort((a, b) => a[0] - b[0]).map(([holderIndex, members]) => {
      const holderRep = roster.reps[holderIndex];
      const sub = net.addNode();
      net.addEdge(source, sub, members.length, 0);
      const fallThrough = net.addEdge(sub, node, members.length, 0);
      const keeps = barrier(holderRep, members[0].members[0], settings) === null;
      const keep = keeps ? net.addEdge(sub, entry(holderRep, tierA), members.length, ceiling - scaledFit(fitOf(cls.candidate, holderRep, settings, true))) : -1;
      return { holderRep, members, fallThrough, keep };
    });
    return { cls, fromSource, toReps, held };
  });

  net.solve(source, sink);

  for (const { cls, fromSource, toReps, held } of plan) {
    const arrivals = fromSource >= 0 ? byValue(cls.unowned).slice(0, net.flowOn(fromSource)) : [];
    for (const { holderRep, members, fallThrough, keep } of held) {
      const ordered = byValue(members);
      const kept = keep >= 0 ? net.flowOn(keep) : 0;
      for (const unit of ordered.slice(0, kept)) placed.set(unit, holderRep);
      arrivals.push(...ordered.slice(kept, kept + net.flowOn(fallThrough)));
    }
    deal(byValue(arrivals), toReps.map(({ rep, edge }) => ({ rep, quota: net.flowOn(edge) })), placed);
  }
  for (const [unit, rep] of placed) if (unit.size === 1) room.take(rep.index, unit);
}

function classify(singles: readonly Unit[]): BaseClass[] {
  const classes = new Map<string, BaseClass>();
  for (const unit of singles) {
    const m = unit.members[0];
    const key = m.profileKey;
    let cls = classes.get(key);
    if (!cls) {
      const candidate: Candidate = { tier: m.tier, region: m.region, industry: m.industry, regionKey: m.regionKey, industryKey: m.industryKey, holder: null, cooldownFrom: m.cooldownFrom };
      cls = { key, candidate, unowned: [], held: new Map() };
      classes.set(key, cls);
    }
    if (m.holder === null) cls.unowned.push(unit);
    else {
      const list = cls.held.get(m.holder.index) ?? [];
      list.push(unit);
      cls.held.set(m.holder.index, list);
    }
  }
  return [...classes.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Within a class customers are interchangeable for fit; when not all fit, the more valuable go first. */
function byValue(units: readonly Unit[]): Unit[] {
  return [...units].sort(valueOrder);
}

/** Hands the class's customers to its reps in turn, so no rep gets all the high scores. */
function deal(arrivals: readonly Unit[], quotas: { rep: RosterRep; quota: number }[], placed: Map<Unit, RosterRep>): void {
  let turn = 0;
  for (const unit of arrivals) {
    for (let tries = 0; tries < quotas.length && quotas[turn].quota === 0; tries++) turn = (turn + 1) % quotas.length;
    const slot = quotas[turn];
    slot.quota--;
    placed.set(unit, slot.rep);
    turn = (turn + 1) % quotas.length;
  }
}
