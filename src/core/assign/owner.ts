import type { Roster, RosterRep } from './roster.js';

/**
 * What an Owner cell means (DESIGN §5): a rep named by name or e-mail, trimmed, any
 * case. A name we do not know, or an inactive rep, counts as no owner: the customer is
 * proposed, and the reason says which it was.
 */
export type OwnerMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly text: string }
  | { readonly kind: 'inactive'; readonly rep: RosterRep }
  | { readonly kind: 'rep'; readonly rep: RosterRep };

export function matchOwner(roster: Roster, ownerCell: string): OwnerMatch {
  const text = ownerCell.trim();
  if (text === '') return { kind: 'none' };
  const rep = roster.find(text);
  if (!rep) return { kind: 'unknown', text };
  return rep.rep.active ? { kind: 'rep', rep } : { kind: 'inactive', rep };
}

/** The active rep holding the customer, if any. */
export function holder(match: OwnerMatch): RosterRep | null {
  return match.kind === 'rep' ? match.rep : null;
}
