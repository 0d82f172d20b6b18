import type { Objective } from './line-search.js';
import type { MinimiseResult } from './bfgs.js';
import { maxAbs } from './bfgs.js';

/**
 * Nelder-Mead simplex search with the standard coefficients (reflection 1, expansion 2,
 * contraction ½, shrink ½; Lagarias et al. 1998, SIAM J. Optim. 9(1)). It needs no
 * gradient and no finite values along a line, so it can walk out of a region where
 * BFGS's line search fails; minimise() then hands the result back to BFGS to converge.
 */

const INITIAL_STEP = 0.5;
const VALUE_TOLERANCE = 1e-12;

export function nelderMead(objective: Objective, start: Float64Array, maxIterations: number): MinimiseResult {
  const n = start.length;
  const scratch = new Float64Array(n);
  let evaluations = 0;
  const evaluate = (theta: Float64Array): number => {
    evaluations += 1;
    const value = objective(theta, scratch);
    return Number.isFinite(value) ? value : Infinity;
  };

  const vertices: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const vertex = Float64Array.from(start);
    vertex[i] += INITIAL_STEP;
    vertices.push(vertex);
  }
  const values = vertices.map(evaluate);
  const along = (from: Float64Array, to: Float64Array, t: number): Float64Array => from.map((f, i) => f + t * (to[i] - f));

  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sorted = order.map((i) => vertices[i]);
    const sortedValues = order.map((i) => values[i]);
    sorted.forEach((v, i) => (vertices[i] = v));
    sortedValues.forEach((v, i) => (values[i] = v));
    if (Math.abs(values[n] - values[0]) <= VALUE_TOLERANCE * (Math.abs(values[0]) + VALUE_TOLERANCE)) break;

    const centroid = new Float64Array(n);
    for (let v = 0; v < n; v++) for (let i = 0; i < n; i++) centroid[i] += vertices[v][i] / n;
    const worst = vertices[n];
    const reflected = along(centroid, worst, -1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]) {
      const expanded = along(centroid, worst, -2);
      const expandedValue = evaluate(expanded);
      [vertices[n], values[n]] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[n - 1]) {
      [vertices[n], values[n]] = [reflected, reflectedValue];
    } else {
      const outside = reflectedValue < values[n];
      const contracted = along(centroid, worst, outside ? -0.5 : 0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (outside ? reflectedValue : values[n])) [vertices[n], values[n]] = [contracted, contractedValue];
      else {
        for (let v = 1; v <= n; v++) {
          vertices[v] = along(vertices[0], vertices[v], 0.5);
          values[v] = evaluate(vertices[v]);
        }
      }
    }
  }

  let best = 0;
  for (let v = 1; v <= n; v++) if (values[v] < values[best]) best = v;
  const gradient = new Float64Array(n);
  const value = objective(vertices[best], gradient);
  return { theta: vertices[best], value, gradientNorm: maxAbs(gradient), iterations: iteration, evaluations: evaluations + 1, converged: false };
}
