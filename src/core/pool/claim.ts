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
}

export type ClaimResult =
  | { readonly ok: true; readonly state: PoolState; readonly change: { readonly customerId: string; readonly row: number; readonly from: string; readonly to: string } }
  | { readonly ok: false; readonly reason: string };

/**
 * A rep takes a customer from the pool (issue 4 item 6): only a customer without a valid
 * owner, within the rep's daily claim limit, its holding limit and A cap, and the same
 * eligibility as a proposal (region/industry where required, growth rule, cooldown, not
 * away). A refusal is one sentence saying why.
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

  const claimedToday = state.claims.filter((c) => c.day === asOfDay && ownerKey(c.repName) === ownerKey(name)).length;
  if (settings.pool.claimLimitPerDay === 0) return refuse('claiming is switched off (the daily claim limit is 0)');
  if (claimedToday >= settings.pool.claimLimitPerDay) return refuse(`${name} has already claimed ${claimedToday} customers today, the daily limit`);

  const cooldownFrom = new Map<number, number>();
  for (const c of state.cooldowns) {
    const from = roster.find(c.repName);
    if (c.customerId === customer.id && c.untilDay > asOfDay && from) cooldownFrom.set(from.index, Math.max(c.untilDay, cooldownFrom.get(from.index) ?? 0));
  }
  const blocked = barrier(rep, { ...profileOf(customer), holder: null, cooldownFrom }, settings.assign);
  if (blocked !== null) return refuse(barrierRefusal(blocked, rep, customer, settings.assign, cooldownFrom.get(rep.index) ?? asOfDay));

  const held = input.customers.filter((c) => holder(matchOwner(roster, c.owner)) === rep);
  if (rep.capacity !== null && held.length >= rep.capacity) return refuse(`${name} already holds ${held.length} customers, the holding limit`);
  const heldA = held.filter((c) => c.tier === 'A').length;
  if (customer.tier === 'A' && rep.aCap !== null && heldA >= rep.aCap) return refuse(`${name} already holds ${heldA} A-tier customers, the A cap`);

  return {
    ok: true,
    state: {
      ...state,
      claims: [...state.claims.filter((c) => c.day === asOfDay), { customerId: customer.id, repName: name, day: asOfDay }],
      staleFlags: state.staleFlags.filter((f) => f.customerId !== customer.id),
    },
    change: { customerId: customer.id, row: customer.row, from: customer.owner.trim(), to: name },
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
