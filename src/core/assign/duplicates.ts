import { type AssignCustomer, byId } from './customer.js';
import { companyDomainKey, companyNameKey, emailKey, phoneKey } from './company.js';

export type DuplicateBasis = 'name' | 'email' | 'domain' | 'phone';

export interface DuplicateGroup {
  /** Customer ids in id order: what proposeOwners takes as `duplicateGroups`. */
  readonly ids: readonly string[];
  /** Their 1-based sheet rows, ascending. */
  readonly rows: readonly number[];
  /** Which keys tied them together. */
  readonly basis: readonly DuplicateBasis[];
}

export interface Duplicates {
  readonly groups: readonly DuplicateGroup[];
  /** `TW Flags` text per customer id in a group: "same company as row 12". */
  readonly flags: Readonly<Record<string, string>>;
}

const KEYS: readonly (readonly [DuplicateBasis, (c: DuplicateCandidate) => string])[] = [
  ['name', (c) => companyNameKey(c.name)],
  ['email', (c) => emailKey(c.email)],
  ['domain', (c) => companyDomainKey(c.email)],
  ['phone', (c) => phoneKey(c.phone)],
];

export type DuplicateCandidate = Pick<AssignCustomer, 'id' | 'row' | 'name' | 'email' | 'phone'>;

/**
 * Customers that are the same company, as positions in the candidates as given: what the
 * groups are before anything names a sheet row, so a later run on the same candidates can
 * take them from the saved state instead of grouping again (issue 13 item 2).
 */
export interface CompanyGroup {
  /** Positions in the candidates, in id order. */
  readonly members: readonly number[];
  readonly basis: readonly DuplicateBasis[];
}

/**
 * Customers that are the same company (issue 4 item 7): the same normalised name,
 * e-mail address, company e-mail domain or phone number. `sheetRowOf` turns a data row
 * index into the sheet row the flag names.
 */
export function findDuplicates(customers: readonly DuplicateCandidate[], sheetRowOf: (row: number) => number, keyLimit = Infinity): Duplicates {
  return describeGroups(customers, groupCompanies(customers, keyLimit), sheetRowOf);
}

/**
 * The grouping itself. Sharing is transitive (A shares a phone with B, B a domain with C:
 * one company), so groups are the connected components, found with union-find (Tarjan
 * 1975). Groups come in the id order of their first members: a root is always the lowest
 * index of its component, because a join keeps the lower root.
 */
export function groupCompanies(customers: readonly DuplicateCandidate[], keyLimit = Infinity): CompanyGroup[] {
  // A stable sort of positions, so equal ids keep the order given, as a sort of the customers would.
  const order = customers.map((_, i) => i).sort((a, b) => byId(customers[a], customers[b]));
  const parent = order.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const joinedBy = new Map<number, Set<DuplicateBasis>>();
  for (const [basis, keyOf] of KEYS) {
    const keys = order.map((position) => keyOf(customers[position]));
    // A value on more than `keyLimit` customers names no one company: a generic trading
    // name, a switchboard number, a reseller's domain. It joins nobody.
    const uses = new Map<string, number>();
    for (const key of keys) if (key !== '') uses.set(key, (uses.get(key) ?? 0) + 1);
    const firstWith = new Map<string, number>();
    keys.forEach((key, i) => {
      if (key === '' || (uses.get(key) ?? 0) > keyLimit) return;
      const first = firstWith.get(key);
      if (first === undefined) {
        firstWith.set(key, i);
        return;
      }
      const [a, b] = [find(first), find(i)];
      const bases = new Set([...(joinedBy.get(a) ?? []), ...(joinedBy.get(b) ?? []), basis]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      joinedBy.set(Math.min(a, b), bases);
    });
  }

  const members = new Map<number, number[]>();
  order.forEach((position, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(position);
    else members.set(root, [position]);
  });
  const groups: CompanyGroup[] = [];
  for (const [root, positions] of members) {
    if (positions.length >= 2) groups.push({ members: positions, basis: KEYS.map(([b]) => b).filter((b) => joinedBy.get(root)?.has(b)) });
  }
  return groups;
}

/** The groups with their customers' ids and sheet rows, and each member's `TW Flags` text. */
export function describeGroups(customers: readonly DuplicateCandidate[], companies: readonly CompanyGroup[], sheetRowOf: (row: number) => number): Duplicates {
  const groups: DuplicateGroup[] = [];
  const flags: Record<string, string> = {};
  for (const { members, basis } of companies) {
    const rows = members.map((position) => sheetRowOf(customers[position].row));
    const ascending = [...rows].sort((a, b) => a - b);
    groups.push({ ids: members.map((position) => customers[position].id), rows: ascending, basis });
    // Per member, the first rows of the others and how many there are, without a list of
    // the others per member: a company with thousands of rows made that quadratic.
    const copies = new Map<number, number>();
    for (const row of rows) copies.set(row, (copies.get(row) ?? 0) + 1);
    members.forEach((position, k) => {
      const own = rows[k];
      const named: number[] = [];
      for (let j = 0; j < ascending.length && named.length < ROWS_NAMED; j++) if (ascending[j] !== own) named.push(ascending[j]);
      flags[customers[position].id] = sameCompanyFlag(named, ascending.length - (copies.get(own) ?? 0));
    });
  }
  return { groups, flags };
}

// A flag names a few rows and counts the rest, so a cell stays readable.
const ROWS_NAMED = 3;

/** `named`: the first ROWS_NAMED of the other rows, ascending; `count`: how many other rows there are. */
function sameCompanyFlag(named: readonly number[], count: number): string {
  const more = count > ROWS_NAMED ? ` and ${count - ROWS_NAMED} more` : '';
  return `same company as ${count === 1 ? 'row' : 'rows'} ${named.join(', ')}${more}`;
}
