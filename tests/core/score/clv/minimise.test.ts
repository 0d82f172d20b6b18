import { describe, expect, it } from 'vitest';
import { bfgs } from '../../../../src/core/score/clv/bfgs.js';
import { bgNbdObjective } from '../../../../src/core/score/clv/bg-nbd-likelihood.js';
import { groupForFit } from '../../../../src/core/score/clv/customer-groups.js';
import { minimise } from '../../../../src/core/score/clv/minimise.js';
import { summarizePurchases } from '../../../../src/core/score/clv/purchase-summaries.js';

/** Rosenbrock's banana valley, the classic hard case for descent methods; minimum 0 at (1, 1). */
function rosenbrock(theta: Float64Array, gradient: Float64Array): number {
  const [u, v] = theta;
  gradient[0] = -2 * (1 - u) - 400 * u * (v - u * u);
  gradient[1] = 200 * (v - u * u);
  return (1 - u) ** 2 + 100 * (v - u * u) ** 2;
}

describe('minimise', () => {
  it('converges to the minimum of the Rosenbrock valley from the usual start', () => {
    const result = minimise(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.theta[0]).toBeCloseTo(1, 6);
    expect(result.theta[1]).toBeCloseTo(1, 6);
  });

  it('reports that it did not converge, and stays at finite values, when it can move nowhere', () => {
    const cornered = (theta: Float64Array, gradient: Float64Array): number => {
      gradient[0] = 1;
      return theta[0] === 0 ? 0 : Number.NaN;
    };
    const result = minimise(cornered, [0]);
    expect(result.converged).toBe(false);
    expect(Array.from(result.theta)).toEqual([0]);
  });

  it('steps back from regions where the objective is not finite', () => {
    const walled = (theta: Float64Array, gradient: Float64Array): number => {
      gradient[0] = 2 * (theta[0] - 3);
      return theta[0] > 4 ? Number.NaN : (theta[0] - 3) ** 2;
    };
    const result = minimise(walled, [0]);
    expect(result.converged).toBe(true);
    expect(result.theta[0]).toBeCloseTo(3, 8);
  });

  it('reports a function with no minimum as not converged', () => {
    const downhill = (theta: Float64Array, gradient: Float64Array): number => {
      gradient[0] = -1;
      return -theta[0];
    };
    expect(minimise(downhill, [0], { maxIterations: 50 }).converged).toBe(false);
  });

  it('gives up on a likelihood that runs off to the edge once twenty iterations in a row gain nothing, long before its cap of 500', () => {
    // Half buy once, half every 10 weeks up to the as-of day: nobody who came back ever drops
    // out, so the drop-out parameters run off without the gradient ever meeting the tolerance.
    const book = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, purchases: (i % 2 ? [0, 70, 140, 210] : [0]).map((day) => ({ day, amount: 100 })) }));
    const objective = bgNbdObjective(groupForFit(summarizePurchases(book, 210, 'weeks')));
    const result = bfgs(objective, new Float64Array(4), { gradientTolerance: 1e-8, maxIterations: 500, maxStep: 3 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBeLessThan(100);
    expect(Array.from(result.theta, Math.exp).some((p) => p < 1e-6 || p > 1e6)).toBe(true);
  });
});
