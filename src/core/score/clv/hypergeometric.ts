import { signedLnGamma } from './gamma-function.js';

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and z < 1,
 * summed to convergence (BG/NBD's conditional expectation, Fader, Hardie & Lee 2005
 * eq. 10, needs it with z up to nearly 1).
 *
 * - z ≤ 1/2: the defining series Σ (a)n (b)n / ((c)n n!) zⁿ, whose terms shrink at least
 *   like 2⁻ⁿ once n passes the parameters.
 * - z < 0: Pfaff's transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z/(z − 1))
 *   (A&S 15.3.4) brings the argument into [0, 1).
 * - 1/2 < z < 1: the series still converges but, with c − a − b small, only like a power
 *   of n; cutting it short is the error the CDNOW note warns about (1.8576 instead of
 *   1.858 at 78 weeks). We first give the series a short budget (it is quick when c is
 *   large), then use the connection formula A&S 15.3.6, which rewrites the function as
 *   two series in 1 − z < 1/2. That formula divides by sin(π(c − a − b)), so when
 *   c − a − b is within NEAR_INTEGER of an integer we keep summing the plain series,
 *   which converges for every z < 1.
 */

const RELATIVE_TOLERANCE = 1e-15;
const QUICK_TERMS = 60;
const MAX_TERMS = 1_000_000;
const NEAR_INTEGER = 1e-4;

/** The series Σ (a)n (b)n / ((c)n n!) zⁿ summed until a term no longer moves the sum; NaN if it does not settle within maxTerms. */
function series(a: number, b: number, c: number, z: number, maxTerms: number): number {
  let term = 1;
  let sum = 1;
  let quietTerms = 0;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    // Two quiet terms in a row, past the point where the ratio of terms is below 1: the tail cannot add up.
    if (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
      if (++quietTerms >= 2 && Math.abs(((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2))) < 1) return sum;
    } else quietTerms = 0;
    if (term === 0) return sum;
  }
  return Number.NaN;
}

interface Connection {
  /** ln |Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b))| and its sign. */
  lnFirst: number;
  signFirst: number;
  /** ln |Γ(c)Γ(a+b−c) / (Γ(a)Γ(b))| and its sign. */
  lnSecond: number;
  signSecond: number;
}

function connectionCoefficients(a: number, b: number, c: number): Connection {
  const gc = signedLnGamma(c);
  const gcab = signedLnGamma(c - a - b);
  const gca = signedLnGamma(c - a);
  const gcb = signedLnGamma(c - b);
  const gabc = signedLnGamma(a + b - c);
  const ga = signedLnGamma(a);
  const gb = signedLnGamma(b);
  // 1/Γ at a pole is 0: the matching term of A&S 15.3.6 vanishes.
  const first = gca.ln === Infinity || gcb.ln === Infinity ? -Infinity : gc.ln + gcab.ln - gca.ln - gcb.ln;
  const second = ga.ln === Infinity || gb.ln === Infinity ? -Infinity : gc.ln + gabc.ln - ga.ln - gb.ln;
  return {
    lnFirst: first,
    signFirst: gc.sign * gcab.sign * gca.sign * gcb.sign,
    lnSecond: second,
    signSecond: gc.sign * gabc.sign * ga.sign * gb.sign,
  };
}

/**
 * 2F1(a, b; c; ·) for fixed parameters, as a function of z < 1. The connection
 * coefficients are computed once per family, so evaluating many arguments (every
 * period of a horizon) costs only the series.
 */
export function hypergeometric2F1Family(a: number, b: number, c: number): (z: number) => number {
  const gap = c - a - b;
  const useConnection = Math.abs(gap - Math.round(gap)) > NEAR_INTEGER;
  let connection: Connection | undefined;

  const nearOne = (z: number): number => {
    const quick = series(a, b, c, z, QUICK_TERMS);
    if (!Number.isNaN(quick) || !useConnection) return Number.isNaN(quick) ? series(a, b, c, z, MAX_TERMS) : quick;
    connection ??= connectionCoefficients(a, b, c);
    const w = 1 - z;
    const first = connection.lnFirst === -Infinity ? 0 : connection.signFirst * Math.exp(connection.lnFirst) * series(a, b, 1 - gap, w, MAX_TERMS);
    const second =
      connection.lnSecond === -Infinity
        ? 0
        : connection.signSecond * Math.exp(connection.lnSecond + gap * Math.log(w)) * series(c - a, c - b, gap + 1, w, MAX_TERMS);
    return first + second;
  };

  return (z: number): number => {
    if (!(z < 1)) return Number.NaN;
    if (z < 0) {
      const w = z / (z - 1);
      const scale = Math.pow(1 - z, -a);
      return w <= 0.5 ? scale * series(a, c - b, c, w, MAX_TERMS) : scale * hypergeometric2F1Family(a, c - b, c)(w);
    }
    return z <= 0.5 ? series(a, b, c, z, MAX_TERMS) : nearOne(z);
  };
}

/** 2F1(a, b; c; z) for z < 1; NaN outside that range or where a series cannot settle. */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  return hypergeometric2F1Family(a, b, c)(z);
}
