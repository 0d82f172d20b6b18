/**
 * Gini coefficient of non-negative values: 0 when all are equal, towards 1 when one
 * holds everything. Sorted-values form of the mean absolute difference over twice the
 * mean (Damgaard & Weiner, "Describing inequality in plant size or fecundity", Ecology
 * 81(4), 2000, eq. 2): G = Σ (2i − n − 1)·x(i) / (n·Σx), i = 1..n ascending.
 */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  sorted.forEach((x, k) => {
    weighted += (2 * (k + 1) - n - 1) * x;
  });
  return weighted / (n * total);
}
