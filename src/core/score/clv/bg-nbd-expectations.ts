import type { BgNbdParameters } from './clv-result.js';
import { lnGamma } from './gamma-function.js';
import { hypergeometric2F1Family } from './hypergeometric.js';

/**
 * What a fitted BG/NBD model says about customers (Fader, Hardie & Lee 2005; all times
 * in the model's unit).
 */

/**
 * a = 1 is a removable singularity of the expectation formulas ((a+b+x−1)/(a−1) times a
 * bracket that vanishes). Within this distance of 1 we evaluate at this distance instead:
 * the expectations move by a relative ~1e-7, far less than the rounding the exact
 * formula would suffer there.
 */
const NEAR_ONE = 1e-7;

function awayFromOne(a: number): number {
  return Math.abs(a - 1) >= NEAR_ONE ? a : a >= 1 ? 1 + NEAR_ONE : 1 - NEAR_ONE;
}

/**
 * P(alive | x, t_x, T), FHL 2005 eq. 13 (and their 2008 note, eq. 14):
 * 1 / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x)), computed as a logistic of the log
 * odds so that large x or long silences do not overflow. A customer with no repeat
 * purchase is alive by the model's assumption (drop-out happens only after a purchase).
 */
export function probabilityAlive(params: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * For customers with x repeat purchases: t ↦ expected purchases in (T, T + t] given that
 * the customer is still alive at T, i.e. FHL 2005 eq. 10 without its P(alive) factor:
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t).
 *
 * Euler's transformation 2F1(A,B;C;z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) (A&S 15.3.3)
 * turns the bracket's product into (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z): the new
 * upper parameters no longer grow with x, so heavy buyers need few terms and nothing
 * overflows. The hypergeometric family depends on x only and is built once per x.
 */
export function expectedPurchasesIfAlive(params: BgNbdParameters, x: number): (T: number, t: number) => number {
  const { r, alpha, b } = params;
  const a = awayFromOne(params.a);
  const family = hypergeometric2F1Family(a + b - 1 - r, a - 1, a + b + x - 1);
  const scale = (a + b + x - 1) / (a - 1);
  return (T, t) => {
    if (t <= 0) return 0;
    const z = t / (alpha + T + t);
    const remaining = Math.exp((a - 1) * Math.log1p(-z)) * family(z);
    return Math.max(0, scale * (1 - remaining));
  };
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t periods for a customer, FHL 2005 eq. 10. */
export function conditionalExpectedPurchases(params: BgNbdParameters, x: number, tx: number, T: number, t: number): number {
  return probabilityAlive(params, x, tx, T) * expectedPurchasesIfAlive(params, x)(T, t);
}

/** E[X(t)]: expected repeat purchases of a new customer in (0, t], FHL 2005 eq. 7 (eq. 10 with x = T = 0). */
export function expectedPurchases(params: BgNbdParameters, t: number): number {
  return expectedPurchasesIfAlive(params, 0)(0, t);
}

/**
 * P(X(t) = n), FHL 2005 eq. 8:
 *
 *   B(a, b+n)/B(a, b) · NB(n)  +  1{n>0} B(a+1, b+n−1)/B(a, b) · P(NB ≥ n),
 *
 * where NB is the negative binomial count Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. The
 * tail P(NB ≥ n) is 1 minus the head when the head is small, and summed directly when the
 * head is near 1, so that "1 − almost 1" never eats the digits of a tiny probability.
 */
export function probabilityOfPurchases(params: BgNbdParameters, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  const lnStay = Math.log(alpha / (alpha + t));
  const z = t / (alpha + t);
  const lnTerm = (j: number): number => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnStay + (j === 0 ? 0 : j * Math.log(z));
  const lnBetaRatio = lnGamma(b + n) + lnGamma(a + b) - lnGamma(b) - lnGamma(a + b + n);
  const stillActive = Math.exp(lnBetaRatio + lnTerm(n));
  if (n === 0) return stillActive;

  let head = 0;
  let term = Math.exp(lnTerm(0));
  for (let j = 0; j < n; j++) {
    head += term;
    term *= ((r + j) * z) / (j + 1);
  }
  let tail = 1 - head;
  if (head > 0.5) {
    tail = 0;
    let next = Math.exp(lnTerm(n));
    for (let j = n; next > 1e-17 * tail || j < n + 2; j++) {
      tail += next;
      next *= ((r + j) * z) / (j + 1);
      if (next === 0) break;
    }
  }
  const lnDroppedRatio = Math.log(a) + lnGamma(b + n - 1) + lnGamma(a + b) - lnGamma(b) - lnGamma(a + b + n);
  return stillActive + Math.exp(lnDroppedRatio) * tail;
}
