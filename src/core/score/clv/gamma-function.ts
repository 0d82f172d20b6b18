/**
 * The gamma function family the BG/NBD and Gamma-Gamma likelihoods need, written from the
 * asymptotic (Stirling) series: Abramowitz & Stegun 6.1.40 for ln Γ and 6.3.18 for ψ,
 * after shifting the argument up with the recurrences Γ(x + 1) = x Γ(x) (6.1.15) and
 * ψ(x + 1) = ψ(x) + 1/x (6.3.5). From x ≥ 10 the series terms kept here leave an error
 * below 1e-16, so the shift is the only cost for small arguments.
 */

const SHIFT_TO = 10;
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  let product = 1;
  while (x < SHIFT_TO) {
    product *= x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Bernoulli terms B2k / (2k (2k − 1) x^(2k − 1)), k = 1..7.
  const series =
    inv * (1 / 12 + inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LN_TWO_PI + series - Math.log(product);
}

/** ψ(x) = d ln Γ(x) / dx for x > 0. */
export function digamma(x: number): number {
  let shift = 0;
  while (x < SHIFT_TO) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli terms B2k / (2k x^(2k)), k = 1..7.
  const series = inv2 * (1 / 12 + inv2 * (-1 / 120 + inv2 * (1 / 252 + inv2 * (-1 / 240 + inv2 * (1 / 132 + inv2 * (-691 / 32760 + inv2 * (1 / 12)))))));
  return Math.log(x) - 0.5 / x - series - shift;
}

/** sin(πx) with the argument reduced first, so that it stays exact near the integers. */
function sinPi(x: number): number {
  const reduced = x - 2 * Math.round(x / 2);
  return Math.sin(Math.PI * reduced);
}

/**
 * ln |Γ(x)| and the sign of Γ(x) for any real x that is not 0 or a negative integer,
 * through the reflection Γ(x) Γ(1 − x) = π / sin(πx) (A&S 6.1.17). The hypergeometric
 * connection formula needs gammas of negative arguments.
 */
export function signedLnGamma(x: number): { ln: number; sign: number } {
  if (x > 0) return { ln: lnGamma(x), sign: 1 };
  const sine = sinPi(x);
  if (sine === 0) return { ln: Infinity, sign: 1 };
  return { ln: Math.log(Math.PI) - Math.log(Math.abs(sine)) - lnGamma(1 - x), sign: sine > 0 ? 1 : -1 };
}
