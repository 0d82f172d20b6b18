import type { BookScores } from '../core/score/score-book.js';

/**
 * `TW Flags`: short warnings a rep acts on, joined with "; ". One function builds the
 * whole cell so that a run never drops another run's flags.
 */
export function scoreFlags(scores: BookScores, k: number): string[] {
  const flags: string[] = [];
  const clv = scores.clv;
  if (clv?.churnRisk[k]) flags.push(`churn risk: P(alive) ${Math.round(clv.pAlive[k] * 100)}%, once a top customer`);
  if (clv?.fallback[k]) flags.push('CLV is historical value (no model fit, see summary)');
  return flags;
}
