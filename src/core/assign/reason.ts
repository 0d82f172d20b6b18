import type { AssignSettings } from '../settings/assign.js';
import { fitParts } from './fit.js';
import type { RosterRep } from './roster.js';
import type { Basis } from './selection.js';
import type { Member } from './units.js';

/** Why the customer was up for an owner at all, as a manager would say it. */
export function basisSentence(basis: Basis): string {
  switch (basis.kind) {
    case 'unowned':
      return 'no owner';
    case 'unknown-owner':
      return `owner '${basis.owner}' is not in the Reps tab`;
    case 'inactive-owner':
      return `owner ${basis.owner} is inactive`;
    case 'split-group':
      return `the same company is held by ${basis.owners.join(' and ')}${basis.owners.length === 1 ? ' only in part' : ''}`;
    case 'growth':
      return `owner ${basis.owner} is a new rep the growth rule keeps from this tier`;
    case 'over-a-cap':
      return `owner ${basis.owner} holds ${basis.held} A-tier customers, over the A cap of ${basis.cap}, and fits this one least`;
    case 'over-capacity':
      return `owner ${basis.owner} holds ${basis.held} customers, over the capacity of ${basis.cap}, and fits this one least`;
    case 'rebalance':
      return 'rebalance';
  }
}

/** "A tier → senior rep; same region (East); keeps current owner". */
export function fitSentence(member: Member, rep: RosterRep, settings: AssignSettings): string {
  const parts = fitParts(member, rep, settings, member.holder === rep);
  const words = [`${member.customer.tier === null ? 'no' : member.tier} tier → ${rep.rep.level} rep`];
  if (parts.sameRegion) words.push(`same region (${member.region.trim()})`);
  if (parts.sameIndustry) words.push(`same industry (${member.industry.trim()})`);
  if (parts.keeps) words.push('keeps current owner');
  return words.join('; ');
}

export function sentence(...clauses: string[]): string {
  const text = clauses.filter((c) => c !== '').join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
