import type { BookScores } from '../core/score/score-book.js';
import type { BookFacts } from './summary.js';

/** What every command's summary says about the book: customers, tiers, segments, what scored, issues, notes. */
export function bookFacts(scores: BookScores, issues = scores.issues): BookFacts {
  const tiers = { A: 0, B: 0, C: 0 };
  for (const tier of scores.tiers) if (tier !== null) tiers[tier]++;
  const segments: Record<string, number> = {};
  for (const segment of scores.rfm?.segments ?? []) segments[segment] = (segments[segment] ?? 0) + 1;
  const score = {
    dimensions: scores.dimensionsUsed.map(({ label, source, weight }) => ({ label, source, weight })),
    fromDeals: scores.fromDeals,
    tiered: scores.tiered,
  };
  return { customers: scores.customers.ids.length, tiers, segments, issues, notes: scores.notes, score, customersDerived: scores.customersDerived ?? undefined, deals: scores.deals?.counts };
}
