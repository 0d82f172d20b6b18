import type { AssignCustomer } from '../../../src/core/assign/customer.js';
import { type ProposeInput, type ProposeResult, proposeOwners } from '../../../src/core/assign/propose.js';
import type { Rep } from '../../../src/core/assign/rep.js';
import { AssignState } from '../../../src/core/assign/state.js';
import { type AssignSettings } from '../../../src/core/settings/assign.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import { dayNumber } from '../../../src/core/parse/days.js';

/** Test books for assignment: a customer or a rep with sensible blanks, overridden per test. */
export const AS_OF = dayNumber(2026, 12, 1);

export function customer(id: string, fields: Partial<AssignCustomer> = {}): AssignCustomer {
  return {
    id,
    row: 0,
    name: `Company ${id}`,
    email: '',
    phone: '',
    region: 'East',
    industry: 'Retail',
    owner: '',
    tier: 'B',
    score: 50,
    lastActivityDay: null,
    lastWonDealDay: null,
    ...fields,
  };
}

export function rep(name: string, fields: Partial<Rep> = {}): Rep {
  return {
    name,
    email: `${name.toLowerCase()}@example.com`,
    level: 'mid',
    regions: ['East'],
    industries: ['Retail'],
    capacity: null,
    aCap: null,
    active: true,
    awayFrom: null,
    awayTo: null,
    startDay: null,
    ...fields,
  };
}

export function assignSettings(overrides: Partial<AssignSettings> = {}): AssignSettings {
  return { ...defaultSettings.assign, growth: { days: 0, tiers: ['B', 'C'] }, ...overrides };
}

/** Proposals for a small book on the as-of day, from a fresh rotation and no cooldowns unless given. */
export function proposeFor(customers: AssignCustomer[], reps: Rep[], settings: Partial<AssignSettings> = {}, extra: Partial<ProposeInput> = {}): ProposeResult {
  return proposeOwners({ customers, reps, asOfDay: AS_OF, settings: assignSettings(settings), state: AssignState.parse({}), cooldowns: [], ...extra });
}

/** Each proposal as [customer id, proposed owner, TW Reason]. */
export const reasons = (result: ProposeResult) => result.proposals.map((p) => [p.customerId, p.proposedOwner, p.reason]);
