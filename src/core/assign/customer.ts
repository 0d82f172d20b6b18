import { foldText } from '../parse/fold.js';
import type { Tier } from '../score/tiers.js';

/**
 * A customer as assignment and the pool see it: the parsed Customers row plus its tier
 * and score. `owner` is the Owner cell's text as found (blank, a rep's name or e-mail, or
 * someone we do not know); owner matching (owner.ts) decides what it means.
 */
export interface AssignCustomer {
  readonly id: string;
  /** 0-based data row index in the Customers tab as read. */
  readonly row: number;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly region: string;
  readonly industry: string;
  readonly owner: string;
  /** Null when the book is untiered (every customer scored the same): not A, held to the rules of the lowest tier. */
  readonly tier: Tier | null;
  /** 0..100. */
  readonly score: number;
  /** Day numbers (days since 1970-01-01), null when unknown. */
  readonly lastActivityDay: number | null;
  readonly lastWonDealDay: number | null;
}

/** Regions and industries compare as the parse layer compares words a person typed. */
export function matchKey(text: string): string {
  return foldText(text);
}

/** Customers in id order: every result is the same whatever the row order. */
export function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
