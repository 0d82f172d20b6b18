import { Digest } from '../digest.js';
import type { CompanyGroup, DuplicateCandidate } from './duplicates.js';

/**
 * Raised whenever groupCompanies would group the same candidates differently (a new
 * legal form or free-mail domain in company.ts, a new key): groups saved by another
 * version then never match, and are found again.
 */
const GROUPING_VERSION = 1;

/** Same-company groups with the key of the candidates they were found among (duplicatesKey). */
export interface KeyedCompanyGroups {
  readonly key: string;
  readonly groups: readonly CompanyGroup[];
}

/**
 * The key of everything groupCompanies reads: each candidate's id, name, e-mail and phone,
 * in the order given (the groups are positions in it), and the key limit. Not the rows:
 * the groups do not depend on them, and the flags that name rows are made afresh from the
 * groups on every run. Equal keys mean groupCompanies would give the same groups.
 */
export function duplicatesKey(customers: readonly DuplicateCandidate[], keyLimit: number): string {
  const digest = new Digest().number(GROUPING_VERSION).number(keyLimit).integer(customers.length);
  for (const c of customers) digest.text(c.id).text(c.name).text(c.email).text(c.phone);
  return digest.hex();
}
