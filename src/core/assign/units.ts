import type { AssignSettings } from '../settings/assign.js';
import { type Cooldown, coolingByCustomer } from './cooldown.js';
import { type AssignCustomer, byId, matchKey } from './customer.js';
import { BARRIERS, type Barrier, type Candidate, barrier } from './eligibility.js';
import { fitOf } from './fit.js';
import { type OwnerMatch, holder, matchOwner } from './owner.js';
import type { Roster, RosterRep } from './roster.js';
import { rulesTier } from '../score/tiers.js';

export interface Member extends Candidate {
  readonly customer: AssignCustomer;
  readonly owner: OwnerMatch;
  /** Tier, region, industry and cooldowns: members alike in these share fits and eligibility for new reps. */
  readonly profileKey: string;
}

/**
 * What gets one owner: a customer, or a group of duplicates (the same company, see
 * duplicates.ts), which goes to one rep and counts once per member against the caps.
 */
export interface Unit {
  /** The first member's id; units sort by it. */
  readonly id: string;
  /** Position in makeUnits' list, so results can be kept per unit in arrays rather than Maps keyed by the object. */
  readonly index: number;
  readonly members: readonly Member[];
  readonly size: number;
  readonly aCount: number;
  readonly score: number;
}

/**
 * Customers in id order, resolved against the roster, bundled into units. `groups` lists
 * customer ids that are one company; ids not in the book are ignored.
 */
export function makeUnits(
  customers: readonly AssignCustomer[],
  roster: Roster,
  cooldowns: readonly Cooldown[],
  groups: readonly (readonly string[])[],
): Unit[] {
  const cooling = coolingByCustomer(cooldowns, roster);
  const none = new Map<number, number>();
  // Books repeat a handful of regions and industries: fold each spelling once.
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = matchKey(text);
      keys.set(text, key);
    }
    return key;
  };
  // Profile keys are shared strings, one per (tier, region, industry): eligibility and
  // match look them up per unit, and a fresh text per customer would be built and hashed each time.
  const profiles = new Map<string, Map<string, Map<string, string>>>();
  const profileOf = (tier: string, regionKey: string, industryKey: string): string => {
    let regions = profiles.get(tier);
    if (regions === undefined) profiles.set(tier, (regions = new Map()));
    let industries = regions.get(regionKey);
    if (industries === undefined) regions.set(regionKey, (industries = new Map()));
    let profile = industries.get(industryKey);
    if (profile === undefined) industries.set(industryKey, (profile = `${tier}\u0000${regionKey}\u0000${industryKey}`));
    return profile;
  };
  // Owner cells repeat a few hundred names: each spelling is matched against the roster once.
  const owners = new Map<string, OwnerMatch>();
  // Members in id order; an id listed twice keeps its place and its last row, as Map.set would.
  const members: Member[] = [];
  for (const customer of [...customers].sort(byId)) {
    let owner = owners.get(customer.owner);
    if (owner === undefined) owners.set(customer.owner, (owner = matchOwner(roster, customer.owner)));
    const cooldownFrom = cooling.get(customer.id) ?? none;
    const regionKey = keyOf(customer.region);
    const industryKey = keyOf(customer.industry);
    const tier = rulesTier(customer.tier);
    const profile = profileOf(tier, regionKey, industryKey);
    const member: Member = {
      profileKey: cooldownFrom.size === 0 ? profile : `${profile}\u0000${[...cooldownFrom.keys()].join(',')}`,
      tier,
      region: customer.region,
      industry: customer.industry,
      regionKey,
      industryKey,
      customer,
      owner,
      holder: holder(owner),
      cooldownFrom,
    };
    if (members.length > 0 && members[members.length - 1].customer.id === customer.id) members[members.length - 1] = member;
    else members.push(member);
  }

  const grouped = new Map<string, Member[]>();
  if (groups.length > 0) {
    const memberById = new Map(members.map((m) => [m.customer.id, m]));
    for (const ids of groups) {
      const found = ids.map((id) => memberById.get(id)).filter((m): m is Member => m !== undefined && !grouped.has(m.customer.id));
      if (found.length < 2) continue;
      found.sort((a, b) => byId(a.customer, b.customer));
      for (const member of found) grouped.set(member.customer.id, found);
    }
  }
  const units: Unit[] = [];
  for (const member of members) {
    const group = grouped.size > 0 ? grouped.get(member.customer.id) : undefined;
    if (group && group[0] !== member) continue;
    units.push(unitOf(group ?? [member], units.length));
  }
  return units;
}

function unitOf(members: readonly Member[], index: number): Unit {
  let aCount = 0;
  let score = 0;
  for (const member of members) {
    if (member.tier === 'A') aCount++;
    score += member.customer.score;
  }
  return { id: members[0].customer.id, index, members, size: members.length, aCount, score };
}

/** The first barrier (in BARRIERS order) any member meets with this rep, or null. */
export function unitBarrier(rep: RosterRep, unit: Unit, settings: AssignSettings): Barrier | null {
  let first: Barrier | null = null;
  for (const member of unit.members) {
    const found = barrier(rep, member, settings);
    if (found !== null && (first === null || BARRIERS.indexOf(found) < BARRIERS.indexOf(first))) first = found;
  }
  return first;
}

/** Each member's fit with the rep, summed: a group placed together earns its members' fits. */
export function unitFit(rep: RosterRep, unit: Unit, settings: AssignSettings): number {
  let fit = 0;
  for (const member of unit.members) fit += fitOf(member, rep, settings, member.holder === rep);
  return fit;
}
