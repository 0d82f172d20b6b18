import type { FitGroups } from './customer-groups.js';
import { digamma, lnGamma } from './gamma-function.js';
import type { Objective } from './line-search.js';

/**
 * The BG/NBD log-likelihood of Fader, Hardie & Lee (2005) eq. 6, in the form of their
 * implementation note ("Implementing the BG/NBD model", Fader, Hardie & Lee 2008):
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *          + ln[ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x) ]
 *
 * Gamma functions only ever appear as logarithms and the last bracket is a log-sum-exp,
 * so nothing overflows however large x is. The objective is the negative log-likelihood
 * per customer as a function of θ = (ln r, ln α, ln a, ln b): the search is unconstrained
 * and the four parameters sit on comparable scales. The gradient is analytic (chain rule
 * ∂/∂ln r = r ∂/∂r), differentiating the expression above term by term.
 *
 * Gamma terms depend on x only and logarithms of α + T and α + t_x on one distinct time
 * each, so they are computed once per distinct value; a group costs one exp and one log.
 */
export function bgNbdObjective(groups: FitGroups): Objective {
  const nx = groups.xValues.length;
  const weightPerX = new Float64Array(nx);
  let total = 0;
  for (let g = 0; g < groups.weight.length; g++) {
    weightPerX[groups.xIndex[g]] += groups.weight[g];
    total += groups.weight[g];
  }
  const rPlusX = new Float64Array(nx);
  const lnRatio = new Float64Array(nx);
  const invB = new Float64Array(nx);
  const lnAlphaT = new Float64Array(groups.TValues.length);
  const invAlphaT = new Float64Array(groups.TValues.length);
  const lnAlphaTx = new Float64Array(groups.txValues.length);
  const invAlphaTx = new Float64Array(groups.txValues.length);

  return (theta, gradient) => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    const lnAlpha = Math.log(alpha);
    let ll = total * r * lnAlpha;
    let dr = total * lnAlpha;
    let dAlpha = (total * r) / alpha;
    let da = 0;
    let db = 0;

    const lnGammaR = lnGamma(r);
    const lnGammaB = lnGamma(b);
    const lnGammaAB = lnGamma(a + b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    const lnA = Math.log(a);
    for (let j = 0; j < nx; j++) {
      const x = groups.xValues[j];
      const w = weightPerX[j];
      const psiABX = digamma(a + b + x);
      ll += w * (lnGamma(r + x) - lnGammaR + lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x));
      dr += w * (digamma(r + x) - psiR);
      da += w * (psiAB - psiABX);
      db += w * (psiAB + digamma(b + x) - psiB - psiABX);
      rPlusX[j] = r + x;
      invB[j] = x > 0 ? 1 / (b + x - 1) : 0;
      lnRatio[j] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    }
    for (let k = 0; k < groups.TValues.length; k++) {
      lnAlphaT[k] = Math.log(alpha + groups.TValues[k]);
      invAlphaT[k] = 1 / (alpha + groups.TValues[k]);
    }
    for (let k = 0; k < groups.txValues.length; k++) {
      lnAlphaTx[k] = Math.log(alpha + groups.txValues[k]);
      invAlphaTx[k] = 1 / (alpha + groups.txValues[k]);
    }

    for (let g = 0; g < groups.weight.length; g++) {
      const j = groups.xIndex[g];
      const w = groups.weight[g];
      const rx = rPlusX[j];
      const lnT = lnAlphaT[groups.TIndex[g]];
      const invT = invAlphaT[groups.TIndex[g]];
      const late = -rx * lnT;
      if (lnRatio[j] === -Infinity) {
        ll += w * late;
        dr -= w * lnT;
        dAlpha -= w * rx * invT;
        continue;
      }
      const lnTx = lnAlphaTx[groups.txIndex[g]];
      const invTx = invAlphaTx[groups.txIndex[g]];
      const early = lnRatio[j] - rx * lnTx;
      // ln(e^late + e^early) and the share of each term, without overflow.
      const gap = early - late;
      const smaller = Math.exp(-Math.abs(gap));
      const shareEarly = gap > 0 ? 1 / (1 + smaller) : smaller / (1 + smaller);
      const shareLate = 1 - shareEarly;
      ll += w * (Math.max(late, early) + Math.log1p(smaller));
      dr -= w * (shareLate * lnT + shareEarly * lnTx);
      dAlpha -= w * rx * (shareLate * invT + shareEarly * invTx);
      da += (w * shareEarly) / a;
      db -= w * shareEarly * invB[j];
    }

    gradient[0] = (-r * dr) / total;
    gradient[1] = (-alpha * dAlpha) / total;
    gradient[2] = (-a * da) / total;
    gradient[3] = (-b * db) / total;
    return -ll / total;
  };
}
