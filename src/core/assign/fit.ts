import type { AssignSettings } from '../settings/assign.js';
import { type Tier, rulesTier } from '../score/tiers.js';
import { matchKey } from './customer.js';
import type { RosterRep } from './roster.js';

/** What fit and eligibility look at in a customer: customers alike in these are interchangeable. */
export interface Profile {
  readonly tier: Tier;
  readonly region: string;
  readonly industry: string;
  /** Region and industry as compared (matchKey), worked out once per customer. */
  readonly regionKey: string;
  readonly industryKey: string;
}

export function profileOf(customer: { readonly tier: Tier | null; readonly region: string; readonly industry: string }, keyOf: (text: string) => string = matchKey): Profile {
  return { tier: rulesTier(customer.tier), region: customer.region, industry: customer.industry, regionKey: keyOf(customer.region), industryKey: keyOf(customer.industry) };
}

export interface FitParts {
  readonly level: number;
  readonly sameRegion: boolean;
  readonly sameIndustry: boolean;
  readonly keeps: boolean;
}

export function fitParts(profile: Profile, rep: RosterRep, settings: AssignSettings, keeps: boolean): FitParts {
  return {
    level: settings.levelFit[profile.tier][rep.rep.level],
    sameRegion: coversRegion(rep, profile),
    sameIndustry: coversIndustry(rep, profile),
    keeps,
  };
}

/**
 * Fit of a customer with a rep (issue 4): level fit for the tier and the rep's level,
 * plus a bonus each for a rep who covers the customer's region, its industry, and who
 * holds it now.
 */
export function fitValue(parts: FitParts, settings: AssignSettings): number {
  const { bonus } = settings;
  return parts.level + (parts.sameRegion ? bonus.region : 0) + (parts.sameIndustry ? bonus.industry : 0) + (parts.keeps ? bonus.keep : 0);
}

export function fitOf(profile: Profile, rep: RosterRep, settings: AssignSettings, keeps: boolean): number {
  return fitValue(fitParts(profile, rep, settings, keeps), settings);
}

export function coversRegion(rep: RosterRep, profile: Profile): boolean {
  return profile.regionKey !== '' && rep.regions.has(profile.regionKey);
}

export function coversIndustry(rep: RosterRep, profile: Profile): boolean {
  return profile.industryKey !== '' && rep.industries.has(profile.industryKey);
}
