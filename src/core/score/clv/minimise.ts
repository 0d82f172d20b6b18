import { bfgs, type MinimiseOptions, type MinimiseResult } from './bfgs.js';
import type { Objective } from './line-search.js';
import { nelderMead } from './nelder-mead.js';

export type { MinimiseResult } from './bfgs.js';

/**
 * Tolerances shared by the BG/NBD and Gamma-Gamma fits. Objectives are negative
 * log-likelihoods per customer in log-parameter space, so a gradient of 1e-8 leaves the
 * parameters far inside the 0.1% the published fits are checked to.
 */
const DEFAULT_OPTIONS: MinimiseOptions = { gradientTolerance: 1e-8, maxIterations: 500, maxStep: 3 };
const NELDER_MEAD_ITERATIONS = 2000;

/**
 * Minimises with BFGS; if that does not converge, walks with Nelder-Mead from the best
 * point found and polishes with BFGS again. `converged` is true only when the final
 * gradient meets the tolerance: the caller reports it, never hides it.
 */
export function minimise(objective: Objective, start: readonly number[], options: Partial<MinimiseOptions> = {}): MinimiseResult {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const first = bfgs(objective, Float64Array.from(start), settings);
  if (first.converged) return first;
  const from = Number.isFinite(first.value) ? first.theta : Float64Array.from(start);
  const walked = nelderMead(objective, from, NELDER_MEAD_ITERATIONS);
  const polished = bfgs(objective, walked.theta, settings);
  return {
    ...polished,
    iterations: first.iterations + walked.iterations + polished.iterations,
    evaluations: first.evaluations + walked.evaluations + polished.evaluations,
  };
}
