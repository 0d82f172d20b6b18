/**
 * The known name a mistyped one was most likely meant to be, for messages such as
 * "unknown setting 'colums' — did you mean 'columns'?".
 *
 * Distance is the optimal string alignment distance (Damerau 1964, Levenshtein 1966 as
 * restricted by Boyer & Moore's OSA variant: insertions, deletions, substitutions and
 * swaps of two adjacent characters, each costing 1, no substring edited twice), on
 * lower-cased text: swapped letters (`in-plcae`) are the commonest typing slip, and case
 * is not a spelling mistake. A suggestion is made only within a third of the longer name
 * (at least one edit), so `xyz` does not "mean" `tabs`.
 */
export function nearestName(name: string, candidates: readonly string[]): string | null {
  const typed = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = alignmentDistance(typed, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(typed.length, candidate.length) / 3));
    // Strictly smaller: among equally near names the first listed wins, so the answer is stable.
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance between two strings, by code point. */
export function alignmentDistance(from: string, to: string): number {
  const a = Array.from(from);
  const b = Array.from(to);
  // Three rows of the (|a|+1) × (|b|+1) table: the swap looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}
