import type { Contribution } from './weighted.js';

/** How many contributions `TW Why` names. */
export const WHY_TOP = 3;

/** `TW Why` of a book in which no dimension of the score has a column, so everyone scores 0. */
export const NOTHING_TO_SCORE_ON = 'not scored: no column the score uses is in this book';

/**
 * `TW Why`: the three dimensions that added most, in words a rep can repeat to a
 * manager, e.g. "high historical revenue (+24.1), high growth potential (+15.0), low
 * service cost (+8.2)". The adjective describes the raw value, so a lower-is-better
 * dimension that scores well reads "low".
 */
export function explainScore(contributions: readonly Contribution[], top = WHY_TOP): string {
  // No dimension had a column: a blank TW Why would read as something lost.
  if (contributions.length === 0) return NOTHING_TO_SCORE_ON;
  // Joined, not appended with +=: a joined text is one flat string, while += builds a
  // tree of pieces per customer that the collector then copies (measured ~2× slower).
  const parts: string[] = [];
  const shown = Math.min(top, contributions.length);
  for (let j = 0; j < shown; j++) {
    const c = contributions[j];
    parts.push(`${describeLevel(c)} ${c.dimension.label} (+${pointsText(c.points)})`);
  }
  return parts.join(', ');
}

/**
 * `points.toFixed(1)`, without the runtime call for the usual case. toFixed rounds the
 * exact value of the double to the nearest tenth; 10 × points rounded to an integer is
 * that same tenth unless 10 × points lies within rounding error of a half, where toFixed
 * itself decides (0.35 is stored just below 0.35 and gives "0.3").
 */
function pointsText(points: number): string {
  const tenths = points * 10;
  const nearest = Math.round(tenths);
  if (!(points >= 0 && points < 1e6) || Math.abs(tenths - nearest) > 0.4999999) return points.toFixed(1);
  return `${Math.floor(nearest / 10)}.${nearest % 10}`;
}

function describeLevel(c: Contribution): string {
  if (c.missing) return 'no data for';
  const goodness = c.normalized;
  const rawLevel = c.dimension.direction === 'lower' ? 1 - goodness : goodness;
  if (rawLevel >= 0.66) return 'high';
  if (rawLevel >= 0.33) return 'medium';
  return 'low';
}
