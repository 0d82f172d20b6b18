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
 * Customers that are the same company (issue 4 item 7): the same normalised name,
 * e-mail address, company e-mail domain or phone number. Sharing is transitive (A shares
 * a phone with B, B a domain with C: one company), so groups are the connected
 * components, found with union-find (Tarjan 1975). `sheetRowOf` turns a data row index
 * into the sheet row the flag names.
 */
export function findDuplicates(customers: readonly DuplicateCandidate[], sheetRowOf: (row: number) => number, keyLimit = Infinity): Duplicates {
  const sorted = [...customers].sort(byId);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const joinedBy = new Map<number, Set<DuplicateBasis>>();
  for (const [basis, keyOf] of KEYS) {
    const keys = sorted.map(keyOf);
    // A value on more than `keyLimit` customers names no one company: a generic trading
    // name, a switchboard number, a reseller's domain. It joins nobody.
    const uses = new Map<string, number>();
    for (const key of keys) if (key !== '') uses.set(key, (uses.get(key) ?? 0) + 1);
    const firstWith = new Map<string, number>();
    sorted.forEach((_, i) => {
      const key = keys[i];
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
  sorted.forEach((_, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const groups: DuplicateGroup[] = [];
  const flags: Record<string, string> = {};
  for (const [root, indices] of members) {
    if (indices.length < 2) continue;
    const rows = indices.map((i) => sheetRowOf(sorted[i].row));
    groups.push({ ids: indices.map((i) => sorted[i].id), rows: [...rows].sort((a, b) => a - b), basis: KEYS.map(([b]) => b).filter((b) => joinedBy.get(root)?.has(b)) });
    const ascending = [...rows].sort((a, b) => a - b);
    // Per member, the first rows of the others and how many there are, without a list of
    // the others per member: a company with thousands of rows made that quadratic.
    const copies = new Map<number, number>();
    for (const row of rows) copies.set(row, (copies.get(row) ?? 0) + 1);
    indices.forEach((i, k) => {
      const own = rows[k];
      const named: number[] = [];
      for (let j = 0; j < ascending.length && named.length < ROWS_NAMED; j++) if (ascending[j] !== own) named.push(ascending[j]);
      flags[sorted[i].id] = sameCompanyFlag(named, ascending.length - (copies.get(own) ?? 0));
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
