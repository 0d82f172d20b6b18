import type { AssignSettings } from '../settings/assign.js';
import { placeBalanced } from './balanced.js';
import type { Cooldown } from './cooldown.js';
import type { AssignCustomer } from './customer.js';
import { eligibleRepsOf } from './eligible.js';
import { fitOf } from './fit.js';
import { placeMatch } from './match.js';
import { basisSentence, fitSentence, sentence } from './reason.js';
import type { Rep } from './rep.js';
import { Room, addUnit } from './room.js';
import { makeRoster } from './roster.js';
import type { RosterRep } from './roster.js';
import { placeRoundRobin } from './rotation.js';
import { type Basis, selectForProposal } from './selection.js';
import type { AssignState } from './state.js';
import { type Unit, makeUnits } from './units.js';
import { unplacedReason } from './unplaced.js';
import { balanceValue } from './value-balance.js';

export interface ProposeInput {
  readonly customers: readonly AssignCustomer[];
  readonly reps: readonly Rep[];
  /** Day number of the as-of date: who is away, who is new, which cooldowns still run. */
  readonly asOfDay: number;
  readonly settings: AssignSettings;
  /** The saved state of the last run (the round-robin rotation). */
  readonly state: AssignState;
  readonly cooldowns: readonly Cooldown[];
  /** Customer ids that are one company (findDuplicates): one owner for each group. */
  readonly duplicateGroups?: readonly (readonly string[])[];
  /** Propose every customer, not only those without a valid owner. */
  readonly rebalance?: boolean;
}

export interface Proposal {
  readonly customerId: string;
  /** 0-based data row of the customer in the Customers tab. */
  readonly row: number;
  /** The Owner cell as found, trimmed. */
  readonly currentOwner: string;
  /** The rep's name as the Reps tab spells it; null when the customer could not be placed. */
  readonly proposedOwner: string | null;
  /** True when applying it would change who owns the customer. */
  readonly change: boolean;
  readonly basis: Basis['kind'];
  /** One sentence a manager reads, for `TW Reason`. */
  readonly reason: string;
  /** Fit with the proposed rep, for `TW Fit`; null when not placed. */
  readonly fit: number | null;
}

export interface RepLoad {
  readonly rep: string;
  /** Customers the rep keeps without a proposal. */
  readonly kept: number;
  /** Customers proposed to the rep in this run (its own ones included, under rebalance). */
  readonly proposed: number;
  readonly count: number;
  readonly aCount: number;
  readonly score: number;
  readonly capacity: number | null;
  readonly aCap: number | null;
}

export interface ProposeResult {
  readonly strategy: AssignSettings['strategy'];
  /** Every proposed customer, placed or not, in customer id order. Never drops one. */
  readonly proposals: readonly Proposal[];
  /** Customers that keep their owner without a proposal. */
  readonly kept: number;
  /** Load after the proposals, per rep in name order. */
  readonly perRep: readonly RepLoad[];
  /** Total fit of the placed proposals: what `match` maximises. */
  readonly objective: number;
  /** State to save for the next run (the rotation moves on only under round robin). */
  readonly state: AssignState;
}

/** Proposes owners (issue 4, DESIGN §5): the same input gives the same result whatever the row order. */
export function proposeOwners(input: ProposeInput): ProposeResult {
  const { settings } = input;
  const roster = makeRoster(input.reps, settings, input.asOfDay);
  const units = makeUnits(input.customers, roster, input.cooldowns, input.duplicateGroups ?? []);
  const selection = selectForProposal(units, roster, settings, input.rebalance ?? false);
  const room = new Room(roster, selection.held);
  const eligible = eligibleRepsOf(roster, settings);
  const toPlace = selection.proposed.map((p) => p.unit);

  let placed = new Map<Unit, RosterRep>();
  let state = input.state;
  let how = '';
  switch (settings.strategy) {
    case 'match':
      placed = placeMatch(toPlace, roster, settings, room, eligible);
      if (settings.valueBalance.enabled) balanceValue(placed, roster, settings, room, selection.held, eligible);
      break;
    case 'round-robin': {
      const turn = placeRoundRobin(toPlace, roster, settings, room, eligible, input.state.rotation);
      placed = turn.placed;
      state = { ...input.state, rotation: turn.state };
      how = 'next in rotation';
      break;
    }
    case 'balanced':
      placed = placeBalanced(toPlace, roster, settings, room, selection.held, eligible);
      how = `lowest load by ${settings.balanceBy} among eligible reps`;
      break;
    case 'claim':
      break;
  }

  // One pass over the placements instead of a Map lookup keyed by object per unit.
  const repOf = new Array<RosterRep | null>(units.length).fill(null);
  for (const [unit, rep] of placed) repOf[unit.index] = rep;
  const proposals: Proposal[] = [];
  let objective = 0;
  for (const { unit, basis } of selection.proposed) {
    const rep = repOf[unit.index];
    const why = basis.kind === 'rebalance' ? '' : basisSentence(basis);
    const together = unit.size > 1 ? `one owner for the ${unit.size} customers of this company` : '';
    const notPlaced =
      rep !== null ? '' : settings.strategy === 'claim' ? 'stays in the pool for a rep to claim' : `not placed: ${unplacedReason(unit, roster, settings, room)}`;
    for (const member of unit.members) {
      const fit = rep === null ? null : fitOf(member, rep, settings, member.holder === rep);
      if (fit !== null) objective += fit;
      proposals.push({
        customerId: member.customer.id,
        row: member.customer.row,
        currentOwner: member.customer.owner.trim(),
        proposedOwner: rep?.rep.name ?? null,
        change: rep !== null && member.holder !== rep,
        basis: basis.kind,
        reason: rep === null ? sentence(why, notPlaced) : sentence(why, how, fitSentence(member, rep, settings), together),
        fit,
      });
    }
  }

  const loads = selection.held.map((load) => ({ ...load }));
  const added = roster.reps.map(() => 0);
  for (const [unit, rep] of placed) {
    addUnit(loads[rep.index], unit);
    added[rep.index] += unit.size;
  }
  const perRep = roster.reps.map((r, j) => ({
    rep: r.rep.name,
    kept: selection.held[j].count,
    proposed: added[j],
    count: loads[j].count,
    aCount: loads[j].aCount,
    score: loads[j].score,
    capacity: r.capacity,
    aCap: r.aCap,
  }));
  return { strategy: settings.strategy, proposals, kept: selection.kept.reduce((s, k) => s + k.unit.size, 0), perRep, objective, state };
}
