import { bgNbdObjective } from './bg-nbd-likelihood.js';
import type { BgNbdModel } from './clv-result.js';
import { groupForFit } from './customer-groups.js';
import { minimise } from './minimise.js';

/**
 * Maximum-likelihood fit of r, α, a, b. The search starts from r = α = a = b = 1 in
 * log-parameter space (the usual starting values of the BG/NBD implementations) and runs
 * BFGS on the analytic gradient, with Nelder-Mead as a fallback. `converged` is false
 * when the gradient did not reach the tolerance; the parameters are then the best point
 * found, always finite.
 */
export function fitBgNbd(columns: { x: Float64Array; tx: Float64Array; T: Float64Array }): BgNbdModel {
  const objective = bgNbdObjective(groupForFit(columns));
  const result = minimise(objective, [0, 0, 0, 0]);
  const [r, alpha, a, b] = Array.from(result.theta, Math.exp);
  const finite = [r, alpha, a, b, result.value].every(Number.isFinite) && r > 0 && alpha > 0 && a > 0 && b > 0;
  return {
    r: finite ? r : 1,
    alpha: finite ? alpha : 1,
    a: finite ? a : 1,
    b: finite ? b : 1,
    logLikelihood: finite ? -result.value * columns.x.length : -Infinity,
    converged: finite && result.converged,
    iterations: result.iterations,
  };
}
