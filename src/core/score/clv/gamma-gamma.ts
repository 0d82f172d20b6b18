import type { GammaGammaModel, GammaGammaParameters } from './clv-result.js';
import { distinctValues } from './customer-groups.js';
import { digamma, lnGamma } from './gamma-function.js';
import type { Objective } from './line-search.js';
import { minimise } from './minimise.js';

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005 "RFM and CLV", and Fader &
 * Hardie's note "The Gamma-Gamma Model of Monetary Value", 2013). Each purchase of a
 * customer is gamma(p, ν) and ν varies across customers as gamma(q, γ); the mean zbar of
 * x purchases then has the density (note eq. 3)
 *
 *   f(zbar | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q zbar^(px−1) x^(px) / (γ + x zbar)^(px+q).
 *
 * Fitted, like BG/NBD, on θ = (ln p, ln q, ln γ) with an analytic gradient. The gamma
 * terms depend on x only and the log terms of zbar and x are summed once, so an
 * evaluation costs one logarithm per customer.
 */
export function gammaGammaObjective(x: Float64Array, zbar: Float64Array): Objective {
  const n = x.length;
  const byX = distinctValues(x);
  const countPerX = new Float64Array(byX.values.length);
  for (let i = 0; i < n; i++) countPerX[byX.index[i]] += 1;
  let sumXLnZbar = 0;
  let sumLnZbar = 0;
  let sumXLnX = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    sumXLnZbar += x[i] * Math.log(zbar[i]);
    sumLnZbar += Math.log(zbar[i]);
    sumXLnX += x[i] * Math.log(x[i]);
    sumX += x[i];
  }

  return (theta, gradient) => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const gamma = Math.exp(theta[2]);
    const lnGammaQ = lnGamma(q);
    const psiQ = digamma(q);
    const lnG = Math.log(gamma);
    let ll = n * (q * lnG - lnGammaQ) + p * sumXLnZbar - sumLnZbar + p * sumXLnX;
    let dp = sumXLnZbar + sumXLnX;
    let dq = n * (lnG - psiQ);
    let dGamma = (n * q) / gamma;
    for (let j = 0; j < byX.values.length; j++) {
      const xj = byX.values[j];
      const count = countPerX[j];
      const psiAll = digamma(p * xj + q);
      ll += count * (lnGamma(p * xj + q) - lnGamma(p * xj));
      dp += count * xj * (psiAll - digamma(p * xj));
      dq += count * psiAll;
    }
    for (let i = 0; i < n; i++) {
      const shape = p * x[i] + q;
      const scale = gamma + x[i] * zbar[i];
      const lnScale = Math.log(scale);
      ll -= shape * lnScale;
      dp -= x[i] * lnScale;
      dq -= lnScale;
      dGamma -= shape / scale;
    }
    gradient[0] = (-p * dp) / n;
    gradient[1] = (-q * dq) / n;
    gradient[2] = (-gamma * dGamma) / n;
    return -ll / n;
  };
}

/**
 * Maximum-likelihood p, q, γ from repeat buyers' (x, zbar). The density exists only for
 * x > 0 and zbar > 0, so other rows are left out (the caller says so to the user).
 * Customers are put in a fixed order first, so the fit does not depend on theirs. Starts
 * from p = q = 1 and γ = the mean of zbar, the scale of the data.
 */
export function fitGammaGamma(x: Float64Array, zbar: Float64Array): GammaGammaModel {
  const order = Array.from(x.keys())
    .filter((i) => x[i] > 0 && zbar[i] > 0)
    .sort((i, j) => x[i] - x[j] || zbar[i] - zbar[j]);
  const sortedX = Float64Array.from(order, (i) => x[i]);
  const sortedZbar = Float64Array.from(order, (i) => zbar[i]);
  const meanZbar = sortedZbar.reduce((sum, z) => sum + z, 0) / Math.max(1, sortedZbar.length);
  const result = minimise(gammaGammaObjective(sortedX, sortedZbar), [0, 0, Math.log(meanZbar)]);
  const [p, q, gamma] = Array.from(result.theta, Math.exp);
  const finite = [p, q, gamma, result.value].every(Number.isFinite) && p > 0 && q > 0 && gamma > 0;
  return {
    p: finite ? p : 1,
    q: finite ? q : 1,
    gamma: finite ? gamma : 1,
    logLikelihood: finite ? -result.value * order.length : -Infinity,
    converged: finite && result.converged,
    iterations: result.iterations,
  };
}

/** Population mean spend per purchase, γp/(q − 1); it exists only for q > 1. */
export function populationMeanSpend(params: GammaGammaParameters): number {
  return params.q > 1 ? (params.gamma * params.p) / (params.q - 1) : Number.NaN;
}

/**
 * E[M | x, zbar] = p(γ + x zbar) / (px + q − 1) (note eq. 5): a weighted mean of the
 * population mean and the customer's own zbar, leaning on zbar the more purchases back it.
 * With x = 0 it is the population mean.
 */
export function expectedAverageSpend(params: GammaGammaParameters, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}
