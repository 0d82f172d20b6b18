/**
 * Slider weights as whole percentages that always add up to 100 (issue 6, Weights). When
 * one slider moves, the others share what is left in their old proportions; rounding uses
 * the largest-remainder (Hamilton) method, so the parts still add up exactly.
 */
export const TOTAL = 100;

/** Saved weights (any positive scale) as percentages summing to 100. */
export function toPercentages(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (weights.length === 0) return [];
  if (sum === 0) return apportion(weights.map(() => 1), TOTAL);
  return apportion(weights.map((w) => Math.max(0, w)), TOTAL);
}

/** Sets slider `index` to `value` (clamped to 0..100) and rescales the others to fill the rest. */
export function moveWeight(percentages: readonly number[], index: number, value: number): number[] {
  const target = Math.min(TOTAL, Math.max(0, Math.round(value)));
  if (percentages.length === 1) return [TOTAL];
  const others = percentages.map((p, i) => (i === index ? 0 : Math.max(0, p)));
  const rest = TOTAL - target;
  // When every other slider is at 0 there is no proportion to keep: share the rest evenly.
  const basis = others.some((p) => p > 0) ? others : others.map((_, i) => (i === index ? 0 : 1));
  const shared = apportion(basis, rest);
  shared[index] = target;
  return shared;
}

/** Whole numbers proportional to `parts` that add up to `total` (largest remainder). */
export function apportion(parts: readonly number[], total: number): number[] {
  const sum = parts.reduce((a, p) => a + p, 0);
  if (sum === 0) return parts.map(() => 0);
  const exact = parts.map((p) => (p / sum) * total);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, f) => a + f, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    if (parts[i] > 0) {
      floors[i]++;
      left--;
    }
  }
  return floors;
}
