import type { Tier } from '../src/core/score/tiers.js';
import { el } from './dom.js';

/** A customer's tier as a coloured letter; "–" in a book whose scores are all equal and so has no tiers. */
export function tierBadge(tier: Tier | null): HTMLElement {
  return tier === null ? el('span', { class: 'tier-badge tier-none' }, '–') : el('span', { class: `tier-badge tier-${tier}` }, tier);
}
