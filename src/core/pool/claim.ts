import { coolingByCustomer } from '../assign/cooldown.js';
import type { AssignCustomer } from '../assign/customer.js';
import { barrier } from '../assign/eligibility.js';
import { profileOf } from '../assign/fit.js';
import { holder, matchOwner } from '../assign/owner.js';
import type { Rep } from '../assign/rep.js';
import { type RosterRep, makeRoster, ownerKey } from '../assign/roster.js';
import { formatDay } from '../parse/days.js';
import type { AssignSettings } from '../settings/assign.js';
import type { PoolSettings } from '../settings/pool.js';
import type { PoolState } from './state.js';

export interface ClaimInput {
  readonly customerId: string;
  /** The claiming rep, by name or e-mail. */
  readonly rep: string;
  readonly customers: readonly AssignCustomer[];
  readonly reps: readonly Rep[];
  readonly asOfDay: number;
  readonly settings: { readonly assign: AssignSettings; readonly pool: PoolSettings };
  readonly state: PoolState;
  /** Customer ids that are one company (findDuplicates): a claim takes the company's pool customers together. */
  readonly duplicateGroups?: readonly (readonly string[])[];
}

export interface ClaimChange {
  readonly customerId: string;
  readonly row: number;
  readonly from: string;
  readonly to: string;
}

export type ClaimResult =
  /** `changes` starts with the customer named; the others are the same company's pool customers. */
  | { readonly ok: true; readonly state: PoolState; readonly changes: readonly ClaimChange[] }
  | { readonly ok: false; readonly reason: string };

/**
 * A rep takes a customer from the pool (issue 4 item 6): only a customer without a valid
 * owner, within the rep's daily claim limit, its holding limit and A cap, and the same
 * eligibility as a proposal (region/industry where required, growth rule, cooldown, not
 * away). The same company is one unit (issue 4 item 7): the company's other customers in
 * the pool come along, each counted against the limit and the caps, so a claim never
 * splits a company between the pool and a rep. A refusal is one sentence saying why.
 */
export function claimCustomer(input: ClaimInput): ClaimResult {
  const { asOfDay, settings, state } = input;
  const roster = makeRoster(input.reps, settings.assign, asOfDay);
  const rep = roster.find(input.rep);
  if (!rep) return refuse(`'${input.rep.trim()}' is not in the Reps tab`);
  const name = rep.rep.name;
  if (!rep.rep.active) return refuse(`${name} is inactive`);
  const customer = input.customers.find((c) => c.id === input.customerId);
  if (!customer) return refuse(`there is no customer ${input.customerId}`);
  const owner = matchOwner(roster, customer.owner);
  const current = holder(owner);
  if (current) return refuse(`${customer.id} is not in the pool: ${current.rep.name} owns it`);

  const group = input.duplicateGroups?.find((ids) => ids.includes(customer.id)) ?? [];
  const companions = input.customers.filter((c) => c.id !== customer.id && group.includes(c.id) && holder(matchOwner(roster, c.owner)) === null);
  const unit = [customer, ...companions];

  const claimedToday = state.claims.filter((c) => c.day === asOfDay && ownerKey(c.repName) === ownerKey(name)).length;
  if (settings.pool.claimLimitPerDay === 0) return refuse('claiming is switched off (the daily claim limit is 0)');
  if (claimedToday >= settings.pool.claimLimitPerDay) return refuse(`${name} has already claimed ${claimedToday} customers today, the daily limit`);
  if (claimedToday + unit.length > settings.pool.claimLimitPerDay) {
    return refuse(`${customer.id} comes with ${companions.length} more customers of the same company, and ${unit.length} claims would pass ${name}'s daily limit of ${settings.pool.claimLimitPerDay} (${claimedToday} made today)`);
  }

  const cooling = coolingByCustomer(state.cooldowns, roster);
  for (const member of unit) {
    const cooldownFrom = cooling.get(member.id) ?? new Map<number, number>();
    const blocked = barrier(rep, { ...profileOf(member), holder: null, cooldownFrom }, settings.assign);
    if (blocked !== null) return refuse(barrierRefusal(blocked, rep, member, settings.assign, cooldownFrom.get(rep.index) ?? asOfDay));
  }

  const held = input.customers.filter((c) => holder(matchOwner(roster, c.owner)) === rep);
  if (rep.capacity !== null && held.length + unit.length > rep.capacity) {
    return refuse(companions.length ? `${name} holds ${held.length} customers; with the ${unit.length} of this company that passes the holding limit of ${rep.capacity}` : `${name} already holds ${held.length} customers, the holding limit`);
  }
  const heldA = held.filter((c) => c.tier === 'A').length;
  const unitA = unit.filter((c) => c.tier === 'A').length;
  if (unitA > 0 && rep.aCap !== null && heldA + unitA > rep.aCap) {
    return refuse(companions.length ? `${name} holds ${heldA} A-tier customers; with the ${unitA} of this company that passes the A cap of ${rep.aCap}` : `${name} already holds ${heldA} A-tier customers, the A cap`);
  }

  const ids = new Set(unit.map((c) => c.id));
  return {
    ok: true,
    state: {
      ...state,
      claims: [...state.claims.filter((c) => c.day === asOfDay), ...unit.map((c) => ({ customerId: c.id, repName: name, day: asOfDay }))],
      staleFlags: state.staleFlags.filter((f) => !ids.has(f.customerId)),
    },
    changes: unit.map((c) => ({ customerId: c.id, row: c.row, from: c.owner.trim(), to: name })),
  };
}

function refuse(reason: string): ClaimResult {
  return { ok: false, reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
}

function barrierRefusal(blocked: NonNullable<ReturnType<typeof barrier>>, rep: RosterRep, customer: AssignCustomer, settings: AssignSettings, until: number): string {
  const name = rep.rep.name;
  switch (blocked) {
    case 'inactive':
      return `${name} is inactive`;
    case 'region':
      return `${name} does not cover region ${customer.region.trim() || '(blank)'}, which settings require`;
    case 'industry':
      return `${name} does not cover industry ${customer.industry.trim() || '(blank)'}, which settings require`;
    case 'away':
      return `${name} is away and takes no new customers`;
    case 'growth':
      return `growth rule: ${name} started less than ${settings.growth.days} days ago and may hold only tier ${settings.growth.tiers.join(', ')} customers`;
    case 'cooldown':
      return `cooldown: ${customer.id} was recycled from ${name}, who may take it back from ${formatDay(until)}`;
  }
}
