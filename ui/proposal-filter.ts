import type { Api } from './api.js';

export type ProposalRow = Api['sidebarProposals']['output']['items'][number];

export interface ProposalFilter {
  /** 'all' or a tier letter. */
  readonly tier: 'all' | 'A' | 'B' | 'C';
  /** 'all', 'unplaced', or a rep's name. */
  readonly rep: string;
  /** Text found in the name, id, or either owner, ignoring case. */
  readonly search: string;
}

export const NO_FILTER: ProposalFilter = { tier: 'all', rep: 'all', search: '' };

/** The proposals a filter shows, in their saved order. */
export function filterProposals(items: readonly ProposalRow[], filter: ProposalFilter): ProposalRow[] {
  const needle = filter.search.trim().toLowerCase();
  return items.filter((p) => {
    if (filter.tier !== 'all' && p.tier !== filter.tier) return false;
    if (filter.rep === 'unplaced' ? p.to !== null : filter.rep !== 'all' && p.to !== filter.rep) return false;
    if (needle === '') return true;
    return [p.name, p.customerId, p.from, p.to ?? ''].some((text) => text.toLowerCase().includes(needle));
  });
}

/** Only proposals that name a rep can be applied. */
export function applicable(p: ProposalRow): boolean {
  return p.to !== null;
}
